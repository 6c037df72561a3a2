import type Database from "better-sqlite3";
import { readDb } from "../db/read-connection";
import { getTrials } from "../db/trials";
import type { TrialRecord } from "../record/schema";
import type { SearchQuery } from "../search/params";
import { findTrials } from "./search";

/** Every trial the list's query matches (all pages), as whole records, in the list's order. */
export async function searchAllTrialRecords(q: SearchQuery, db: Database.Database = readDb()): Promise<TrialRecord[]> {
  const { ids } = findTrials({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, db);
  return getTrials(ids);
}
