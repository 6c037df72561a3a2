import type { Reader } from "../db/store";
import { screenTrials, type TrialScreen } from "../screen";
import type { Patient } from "../screen/params";
import { toSearchResult, type SearchResult } from "../search/list-items";
import type { SearchQuery } from "../search/params";
import { mapInSlices } from "./cooperative";
import { readAllMatches } from "./search";
import { cachedAllScreenTrials } from "./view-cache";

// No `server-only` here: the view worker runs screenSearch (lib/data/view-jobs.ts).

export interface ScreenedList {
  result: SearchResult;
  screens: Map<string, TrialScreen>;
  screened: number;
  possible: number;
  excluded: number;
  unknownCriteria: number;
  onlyPossible: boolean;
}

/** Trials screened a chunk at a time, the event loop given back between chunks. */
export function screenInSlices(trials: Parameters<typeof screenTrials>[0], patient: Patient, pause?: () => Promise<void>): Promise<TrialScreen[]> {
  return mapInSlices(trials, 20, (chunk) => screenTrials(chunk, patient), pause);
}

/**
 * The list's search with the patient screen as its own stage: every match is screened
 * (the count covers them all), excluded ones leave when `onlyPossible`, then the page.
 * The search, the criteria and the page's rows come from one snapshot (the criteria from
 * lib/data/view-cache.ts when they were read at that snapshot's data version).
 */
export async function screenSearch(q: SearchQuery, patient: Patient, onlyPossible: boolean): Promise<ScreenedList> {
  const all = await cachedAllScreenTrials();
  // The cached criteria only when they were read at this snapshot's data version (the same committed state).
  const get = async (r: Reader, ids: string[]) =>
    (await r.dataVersion()) === all.version ? ids.flatMap((id) => all.value.byId.get(id) ?? []) : r.screenTrials(ids);
  return readAllMatches(q, get, async (r, all, trials, pause) => {
    const screens = await screenInSlices(trials, patient, pause);
    const kept = onlyPossible ? screens.filter((s) => s.verdict === "possible") : screens;
    const ids = kept.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((s) => s.id);
    const keptIds = new Set(kept.map((s) => s.id));
    const mapSites = all.mapSites?.filter((s) => keptIds.has(s.trialId));
    const result = toSearchResult(q, { ...all, total: kept.length, ids, mapSites }, ids.length ? await r.listRows(ids) : []);
    const possible = screens.filter((s) => s.verdict === "possible").length;
    return {
      result, screens: new Map(screens.map((s) => [s.id, s])), screened: screens.length, possible,
      excluded: screens.length - possible, unknownCriteria: screens.reduce((n, s) => n + s.unknown, 0), onlyPossible,
    };
  }, { withMap: true });
}
