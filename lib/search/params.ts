import { z } from "zod";
import { VERIFIED_BUCKETS } from "../history/freshness";
import { toSearchParams, type RawParams } from "../url/params";
import { ALLOCATIONS, CELL_ORIGINS, DOSINGS, MASKINGS, OVERALL_STATUSES, PHASES, ROUTES } from "../record/vocabulary";

/**
 * The list's query string: every query, filter and sort lives in the URL, so a search
 * is a permalink (`/trials?q=hbv&phase=PHASE3`). Lists may repeat (`phase=A&phase=B`)
 * or be comma-joined (`phase=A,B`).
 */
export const SORTS = ["relevance", "start", "enrollment", "dose", "distance"] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_PAGE_SIZE = 100;

const list = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values));
const number = (min: number, max: number) => z.coerce.number().refine(Number.isFinite, "a number").pipe(z.number().min(min).max(max));
/** A checkbox's "on": 1 (or true, yes, on). */
const flag = z.enum(["1", "true", "yes", "on"], { message: "1 to turn it on" }).transform(() => true as const);
/** Half the Earth's circumference: no two places are farther apart. */
export const MAX_RADIUS_KM = 20016;

export const searchParamsSchema = z.object({
  q: z.string().max(5000, "at most 5,000 characters").default(""),
  phase: list(PHASES).default([]),
  status: list(OVERALL_STATUSES).default([]),
  allocation: list(ALLOCATIONS).default([]),
  masking: list(MASKINGS).default([]),
  condition: z.array(z.string().min(1).max(200)).default([]),
  source: z.array(z.string().regex(/^[A-Z_]+$/, "a cell source such as UMBILICAL_CORD")).default([]),
  doseMin: number(0, 1e12).optional(),
  doseMax: number(0, 1e12).optional(),
  infusions: z.array(z.coerce.number().int().min(0).max(1000)).default([]),
  route: list(ROUTES).default([]),
  origin: list(CELL_ORIGINS).default([]),
  dosing: list(DOSINGS).default([]),
  verified: list(VERIFIED_BUCKETS).default([]),
  registry: z.array(z.string().regex(/^[A-Za-z][A-Za-z-]{1,20}$/, "a registry code such as NCT, ChiCTR or EUCTR")).default([]),
  age: number(0, 120).optional(),
  // Sites and publications (issue 22): where trials recruit, and whether they published results.
  country: z.array(z.string().regex(/^[A-Z]{2}$/, "an ISO country code such as CN or US")).default([]),
  /** "Shanghai, CN": a site's city and its country's code (lib/search/site-facets.ts cityValue). */
  city: z.array(z.string().min(1).max(200)).default([]),
  recruiting: flag.optional(),
  results: flag.optional(),
  /** A place typed by the user ("Hangzhou, China") or "latitude, longitude"; resolved by lib/search/near.ts. */
  near: z.string().trim().min(1).max(200).optional(),
  /** Kilometres from `near` (great-circle); without it, `near` only measures and sorts. */
  radius: number(1, MAX_RADIUS_KM).optional(),
  /** The gazetteer id of the place chosen where `near` names several. */
  place: z.coerce.number().int().positive().max(1e10).optional(),
  sort: z.enum(SORTS).default("relevance"),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type SearchQuery = z.infer<typeof searchParamsSchema>;

const LIST_KEYS = ["phase", "status", "allocation", "masking", "condition", "source", "infusions", "route", "origin", "dosing", "verified", "registry", "country", "city"] as const;
/** List parameters whose values may hold a comma: one value per occurrence. */
const WHOLE_VALUES = ["condition", "city"];

function entries(raw: RawParams | URLSearchParams): [string, string][] {
  return [...(raw instanceof URLSearchParams ? raw : toSearchParams(raw)).entries()];
}

export type ParseResult =
  | { ok: true; query: SearchQuery }
  | { ok: false; parameter: string; message: string; query: SearchQuery };

/**
 * Parses a query string. On a bad parameter it says which, and also returns the query
 * without that parameter, so a page can show the error and still list trials.
 */
export function parseSearchParams(raw: RawParams | URLSearchParams): ParseResult {
  const obj: Record<string, unknown> = {};
  for (const [k, v] of entries(raw)) {
    if (k === "__proto__") continue;
    if ((LIST_KEYS as readonly string[]).includes(k)) {
      const values = WHOLE_VALUES.includes(k) ? [v] : v.split(",");
      obj[k] = [...((obj[k] as string[]) ?? []), ...values.map((x) => x.trim()).filter(Boolean)];
    } else if (Object.hasOwn(searchParamsSchema.shape, k)) {
      // Own keys only: `k in shape` also matched "constructor", "toString", "__proto__"…
      if (v.trim() !== "" || k === "q") obj[k] = k === "q" ? v : v.trim();
    }
  }
  for (const k of ["phase", "status", "allocation", "masking", "source", "route", "origin", "dosing", "country"]) {
    if (obj[k]) obj[k] = [...new Set((obj[k] as string[]).map((x) => x.toUpperCase()))];
  }
  const result = searchParamsSchema.safeParse(obj);
  if (result.success) return { ok: true, query: result.data };
  const issue = result.error.issues[0]!;
  const parameter = String(issue.path[0]);
  const { [parameter]: _dropped, ...rest } = obj;
  const retry = searchParamsSchema.safeParse(rest);
  const value = entries(raw).find(([k]) => k === parameter)?.[1];
  return {
    ok: false,
    parameter,
    message: `${parameter}: ${issue.message}${value !== undefined ? ` (got "${value.slice(0, 60)}")` : ""}`,
    query: retry.success ? retry.data : searchParamsSchema.parse({}),
  };
}

/** The query string of a query (defaults left out), for links and permalinks. */
export function toQueryString(q: Partial<SearchQuery>, overrides: Partial<SearchQuery> = {}): string {
  const merged = { ...q, ...overrides };
  const p = new URLSearchParams();
  if (merged.q) p.set("q", merged.q);
  for (const k of LIST_KEYS) for (const v of (merged[k] as (string | number)[] | undefined) ?? []) p.append(k, String(v));
  for (const k of ["doseMin", "doseMax", "age"] as const) if (merged[k] !== undefined) p.set(k, String(merged[k]));
  for (const k of ["recruiting", "results"] as const) if (merged[k]) p.set(k, "1");
  for (const k of ["near", "radius", "place"] as const) if (merged[k] !== undefined) p.set(k, String(merged[k]));
  if (merged.sort && merged.sort !== "relevance") p.set("sort", merged.sort);
  if (merged.page && merged.page > 1) p.set("page", String(merged.page));
  if (merged.pageSize && merged.pageSize !== 20) p.set("pageSize", String(merged.pageSize));
  return p.toString();
}
