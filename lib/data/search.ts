import { read, store, type Reader, type TrialTitle } from "../db/store";
import type { LandscapeTrial, ScreenTrial } from "../db/view-reads";
import type { TrialRecord } from "../record/schema";
import { runSearch, type EngineResult } from "../search/engine";
import { cachedFacetIndex } from "../search/facet-index";
import { cachedPerVersion } from "../search/result-cache";
import { parseUserQuery } from "../search/fts-query";
import { toSearchResult, type SearchResult } from "../search/list-items";
import type { SearchQuery } from "../search/params";
import { slicer } from "./cooperative";
import { nearPoint, resolveNear } from "../search/near";

/**
 * Search as the app runs it: the store's reads (the facet rows, the full-text matches, the
 * page's rows), lib/search ranks, filters and counts over them. Each search reads one
 * snapshot, so its facets, matches and rows agree even if an import commits meanwhile.
 */

/**
 * The search inside a snapshot the caller holds (`r`). The facet index is cached per
 * `owner` (the store; a test reading another connection passes that) and data version.
 */
export async function findTrials(r: Reader, q: SearchQuery, owner: object = store(), opts: { withMap?: boolean } = {}): Promise<EngineResult> {
  // Rebuilt after an import changed rows, in slices: other requests run between them.
  const index = await cachedFacetIndex(owner, await r.dataVersion(), () => r.facetRows(), slicer());
  const parsed = parseUserQuery(q.q);
  // A near place that resolves to a point measures (and, with a radius, filters); an ambiguous or unknown one does nothing (the page says why).
  return runSearch(index, q, parsed, await r.textMatches(parsed), { point: nearPoint(resolveNear(q)), withMap: opts.withMap });
}

/** findTrials in a snapshot of its own. */
export function findTrialsNow(q: SearchQuery): Promise<EngineResult> {
  return read((r) => findTrials(r, q));
}

/** The list page's search: result rows, facet counts and the words to highlight, from one snapshot. */
export function searchTrials(q: SearchQuery): Promise<SearchResult> {
  return read(async (r) =>
    // The same query between two imports has the same answer: searched once per data version.
    cachedPerVersion(store(), await r.dataVersion(), `list ${JSON.stringify(q)}`, async () => {
      const found = await findTrials(r, q, store(), { withMap: true });
      return toSearchResult(q, found, found.ids.length ? await r.listRows(found.ids) : []);
    }));
}

/** How many trials one statement of a view read asks for. */
const VIEW_CHUNK = 50;

/** The rows `get` returns for `ids`, in the order of `ids`, a chunk at a time with a pause between chunks. */
export async function readInOrder<T extends { id: string }>(ids: string[], get: (ids: string[]) => Promise<T[]>, pause: () => Promise<void>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += VIEW_CHUNK) {
    const chunk = ids.slice(i, i + VIEW_CHUNK);
    const byId = new Map((await get(chunk)).map((t) => [t.id, t]));
    for (const id of chunk) {
      const t = byId.get(id);
      if (t) out.push(t);
    }
    await pause();
  }
  return out;
}

/**
 * Every trial the list's query matches (all pages), as `get` reads them (a view's rows,
 * e.g. `r.landscapeTrials`), in the list's order, then `finish` with them: one snapshot
 * from the search to the last row `finish` reads, read in slices that give the event loop
 * back between them (`pause`, which `finish` may use too).
 */
export function readAllMatches<T extends { id: string }, R>(
  q: SearchQuery,
  get: (r: Reader, ids: string[]) => Promise<T[]>,
  finish: (r: Reader, found: EngineResult, trials: T[], pause: () => Promise<void>) => R | Promise<R>,
  opts: { withMap?: boolean } = {},
): Promise<R> {
  return read(async (r) => {
    const pause = slicer();
    const found = await findTrials(r, { ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, store(), opts);
    await pause();
    const trials = await readInOrder(found.ids, (ids) => get(r, ids), pause);
    return finish(r, found, trials, pause);
  });
}

/** Every match of the list's query as the landscape reads a trial (its MSC arms and their doses). */
export function findAllLandscapeTrials(q: SearchQuery): Promise<{ found: EngineResult; trials: LandscapeTrial[] }> {
  return readAllMatches(q, (r, ids) => r.landscapeTrials(ids), (_r, found, trials) => ({ found, trials }));
}

/**
 * Trials as the screen reads them, inside the caller's snapshot: these ids in the order
 * given (`missing`: those not stored), or every listed trial in source-file order when `ids` is null.
 */
export async function screenTrialsIn(r: Reader, ids: string[] | null): Promise<{ trials: ScreenTrial[]; missing: string[] }> {
  const wanted = ids ?? await r.listedIds();
  const trials = await readInOrder(wanted, (chunk) => r.screenTrials(chunk), slicer());
  const found = new Set(trials.map((t) => t.id));
  return { trials, missing: wanted.filter((id) => !found.has(id)) };
}

/** screenTrialsIn in a snapshot of its own. */
export function screenTrialsByIds(ids: string[] | null): Promise<{ trials: ScreenTrial[]; missing: string[] }> {
  return read((r) => screenTrialsIn(r, ids));
}

/** The API's search: the same query, whole records in the contract; the search and the records from one snapshot. */
export function searchTrialRecords(q: SearchQuery): Promise<{ total: number; page: number; pageSize: number; trials: TrialRecord[] }> {
  return read(async (r) => {
    const { total, ids } = await findTrials(r, q);
    return { total, page: q.page, pageSize: q.pageSize, trials: await r.trials(ids) };
  });
}

/** A few trials to offer beside a trial page's "Compare with…" (Reader.compareCandidates). */
export function compareCandidates(id: string, conditions: string[], limit = 12): Promise<TrialTitle[]> {
  return read((r) => r.compareCandidates(id, conditions, limit));
}

/** Every trial's id and title (the comparison's trial picker). */
export function trialTitles(): Promise<TrialTitle[]> {
  return read((r) => r.trialTitles());
}
