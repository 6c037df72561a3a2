import type { ListRow } from "../db/store";
import { fieldTexts, SNIPPET_FIELDS, type SearchSource } from "../record/search-fields";
import { sortPhases } from "../record/vocabulary";
import type { EngineResult, Facets } from "./engine";
import { makeHighlighter, type Part } from "./fts-query";
import type { SearchQuery } from "./params";
import type { ListMapSite, NearestSite } from "./site-facets";

export type Highlighted = Part[];

/** One result row of the list: what a clinician scans, nothing more. */
export interface ListItem {
  id: string;
  title: Highlighted;
  status: string | null;
  phases: string[];
  enrollment: { count: number; type: string | null } | null;
  armCount: number;
  /** Per-kg dose range over the arms that report one; null when none does. */
  dose: { min: number; max: number; estimated: boolean } | null;
  conditions: string[];
  startDate: string | null;
  /** Where the query matched outside the title, with the matched words marked. */
  snippet: Highlighted | null;
  /** With a near place: the site the distance is measured to (its facility from the record), null when none is placed; absent without a place. */
  nearest?: (NearestSite & { facility: string | null }) | null;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: ListItem[];
  facets: Facets;
  terms: string[];
  /** The placed sites of every matching trial (the list's map). */
  mapSites: ListMapSite[];
}

function toItem(r: ListRow, terms: string[], hl: ReturnType<typeof makeHighlighter>, nearest: NearestSite | null | undefined): ListItem {
  const arms = r.arms;
  const dosed = arms.filter((a) => a.perKg !== null);
  const conditions = r.conditions;
  const src: Partial<SearchSource> = {
    officialTitle: r.officialTitle, acronym: r.acronym, identifiers: [r.id, r.nctId, r.otherIds.length ? r.otherIds.join(" ") : null], conditions,
    interventions: r.interventions, keywords: r.keywords,
    armLabels: arms.map((a) => a.label), sponsor: r.sponsor, cellSource: r.cellSource,
    armDescriptions: arms.map((a) => a.description), criteria: r.criteria.length ? [r.criteria.join(" · ")] : [], sites: [r.sites.length ? r.sites.join(" · ") : null],
    summary: [r.briefSummary, r.description],
  };
  const where = SNIPPET_FIELDS.map((field) => fieldTexts(src, field).join("; "));
  let found: Highlighted | null = null;
  for (const text of where) {
    if (text && (found = hl.snippet(text))) break;
  }
  return {
    id: r.id,
    title: hl.highlight(r.title ?? r.officialTitle ?? r.id),
    status: r.overallStatus,
    phases: sortPhases(r.phases),
    enrollment: r.enrollmentCount === null ? null : { count: r.enrollmentCount, type: r.enrollmentType },
    armCount: arms.length,
    dose: dosed.length
      ? { min: Math.min(...dosed.map((a) => a.perKg!)), max: Math.max(...dosed.map((a) => a.perKg!)), estimated: dosed.some((a) => a.estimated) }
      : null,
    conditions,
    startDate: r.startDate,
    snippet: terms.length ? found : null,
    ...(nearest !== undefined ? { nearest: nearest && { ...nearest, facility: r.facilities[nearest.ordinal] ?? null } } : {}),
  };
}

/** The result of a search as the list shows it: the page's rows in order, highlighted. */
export function toSearchResult(q: SearchQuery, found: EngineResult, rows: ListRow[]): SearchResult {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hl = makeHighlighter(found.terms);
  return {
    total: found.total, page: q.page, pageSize: q.pageSize, facets: found.facets, terms: found.terms, mapSites: found.mapSites ?? [],
    items: found.ids.flatMap((id) => (byId.has(id) ? [toItem(byId.get(id)!, found.terms, hl, found.nearest ? found.nearest[id] : undefined)] : [])),
  };
}
