import "server-only";
import { findAllLandscapeTrials } from "../data";
import { slicer } from "../data/cooperative";
import type { SearchParams } from "../compare/params";
import { parseLandscapeParams, type LandscapeState } from "./params";
import { collectLandscapeArms, finishLandscape, type Landscape, type LandscapeArms, type ShapeOptions } from "./shape";

export interface LandscapeView { state: LandscapeState; problems: string[]; landscape: Landscape; trials: number }

/** Trials shaped a chunk at a time (the same landscape as shapeLandscape), the event loop given back between chunks. */
const CHUNK = 100;

/** The landscape of a query string: the list's search (every page), its MSC arms read from one snapshot, shaped. */
export async function loadLandscape(sp: SearchParams, { summary = true }: { summary?: boolean } = {}): Promise<LandscapeView> {
  const { state, problems } = parseLandscapeParams(sp);
  const { trials } = await findAllLandscapeTrials(state.query);
  const { route, source, origin, dosing } = state.query;
  const o: ShapeOptions = { weightKg: state.weightKg, y: state.y, colour: state.colour, filters: { route, source, origin, dosing }, summary };
  const arms: LandscapeArms = { drawn: [], noDose: [] };
  const pause = slicer();
  for (let i = 0; i < trials.length; i += CHUNK) {
    collectLandscapeArms(trials.slice(i, i + CHUNK), o, arms);
    await pause();
  }
  return { state, problems, landscape: finishLandscape(arms, o), trials: trials.length };
}
