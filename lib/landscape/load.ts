import "server-only";
import { findAllTrialRecords } from "../data";
import type { SearchParams } from "../compare/params";
import { parseLandscapeParams, type LandscapeState } from "./params";
import { shapeLandscape, type Landscape } from "./shape";

export interface LandscapeView { state: LandscapeState; problems: string[]; landscape: Landscape; trials: number }

/** The landscape of a query string: the list's search (every page), shaped. */
export async function loadLandscape(sp: SearchParams): Promise<LandscapeView> {
  const { state, problems } = parseLandscapeParams(sp);
  const { records } = await findAllTrialRecords(state.query);
  const { route, source, origin, dosing } = state.query;
  const landscape = shapeLandscape(records, { weightKg: state.weightKg, y: state.y, colour: state.colour, filters: { route, source, origin, dosing } });
  return { state, problems, landscape, trials: records.length };
}
