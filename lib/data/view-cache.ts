import { read } from "../db/store";
import type { LandscapeTrial, ScreenTrial } from "../db/view-reads";
import type { SearchQuery } from "../search/params";
import { readAllMatches, screenTrialsIn } from "./search";

/**
 * What the heavy views read and is the same for every request between two imports: the
 * landscape's trials of a query, and every trial's screening criteria. Kept per data
 * version of the store (Reader.dataVersion, which moves when an import commits), so an
 * answer is never of an older committed state than a fresh read would see when the
 * request started: a commit makes the next request read again. Each value is read in one
 * snapshot together with the version it is kept under. A few entries at most (the last
 * used kept); a read that fails is not kept.
 */

const MAX_ENTRIES = 6;

interface Entry<T> { version: number; value: Promise<{ version: number; value: T }> }
const entries = new Map<string, Entry<unknown>>();

/** The store's data version now. */
export function currentDataVersion(): Promise<number> {
  return read((r) => r.dataVersion());
}

/**
 * `load`'s value for `key` at the current data version: cached, joined while it is read,
 * or read now. `load` returns the version its snapshot saw, which the entry is kept under.
 */
export async function cached<T>(key: string, load: () => Promise<{ version: number; value: T }>): Promise<{ version: number; value: T }> {
  const version = await currentDataVersion();
  const hit = entries.get(key) as Entry<T> | undefined;
  if (hit && hit.version === version) {
    entries.delete(key);
    entries.set(key, hit); // the last used last
    return hit.value;
  }
  const value = load();
  const entry: Entry<T> = { version, value };
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.then(
    (done) => {
      if (entries.get(key) === entry) entry.version = done.version;
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return value;
}

/** Every match of the list's query (all pages, the list's order) as the landscape reads a trial, and the data version read. */
export function cachedLandscapeTrials(q: SearchQuery): Promise<{ version: number; value: LandscapeTrial[] }> {
  const key = `landscape ${JSON.stringify({ ...q, page: 1, pageSize: 0 })}`;
  return cached(key, () =>
    readAllMatches(q, (r, ids) => r.landscapeTrials(ids), async (r, _found, trials) => ({ version: await r.dataVersion(), value: trials })));
}

export interface AllScreenTrials { trials: ScreenTrial[]; byId: Map<string, ScreenTrial> }

/** Every trial as the screen reads it (source-file order), and the data version of the snapshot it was read in. */
export function cachedAllScreenTrials(): Promise<{ version: number; value: AllScreenTrials }> {
  return cached("screen", () => read(async (r) => {
    const version = await r.dataVersion();
    const { trials } = await screenTrialsIn(r, null);
    return { version, value: { trials, byId: new Map(trials.map((t) => [t.id, t])) } };
  }));
}

/**
 * Trials as the screen reads them, all of one committed state: these ids in the order
 * given (`missing`: those not stored), or every trial in source-file order when `ids` is null.
 */
export async function cachedScreenTrials(ids: string[] | null): Promise<{ trials: ScreenTrial[]; missing: string[] }> {
  const { value: all } = await cachedAllScreenTrials();
  if (ids === null) return { trials: all.trials, missing: [] };
  return { trials: ids.flatMap((id) => all.byId.get(id) ?? []), missing: ids.filter((id) => !all.byId.has(id)) };
}

/** Forget every entry (tests). */
export function clearViewCache(): void {
  entries.clear();
}
