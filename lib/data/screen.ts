import "server-only";
import { readSnapshot } from "../db/read-connection";
import { readListRows } from "../db/search-reads";
import { screenTrials, type TrialScreen } from "../screen";
import type { Patient } from "../screen/params";
import { toSearchResult, type SearchResult } from "../search/list-items";
import type { SearchQuery } from "../search/params";
import { findAllTrialRecords } from "./search";

export interface ScreenedList {
  result: SearchResult;
  screens: Map<string, TrialScreen>;
  screened: number;
  possible: number;
  excluded: number;
  unknownCriteria: number;
  onlyPossible: boolean;
}

/**
 * The list's search with the patient screen as its own stage: every match is screened
 * (the count covers them all), excluded ones leave when `onlyPossible`, then the page.
 */
export async function screenSearch(q: SearchQuery, patient: Patient, onlyPossible: boolean): Promise<ScreenedList> {
  const { found: all, records } = await findAllTrialRecords(q);
  const screens = screenTrials(records, patient);
  const kept = onlyPossible ? screens.filter((s) => s.verdict === "possible") : screens;
  const ids = kept.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((s) => s.id);
  const result = readSnapshot((tx) => toSearchResult(q, { ...all, total: kept.length, ids }, ids.length ? readListRows(tx, ids) : []));
  const possible = screens.filter((s) => s.verdict === "possible").length;
  return {
    result, screens: new Map(screens.map((s) => [s.id, s])), screened: screens.length, possible,
    excluded: screens.length - possible, unknownCriteria: screens.reduce((n, s) => n + s.unknown, 0), onlyPossible,
  };
}
