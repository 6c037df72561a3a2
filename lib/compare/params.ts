import { z } from "zod";
import { DEFAULT_REFERENCE_WEIGHT_KG } from "../record/summary";

/**
 * The comparison view's address: everything it shows lives in the query string, so a
 * pasted link reproduces the view. Pure: parsing here, id lookup in the route.
 */

export const MIN_TRIALS = 2;
export const MAX_TRIALS = 6;
export const MIN_WEIGHT_KG = 30;
export const MAX_WEIGHT_KG = 150;
/** The convention of published MSC-liver reviews' dose tables. */
export const REVIEW_WEIGHT_KG = 50;

export const SCALES = ["linear", "log"] as const;
export type Scale = (typeof SCALES)[number];
export const TABS = ["all", "dose", "cumulative", "schedule", "structure"] as const;
export type Tab = (typeof TABS)[number];
export const TAB_LABELS: Record<Tab, string> = {
  all: "All charts",
  dose: "Dose per infusion",
  cumulative: "Cumulative dose",
  schedule: "Schedule",
  structure: "Arm structure",
};

export type SearchParams = Record<string, string | string[] | undefined>;

export interface CompareState {
  ids: string[];
  weightKg: number;
  scale: Scale;
  tab: Tab;
}

export interface ParamProblem {
  parameter: "ids" | "weightKg" | "scale" | "tab" | "format";
  message: string;
}

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

// The record contract's id pattern (letters, digits, hyphens), optionally a version: `NCT…@3`.
const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,63}(@[1-9]\d{0,8})?$/);
const weightSchema = z.coerce.number().finite().min(MIN_WEIGHT_KG).max(MAX_WEIGHT_KG);

const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const first = (v: string | string[] | undefined): string | undefined => all(v)[0];
/**
 * A parameter's value, read only from the query's own keys: `?constructor=1` or
 * `?__proto__=x` must not reach inherited properties of the object.
 */
const own = (sp: SearchParams, key: string): string | string[] | undefined => {
  if (!Object.hasOwn(sp, key)) return undefined;
  const v = sp[key];
  return typeof v === "string" || Array.isArray(v) ? v : undefined;
};

/** Ids from `?ids=A,B` or the list page's `?ids=A&ids=B`, in order, duplicates removed. */
export function splitIds(raw: string | string[] | undefined): { ids: string[]; duplicates: string[]; malformed: string[] } {
  const seen = new Set<string>();
  const ids: string[] = [];
  const duplicates: string[] = [];
  const malformed: string[] = [];
  for (const part of all(raw).flatMap((v) => v.split(/[\s,]+/))) {
    const id = part.trim();
    if (!id) continue;
    if (!idSchema.safeParse(id).success) {
      malformed.push(id);
      continue;
    }
    const key = id.toUpperCase();
    if (seen.has(key)) duplicates.push(id);
    else {
      seen.add(key);
      ids.push(id);
    }
  }
  return { ids, duplicates, malformed };
}

/** A weight in kg from the query, or a problem naming `weightKg`. Empty means the default. */
export function parseWeight(raw: string | undefined): { weightKg: number; problem: ParamProblem | null } {
  if (raw === undefined || raw.trim() === "") return { weightKg: DEFAULT_REFERENCE_WEIGHT_KG, problem: null };
  const r = weightSchema.safeParse(raw.trim());
  if (r.success) return { weightKg: r.data, problem: null };
  return {
    weightKg: DEFAULT_REFERENCE_WEIGHT_KG,
    problem: {
      parameter: "weightKg",
      message: `The reference weight must be a number of kilograms from ${MIN_WEIGHT_KG} to ${MAX_WEIGHT_KG}; “${raw}” is not. Using ${DEFAULT_REFERENCE_WEIGHT_KG} kg.`,
    },
  };
}

function parseEnum<T extends string>(values: readonly T[], raw: string | undefined, fallback: T, parameter: "scale" | "tab"): { value: T; problem: ParamProblem | null } {
  if (raw === undefined || raw === "") return { value: fallback, problem: null };
  if ((values as readonly string[]).includes(raw)) return { value: raw as T, problem: null };
  return { value: fallback, problem: { parameter, message: `Unknown ${parameter} “${raw}”; expected one of ${values.join(", ")}.` } };
}

/** The view's state from its query string; problems are reported, never thrown. */
export function parseCompareParams(sp: SearchParams): ParsedCompareParams {
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
  // Commas are safe in a query and keep the address readable.
  return q.toString().replace(/%2C/g, ",");
}

export function compareHref(state: Partial<CompareState> & { ids: string[] }): string {
  return `/compare?${compareQuery(state)}`;
}

export type ApiFormat = "json" | "csv";

/** The API's parameters; any problem is a 400 naming the parameter. */
export function parseApiParams(sp: SearchParams):
  | { ok: true; ids: string[]; weightKg: number; format: ApiFormat }
  | { ok: false; error: string; parameter: ParamProblem["parameter"] } {
  const { ids, malformed } = splitIds(own(sp, "ids"));
  if (malformed.length) return { ok: false, parameter: "ids", error: `not a trial id: ${malformed.join(", ")}` };
  if (ids.length < MIN_TRIALS) return { ok: false, parameter: "ids", error: `give ${MIN_TRIALS} to ${MAX_TRIALS} distinct trial ids, comma-separated: ?ids=NCT04822922,NCT05948982${ids.length ? ` (got only ${ids[0]})` : ""}` };
  if (ids.length > MAX_TRIALS) return { ok: false, parameter: "ids", error: `at most ${MAX_TRIALS} trials, got ${ids.length}` };
  const rawWeight = first(own(sp, "weightKg"));
  let weightKg = DEFAULT_REFERENCE_WEIGHT_KG;
  if (rawWeight !== undefined) {
    const r = weightSchema.safeParse(rawWeight.trim() === "" ? "x" : rawWeight.trim());
    if (!r.success) return { ok: false, parameter: "weightKg", error: `weightKg must be a number from ${MIN_WEIGHT_KG} to ${MAX_WEIGHT_KG}, got “${rawWeight}”` };
    weightKg = r.data;
  }
  const format = first(own(sp, "format")) ?? "json";
  if (format !== "json" && format !== "csv") return { ok: false, parameter: "format", error: `format must be json or csv, got “${format}”` };
  return { ok: true, ids, weightKg, format };
}
