import type Database from "better-sqlite3";
import { readDb, readSnapshot } from "../db/read-connection";
import { dataVersion, matchRowids, readCompareCandidates, readFacetRows, readListRows, readTrialTitles, type TrialTitle } from "../db/search-reads";
import { getTrials } from "../db/trials";
import type { TrialRecord } from "../record/schema";
import { runSearch, type EngineResult } from "../search/engine";
import { cachedFacetIndex } from "../search/facet-index";
import { parseUserQuery, toFtsMatch } from "../search/fts-query";
import { toSearchResult, type SearchResult } from "../search/list-items";
import type { SearchQuery } from "../search/params";

/**
 * Search as the app runs it: lib/db reads (the facet rows, the full-text matches, the
 * page's rows), lib/search ranks, filters and counts over them. Each search reads one
 * snapshot, so its facets, matches and rows agree even if an import commits meanwhile.
 */
export function findTrials(q: SearchQuery, db: Database.Database = readDb()): EngineResult {
  return readSnapshot((tx) => {
    const index = cachedFacetIndex(tx, dataVersion(tx), () => readFacetRows(tx));
    const parsed = parseUserQuery(q.q);
    const match = toFtsMatch(parsed);
    return runSearch(index, q, parsed, match === null ? null : matchRowids(tx, match));
  }, db);
}

/** The list page's search: result rows, facet counts and the words to highlight. */
export function searchTrials(q: SearchQuery, db: Database.Database = readDb()): SearchResult {
  return readSnapshot((tx) => {
    const found = findTrials(q, tx);
    return toSearchResult(q, found, found.ids.length ? readListRows(tx, found.ids) : []);
  }, db);
}

/** Every trial the list's query matches (all pages) as whole records, in the list's order, with the search itself. */
export async function findAllTrialRecords(q: SearchQuery, db: Database.Database = readDb()): Promise<{ found: EngineResult; records: TrialRecord[] }> {
  const found = findTrials({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, db);
  return { found, records: await getTrials(found.ids) };
}

/** The API's search: the same query, whole records in the contract. */
export async function searchTrialRecords(q: SearchQuery): Promise<{ total: number; page: number; pageSize: number; trials: TrialRecord[] }> {
  const { total, ids } = findTrials(q);
  return { total, page: q.page, pageSize: q.pageSize, trials: await getTrials(ids) };
}

/** A few trials to offer beside a trial page's "Compare with…" (see readCompareCandidates). */
export function compareCandidates(id: string, conditions: string[], limit = 12): TrialTitle[] {
  return readCompareCandidates(readDb(), id, conditions, limit);
}

/** Every trial's id and title (the comparison's trial picker). */
export function trialTitles(): TrialTitle[] {
  return readTrialTitles(readDb());
}
