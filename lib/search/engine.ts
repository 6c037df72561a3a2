import type Database from "better-sqlite3";
import { facetIndex, type FacetRow } from "./facet-index";
import { parseUserQuery, toFtsMatch } from "./fts-query";
import type { SearchQuery } from "./params";

/**
 * Search over the registry: FTS5 finds and ranks the text matches, then filters, facet
 * counts and sorting run over the in-memory facet rows. Each filter is one bit; a trial's
 * mask says which filters it passes, so a facet's counts are those of the trials that
 * pass every *other* filter — what choosing that option would give.
 */

export const FILTERS = ["phase", "status", "allocation", "masking", "condition", "source", "dose", "infusions", "age"] as const;
export type FilterName = (typeof FILTERS)[number];
const BIT = Object.fromEntries(FILTERS.map((f, i) => [f, 1 << i])) as Record<FilterName, number>;
const ALL = (1 << FILTERS.length) - 1;

/** Dose thresholds (cells/kg per infusion) offered as range bounds. */
export const DOSE_STEPS = [1e5, 2.5e5, 5e5, 1e6, 2e6, 4e6, 1e7] as const;

export interface FacetCount { value: string; count: number }
export interface Facets {
  phase: FacetCount[];
  status: FacetCount[];
  allocation: FacetCount[];
  masking: FacetCount[];
  condition: FacetCount[];
  source: FacetCount[];
  infusions: FacetCount[];
  doseMin: FacetCount[];
  doseMax: FacetCount[];
  /** Trials that admit the chosen age given the other filters (null when no age is chosen). */
  age: number | null;
}

export interface EngineResult {
  total: number;
  /** The page's trial ids, in order. */
  ids: string[];
  facets: Facets;
  /** The words searched for (with synonyms), for highlighting. */
  terms: string[];
}

const anyIn = (have: string[], want: string[]) => want.length === 0 || have.some((h) => want.includes(h));
const one = (have: string | null, want: string[]) => want.length === 0 || (have !== null && want.includes(have));

function doseOk(row: FacetRow, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  return row.doses.some((d) => (min === undefined || d >= min) && (max === undefined || d <= max));
}

function ageOk(row: FacetRow, age: number | undefined): boolean {
  if (age === undefined) return true;
  if (row.minAge === null && row.maxAge === null) return false; // not stated: cannot say it admits
  return (row.minAge ?? 0) <= age && (row.maxAge === null || age <= row.maxAge);
}

function maskOf(row: FacetRow, q: SearchQuery): number {
  let m = 0;
  if (anyIn(row.phases, q.phase)) m |= BIT.phase;
  if (one(row.status, q.status)) m |= BIT.status;
  if (one(row.allocation, q.allocation)) m |= BIT.allocation;
  if (one(row.masking, q.masking)) m |= BIT.masking;
  if (q.condition.length === 0 || row.conditions.some((c) => q.condition.some((w) => w.toLowerCase() === c.toLowerCase()))) m |= BIT.condition;
  if (one(row.source, q.source)) m |= BIT.source;
  if (doseOk(row, q.doseMin, q.doseMax)) m |= BIT.dose;
  if (q.infusions.length === 0 || row.infusions.some((n) => q.infusions.includes(n))) m |= BIT.infusions;
  if (ageOk(row, q.age)) m |= BIT.age;
  return m;
}

function tally(rows: FacetRow[], values: (r: FacetRow) => (string | null)[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const v of new Set(values(r))) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const desc = (a: number | string | null, b: number | string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;

export function runSearch(db: Database.Database, q: SearchQuery): EngineResult {
  const { rows, byRowid } = facetIndex(db);
  const parsed = parseUserQuery(q.q);
  const match = toFtsMatch(parsed);

  let candidates: FacetRow[] = rows;
  let rank: Map<number, number> | null = null;
  if (match) {
    // The expression is built from quoted words only, so MATCH cannot see user syntax.
    const hits = db.prepare("SELECT rowid, rank FROM trial_fts WHERE trial_fts MATCH ?").raw().all(match) as [number, number][];
    rank = new Map(hits);
    candidates = [];
    for (const [rowid] of hits) {
      const row = byRowid.get(rowid);
      if (row) candidates.push(row);
    }
  }

  const masks = candidates.map((r) => maskOf(r, q));
  const passingAllBut = (f: FilterName) => candidates.filter((_, i) => (masks[i]! | BIT[f]) === ALL);
  const results = candidates.filter((_, i) => masks[i] === ALL);

  const byStart = (a: FacetRow, b: FacetRow) => desc(a.start, b.start) || a.id.localeCompare(b.id);
  const sorters: Record<SearchQuery["sort"], (a: FacetRow, b: FacetRow) => number> = {
    relevance: rank ? (a, b) => rank!.get(a.rowid)! - rank!.get(b.rowid)! || a.id.localeCompare(b.id) : byStart,
    start: byStart,
    enrollment: (a, b) => desc(a.enrollment, b.enrollment) || a.id.localeCompare(b.id),
    dose: (a, b) => desc(a.maxDose, b.maxDose) || a.id.localeCompare(b.id),
  };
  results.sort(sorters[q.sort]);
  const start = (q.page - 1) * q.pageSize;

  const doseBase = passingAllBut("dose");
  const facets: Facets = {
    phase: tally(passingAllBut("phase"), (r) => r.phases),
    status: tally(passingAllBut("status"), (r) => [r.status]),
    allocation: tally(passingAllBut("allocation"), (r) => [r.allocation]),
    masking: tally(passingAllBut("masking"), (r) => [r.masking]),
    condition: tally(passingAllBut("condition"), (r) => r.conditions),
    source: tally(passingAllBut("source"), (r) => [r.source]),
    infusions: tally(passingAllBut("infusions"), (r) => r.infusions.map(String)).sort((a, b) => Number(a.value) - Number(b.value)),
    doseMin: DOSE_STEPS.map((v) => ({ value: String(v), count: doseBase.filter((r) => doseOk(r, v, q.doseMax)).length })),
    doseMax: DOSE_STEPS.map((v) => ({ value: String(v), count: doseBase.filter((r) => doseOk(r, q.doseMin, v)).length })),
    age: q.age === undefined ? null : results.length,
  };
  return {
    total: results.length,
    ids: results.slice(start, start + q.pageSize).map((r) => r.id),
    facets,
    terms: parsed.words,
  };
}
