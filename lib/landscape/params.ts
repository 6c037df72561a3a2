import { DEFAULT_REFERENCE_WEIGHT_KG } from "../record/summary";
import { parseSearchParams, toQueryString, type SearchQuery } from "../search/params";
import { first, own, type RawParams } from "../url/params";
import { parseWeight } from "../url/weight";

/**
 * The landscape's address: the list's own query (filters and words, so any facet narrows
 * the chart) plus the chart's switches. Everything is in the URL, so a copied link
 * reproduces the view. The list's paging and sort do not apply: every matching arm is drawn.
 */
export const Y_AXES = ["infusions", "cumulative"] as const;
export type YAxis = (typeof Y_AXES)[number];
export const COLOURS = ["route", "source", "status", "registry"] as const;
export type ColourBy = (typeof COLOURS)[number];
export const VIEWS = ["chart", "table"] as const;
export type LandscapeViewKind = (typeof VIEWS)[number];

export const Y_LABELS: Record<YAxis, string> = { infusions: "Number of MSC infusions", cumulative: "Cumulative cells/kg" };
export const COLOUR_LABELS: Record<ColourBy, string> = { route: "Route", source: "Cell source", status: "Status", registry: "Registry" };
export const VIEW_LABELS: Record<LandscapeViewKind, string> = { chart: "Chart", table: "Table" };

export interface LandscapeState {
  query: SearchQuery;
  y: YAxis;
  colour: ColourBy;
  view: LandscapeViewKind;
  weightKg: number;
}

const pick = <T extends string>(values: readonly T[], raw: string | string[] | undefined, name: string, problems: string[]): T => {
  const v = first(raw);
  if (v === undefined || v === "") return values[0]!;
  if ((values as readonly string[]).includes(v)) return v as T;
  problems.push(`Unknown ${name} “${v.slice(0, 40)}”; expected one of ${values.join(", ")}. Showing ${values[0]}.`);
  return values[0]!;
};

/** The view's state from its query string; problems are reported in words, never thrown. */
export function parseLandscapeParams(sp: RawParams): { state: LandscapeState; problems: string[] } {
  const problems: string[] = [];
  const list = parseSearchParams(sp);
  if (!list.ok) problems.push(`Ignored a bad parameter: ${list.message}`);
  const weight = parseWeight(first(own(sp, "weightKg")));
  if (weight.problem) problems.push(weight.problem.message);
  return {
    state: {
      query: list.query,
      y: pick(Y_AXES, own(sp, "y"), "y axis", problems),
      colour: pick(COLOURS, own(sp, "colour"), "colour", problems),
      view: pick(VIEWS, own(sp, "view"), "view", problems),
      weightKg: weight.weightKg,
    },
    problems,
  };
}

/** The list's part of the address (no paging or sort): `/trials?…` and `/landscape?…` share it. */
export function listQuery(q: SearchQuery): string {
  return toQueryString({ ...q, sort: "relevance", page: 1, pageSize: 20 });
}

/** The canonical address of a view; defaults left out. */
export function landscapeHref(s: LandscapeState, overrides: Partial<Omit<LandscapeState, "query">> = {}): string {
  const m = { ...s, ...overrides };
  const p = new URLSearchParams(listQuery(m.query));
  if (m.y !== "infusions") p.set("y", m.y);
  if (m.colour !== "route") p.set("colour", m.colour);
  if (m.view !== "chart") p.set("view", m.view);
  if (m.weightKg !== DEFAULT_REFERENCE_WEIGHT_KG) p.set("weightKg", String(m.weightKg));
  const qs = p.toString();
  return `/landscape${qs ? `?${qs}` : ""}`;
}
