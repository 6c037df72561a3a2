import type Database from "better-sqlite3";
import { readDb, readSnapshot, readSnapshotAsync } from "../db/read-connection";
import { dataVersion, matchRowids, readCompareCandidates, readFacetRows, readListRows, readTrialTitles, type TrialTitle } from "../db/search-reads";
import { rowToRecord } from "../db/trial-rows";
import { readAllIds, readLandscapeTrials, readScreenTrials, readTrialRows, type LandscapeTrial, type ScreenTrial } from "../db/view-reads";
import type { TrialRecord } from "../record/schema";
import { runSearch, type EngineResult } from "../search/engine";
import { cachedFacetIndex } from "../search/facet-index";
import { cachedPerVersion } from "../search/result-cache";
import { parseUserQuery, toFtsMatch } from "../search/fts-query";
import { toSearchResult, type SearchResult } from "../search/list-items";
import type { SearchQuery } from "../search/params";
import { slicer } from "./cooperative";

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
  return readSnapshot((tx) =>
    // The same query between two imports has the same answer: searched once per data version.
    cachedPerVersion(tx, dataVersion(tx), `list ${JSON.stringify(q)}`, () => {
      const found = findTrials(q, tx);
      return toSearchResult(q, found, found.ids.length ? readListRows(tx, found.ids) : []);
    }), db);
}

/** How many trials one statement of a view read asks for. */
const VIEW_CHUNK = 50;

/** The rows `read` returns for `ids`, in the order of `ids`, a chunk at a time with a pause between chunks. */
async function readInOrder<T extends { id: string }>(db: Database.Database, ids: string[], read: (db: Database.Database, ids: string[]) => T[], pause: () => Promise<void>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += VIEW_CHUNK) {
    const chunk = ids.slice(i, i + VIEW_CHUNK);
    const byId = new Map(read(db, chunk).map((t) => [t.id, t]));
    for (const id of chunk) {
      const t = byId.get(id);
      if (t) out.push(t);
    }
    await pause();
  }
  return out;
}

/**
 * Every trial the list's query matches (all pages), as `read` reads them (a view's rows,
 * lib/db/view-reads.ts), in the list's order, then `finish` with them: one snapshot from
 * the search to the last row `finish` reads, read in slices that give the event loop back
 * between them (`pause`, which `finish` may use too).
 */
export async function readAllMatches<T extends { id: string }, R>(
  q: SearchQuery,
  read: (db: Database.Database, ids: string[]) => T[],
  finish: (db: Database.Database, found: EngineResult, trials: T[], pause: () => Promise<void>) => R | Promise<R>,
): Promise<R> {
  return readSnapshotAsync(async (db) => {
    const pause = slicer();
    const found = findTrials({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, db);
    await pause();
    const trials = await readInOrder(db, found.ids, read, pause);
    return finish(db, found, trials, pause);
  });
}

/** Every match of the list's query as the landscape reads a trial (its MSC arms and their doses). */
export function findAllLandscapeTrials(q: SearchQuery): Promise<{ found: EngineResult; trials: LandscapeTrial[] }> {
  return readAllMatches(q, readLandscapeTrials, (_db, found, trials) => ({ found, trials }));
}

/**
 * Trials as the screen reads them, from one snapshot: these ids in the order given
 * (`missing`: those not stored), or every trial in source-file order when `ids` is null.
 */
export async function screenTrialsByIds(ids: string[] | null): Promise<{ trials: ScreenTrial[]; missing: string[] }> {
  return readSnapshotAsync(async (db) => {
    const wanted = ids ?? readAllIds(db);
    const trials = await readInOrder(db, wanted, readScreenTrials, slicer());
    const found = new Set(trials.map((t) => t.id));
    return { trials, missing: wanted.filter((id) => !found.has(id)) };
  });
}

/** The API's search: the same query, whole records in the contract; the search and the records from one snapshot. */
export function searchTrialRecords(q: SearchQuery): { total: number; page: number; pageSize: number; trials: TrialRecord[] } {
  return readSnapshot((db) => {
    const { total, ids } = findTrials(q, db);
    const byId = new Map(readTrialRows(db, ids).map((row) => [row.id, rowToRecord(row)]));
    return { total, page: q.page, pageSize: q.pageSize, trials: ids.flatMap((id) => byId.get(id) ?? []) };
  });
}

/** A few trials to offer beside a trial page's "Compare with…" (see readCompareCandidates). */
export function compareCandidates(id: string, conditions: string[], limit = 12): TrialTitle[] {
  return readCompareCandidates(readDb(), id, conditions, limit);
}

/** Every trial's id and title (the comparison's trial picker). */
export function trialTitles(): TrialTitle[] {
  return readTrialTitles(readDb());
}
