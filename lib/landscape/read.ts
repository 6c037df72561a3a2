import type { SearchParams } from "../compare/params";
import { slicer } from "../data/cooperative";
import { cachedLandscapeTrials } from "../data/view-cache";
import { parseLandscapeParams, type LandscapeState } from "./params";
import { collectLandscapeArms, finishLandscape, type Landscape, type LandscapeArms, type ShapeOptions } from "./shape";

/**
 * The landscape of a query string, read and shaped where it runs (the view worker, see
 * lib/data/view-pool.ts, or in process): no `server-only` here, a worker thread loads it.
 */

export interface LandscapeView { state: LandscapeState; problems: string[]; landscape: Landscape; trials: number }

/** Trials shaped a chunk at a time (the same landscape as shapeLandscape), the event loop given back between chunks. */
const CHUNK = 100;

/** The list's search (every page), its MSC arms read from one snapshot (cached per data version), shaped. */
export async function readLandscape(sp: SearchParams, { summary = true, summaryLimit }: { summary?: boolean; summaryLimit?: number } = {}): Promise<LandscapeView> {
  const { state, problems } = parseLandscapeParams(sp);
  const trials = await cachedLandscapeTrials(state.query);
  const { route, source, origin, dosing } = state.query;
  const o: ShapeOptions = { weightKg: state.weightKg, y: state.y, colour: state.colour, filters: { route, source, origin, dosing }, summary, summaryLimit };
  const arms: LandscapeArms = { drawn: [], noDose: [] };
  const pause = slicer();
  for (let i = 0; i < trials.length; i += CHUNK) {
    collectLandscapeArms(trials.slice(i, i + CHUNK), o, arms);
    await pause();
  }
  return { state, problems, landscape: finishLandscape(arms, o), trials: trials.length };
}
