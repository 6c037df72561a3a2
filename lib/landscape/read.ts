import type { RawParams } from "../url/params";
import { slicer } from "../data/cooperative";
import { cached, cachedLandscapeTrials } from "../data/view-cache";
import { parseLandscapeParams, type LandscapeState } from "./params";
import { collectLandscapeArms, finishLandscape, type Landscape, type LandscapeArms, type ShapeOptions } from "./shape";

/**
 * The landscape of a query string, read and shaped where it runs (the view worker, see
 * lib/data/view-pool.ts, or in process): no `server-only` here, a worker thread loads it.
 */

export interface LandscapeView { state: LandscapeState; problems: string[]; landscape: Landscape; trials: number }

/** Trials shaped a chunk at a time (the same landscape as shapeLandscape), the event loop given back between chunks. */
const CHUNK = 100;

/**
 * The list's search (every page), its MSC arms read from one snapshot, shaped: cached per
 * data version (lib/data/view-cache.ts), so the page and its chart's points, asked for one
 * after the other, are shaped once. The landscape returned is shared: never change it.
 */
export async function readLandscape(sp: RawParams, { summary = true, summaryLimit }: { summary?: boolean; summaryLimit?: number } = {}): Promise<LandscapeView> {
  const { state, problems } = parseLandscapeParams(sp);
  const { route, source, origin, dosing } = state.query;
  const o: ShapeOptions = { weightKg: state.weightKg, y: state.y, colour: state.colour, filters: { route, source, origin, dosing }, summary, summaryLimit };
  const key = `shaped ${JSON.stringify({ ...state, view: undefined, query: { ...state.query, page: 1, pageSize: 0 } })} ${summary} ${summaryLimit}`;
  const { value } = await cached(key, async () => {
    // Kept under the data version the trials were read at (one snapshot).
    const { version, value: trials } = await cachedLandscapeTrials(state.query);
    const arms: LandscapeArms = { drawn: [], noDose: [] };
    const pause = slicer();
    for (let i = 0; i < trials.length; i += CHUNK) {
      collectLandscapeArms(trials.slice(i, i + CHUNK), o, arms);
      await pause();
    }
    return { version, value: { landscape: finishLandscape(arms, o), trials: trials.length } };
  });
  return { state, problems, ...value };
}
