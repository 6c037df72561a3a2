import { DEFAULT_REFERENCE_WEIGHT_KG } from "../record/summary";
import { SCALES, type Scale } from "../chart/domain";
import { MAX_TRIALS, MIN_TRIALS, splitIds } from "../url/ids";
import { first, own, readableCommas, type ParamProblem as Problem, type RawParams } from "../url/params";
import { parseWeight } from "../url/weight";

/**
 * The comparison view's address: everything it shows lives in the query string, so a
 * pasted link reproduces the view. Pure: parsing here, id lookup in the route. The id list
 * and the reference weight are read by lib/url, as the landscape reads them.
 */

export { MAX_TRIALS, MIN_TRIALS };

export const TABS = ["all", "dose", "cumulative", "schedule", "structure"] as const;
export type Tab = (typeof TABS)[number];
export const TAB_LABELS: Record<Tab, string> = {
  all: "All charts",
  dose: "Dose per infusion",
  cumulative: "Cumulative dose",
  schedule: "Schedule",
  structure: "Arm structure",
};

export interface CompareState {
  ids: string[];
  weightKg: number;
  scale: Scale;
  tab: Tab;
}

export type ParamProblem = Problem<"ids" | "weightKg" | "scale" | "tab" | "format">;

export interface ParsedCompareParams {
  state: CompareState;
  /** Ids dropped because they repeat an earlier one (case-insensitively). */
  duplicates: string[];
  /** Ids that cannot be trial ids at all (bad characters). */
  malformed: string[];
  /** More than MAX_TRIALS distinct ids were asked for: the view refuses. */
  tooMany: boolean;
  problems: ParamProblem[];
}

function parseEnum<T extends string>(values: readonly T[], raw: string | undefined, fallback: T, parameter: "scale" | "tab"): { value: T; problem: ParamProblem | null } {
  if (raw === undefined || raw === "") return { value: fallback, problem: null };
  if ((values as readonly string[]).includes(raw)) return { value: raw as T, problem: null };
  return { value: fallback, problem: { parameter, message: `Unknown ${parameter} “${raw}”; expected one of ${values.join(", ")}.` } };
}

/** The view's state from its query string; problems are reported, never thrown. */
export function parseCompareParams(sp: RawParams): ParsedCompareParams {
  const { ids, duplicates, malformed } = splitIds(own(sp, "ids"));
  const weight = parseWeight(first(own(sp, "weightKg")));
  const scale = parseEnum(SCALES, first(own(sp, "scale")), "linear", "scale");
  const tab = parseEnum(TABS, first(own(sp, "tab")), "all", "tab");
  const problems: ParamProblem[] = [];
  if (malformed.length) {
    problems.push({ parameter: "ids", message: `Not a trial id: ${malformed.map((m) => `“${m}”`).join(", ")}. Ids are letters, digits and hyphens, e.g. NCT04822922.` });
  }
  const tooMany = ids.length > MAX_TRIALS;
  if (tooMany) {
    problems.push({ parameter: "ids", message: `At most ${MAX_TRIALS} trials can be compared at once; ${ids.length} were asked for. Remove some and try again.` });
  }
  for (const p of [weight.problem, scale.problem, tab.problem]) if (p) problems.push(p);
  return {
    state: { ids: tooMany ? [] : ids, weightKg: weight.weightKg, scale: scale.value, tab: tab.value },
    duplicates, malformed, tooMany, problems,
  };
}

/** The canonical address of a view: comma-separated ids; defaults for scale and tab left out. */
export function compareQuery(state: Partial<CompareState> & { ids: string[] }): string {
  const q = new URLSearchParams();
  if (state.ids.length) q.set("ids", state.ids.join(","));
  q.set("weightKg", String(state.weightKg ?? DEFAULT_REFERENCE_WEIGHT_KG));
  if (state.scale && state.scale !== "linear") q.set("scale", state.scale);
  if (state.tab && state.tab !== "all") q.set("tab", state.tab);
  return readableCommas(q.toString());
}

export function compareHref(state: Partial<CompareState> & { ids: string[] }): string {
  return `/compare?${compareQuery(state)}`;
}

export type ApiFormat = "json" | "csv";

/** The API's parameters; any problem is a 400 naming the parameter. */
export function parseApiParams(sp: RawParams):
  | { ok: true; ids: string[]; weightKg: number; format: ApiFormat }
  | { ok: false; error: string; parameter: ParamProblem["parameter"] } {
  const { ids, malformed } = splitIds(own(sp, "ids"));
  if (malformed.length) return { ok: false, parameter: "ids", error: `not a trial id: ${malformed.join(", ")}` };
  if (ids.length < MIN_TRIALS) return { ok: false, parameter: "ids", error: `give ${MIN_TRIALS} to ${MAX_TRIALS} distinct trial ids, comma-separated: ?ids=NCT04822922,NCT05948982${ids.length ? ` (got only ${ids[0]})` : ""}` };
  if (ids.length > MAX_TRIALS) return { ok: false, parameter: "ids", error: `at most ${MAX_TRIALS} trials, got ${ids.length}` };
  const { weightKg, problem } = parseWeight(first(own(sp, "weightKg")), "api");
  if (problem) return { ok: false, parameter: "weightKg", error: problem.message };
  const format = first(own(sp, "format")) ?? "json";
  if (format !== "json" && format !== "csv") return { ok: false, parameter: "format", error: `format must be json or csv, got “${format}”` };
  return { ok: true, ids, weightKg, format };
}
