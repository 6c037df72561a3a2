import type Database from "better-sqlite3";
import { PHASES } from "../ingest/normalize/enums";
import { facetIndex, MAX_INFUSIONS, type Codes, type FacetIndex } from "./facet-index";
import { parseUserQuery, toFtsMatch, type ParsedQuery } from "./fts-query";
import type { SearchQuery } from "./params";

/**
 * Search over the registry. FTS5 finds the trials whose text matches; filters, facet
 * counts, relevance and sorting then run over the in-memory facet index in one pass.
 *
 * Facet counts say what choosing an option would give: a trial counts towards a facet if
 * it passes every *other* active filter (it passes all, or fails only that one).
 *
 * Relevance is by field: a query group found in the title or an identifier scores 4, in
 * the conditions, arms, interventions or sponsor 2, only in the criteria or prose 1;
 * ties go to the newest trial. (bm25 over tens of thousands of matches costs ~1 µs a row,
 * more than the whole search budget; field tiers read better for a registry anyway.)
 */

export const FILTERS = ["phase", "status", "allocation", "masking", "condition", "source", "dose", "infusions", "age"] as const;
export type FilterName = (typeof FILTERS)[number];

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
  /** The words and phrases searched for (with synonyms), for highlighting. */
  terms: string[];
}

type Filter = { name: FilterName; pass: (i: number) => boolean };

function codeSet(codes: Codes, wanted: string[]): Uint8Array {
  const set = new Uint8Array(codes.values.length);
  wanted.forEach((w) => {
    const c = codes.values.indexOf(w);
    if (c >= 0) set[c] = 1;
  });
  return set;
}

function activeFilters(idx: FacetIndex, q: SearchQuery): Filter[] {
  const filters: Filter[] = [];
  const codeFilter = (name: FilterName, codes: Codes, wanted: string[]) => {
    if (!wanted.length) return;
    const set = codeSet(codes, wanted);
    filters.push({ name, pass: (i) => codes.codes[i]! >= 0 && set[codes.codes[i]!] === 1 });
  };
  if (q.phase.length) {
    const mask = q.phase.reduce((m, p) => m | (1 << PHASES.indexOf(p)), 0);
    filters.push({ name: "phase", pass: (i) => (idx.phaseBits[i]! & mask) !== 0 });
  }
  codeFilter("status", idx.status, q.status);
  codeFilter("allocation", idx.allocation, q.allocation);
  codeFilter("masking", idx.masking, q.masking);
  if (q.condition.length) {
    const wanted = q.condition.map((c) => c.toLowerCase());
    const set = new Uint8Array(idx.conditions.values.length);
    idx.conditions.lower.forEach((c, k) => { if (wanted.includes(c)) set[k] = 1; });
    filters.push({ name: "condition", pass: (i) => idx.conditions.codes[i]!.some((c) => set[c] === 1) });
  }
  codeFilter("source", idx.source, q.source);
  if (q.doseMin !== undefined || q.doseMax !== undefined) {
    const lo = q.doseMin ?? -Infinity, hi = q.doseMax ?? Infinity;
    filters.push({ name: "dose", pass: (i) => idx.doses[i]!.some((d) => d >= lo && d <= hi) });
  }
  if (q.infusions.length) filters.push({ name: "infusions", pass: (i) => idx.infusions[i]!.some((n) => q.infusions.includes(n)) });
  if (q.age !== undefined) {
    const age = q.age;
    // A trial that states no age range cannot be said to admit the patient.
    filters.push({ name: "age", pass: (i) => {
      const min = idx.minAge[i]!, max = idx.maxAge[i]!;
      if (Number.isNaN(min) && Number.isNaN(max)) return false;
      return (Number.isNaN(min) || min <= age) && (Number.isNaN(max) || age <= max);
    } });
  }
  return filters;
}

/** The FTS matches, as slots of the facet index; null when the query has no words. */
function matchSlots(db: Database.Database, idx: FacetIndex, match: string | null): Int32Array | null {
  if (match === null) return null;
  // Built from quoted words only: no user syntax reaches MATCH.
  const rowids = db.prepare("SELECT rowid FROM trial_fts WHERE trial_fts MATCH ?").pluck().all(match) as number[];
  const slots = new Int32Array(rowids.length);
  let k = 0;
  for (const r of rowids) {
    const s = r < idx.slotOfRowid.length ? idx.slotOfRowid[r]! : -1;
    if (s >= 0) slots[k++] = s;
  }
  return slots.subarray(0, k);
}

/**
 * Marks the slots whose text (titleText or keyText) holds `phrase` — whole words, the
 * last one as a prefix when `prefix`. Candidates come from the inverted word index, so
 * the cost follows the number of hits, not the number of trials.
 */
function markPhrase(texts: string[], words: Map<string, Int32Array>, phrase: string[], prefix: boolean, into: Uint8Array): void {
  const lastWord = phrase[phrase.length - 1]!;
  const lists: Int32Array[] = [];
  if (prefix) {
    for (const [w, slots] of words) if (w.startsWith(lastWord)) lists.push(slots);
  } else {
    const exact = words.get(lastWord);
    if (exact) lists.push(exact);
  }
  const needle = ` ${phrase.join(" ")}${prefix ? "" : " "}`;
  const verify = phrase.length > 1;
  for (const slots of lists) {
    for (let k = 0; k < slots.length; k++) {
      const i = slots[k]!;
      if (into[i] !== 1 && (!verify || texts[i]!.includes(needle))) into[i] = 1;
    }
  }
}

/**
 * Field-tier relevance (see the module comment): per query group, 4 for a title or
 * identifier hit, 2 for a condition/arm/intervention/sponsor hit, 1 otherwise; words
 * standing together as typed ("cord blood") earn that field's score again.
 */
function scorer(idx: FacetIndex, parsed: ParsedQuery): (i: number) => number {
  const lastGroup = parsed.groups.length - 1;
  const isPrefix = (g: number, alts: string[][]) => g === lastGroup && alts.length === 1 && alts[0]!.length === 1 && alts[0]![0]!.length >= 3;
  const marks = (alts: string[][], prefix: boolean) => {
    const title = new Uint8Array(idx.n), key = new Uint8Array(idx.n);
    for (const phrase of alts) {
      markPhrase(idx.titleText, idx.titleWords, phrase, prefix, title);
      markPhrase(idx.keyText, idx.keyWords, phrase, prefix, key);
    }
    return { title, key };
  };
  const groups = parsed.groups.map((alts, g) => marks(alts, isPrefix(g, alts)));
  const singles = parsed.groups.length > 1 && parsed.groups.every((alts) => alts.length === 1);
  const whole = singles
    ? marks([parsed.groups.flatMap((alts) => alts[0]!)], isPrefix(lastGroup, parsed.groups[lastGroup]!))
    : null;
  return (i) => {
    let score = 0;
    for (const m of groups) score += m.title[i] ? 4 : m.key[i] ? 2 : 1;
    if (whole) score += whole.title[i] ? 4 : whole.key[i] ? 2 : 0;
    return score;
  };
}

function toCounts(values: string[], counts: Int32Array): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((c, k) => { if (c > 0) out.push({ value: values[k]!, count: c }); });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export function runSearch(db: Database.Database, q: SearchQuery): EngineResult {
  const idx = facetIndex(db);
  const parsed = parseUserQuery(q.q);
  const slots = matchSlots(db, idx, toFtsMatch(parsed));
  const filters = activeFilters(idx, q);

  const counts = {
    phase: new Int32Array(PHASES.length),
    status: new Int32Array(idx.status.values.length),
    allocation: new Int32Array(idx.allocation.values.length),
    masking: new Int32Array(idx.masking.values.length),
    condition: new Int32Array(idx.conditions.values.length),
    source: new Int32Array(idx.source.values.length),
    infusions: new Int32Array(MAX_INFUSIONS + 1),
    doseMin: new Int32Array(DOSE_STEPS.length),
    doseMax: new Int32Array(DOSE_STEPS.length),
  };
  const lo = q.doseMin ?? -Infinity, hi = q.doseMax ?? Infinity;
  const codeCount = (codes: Int16Array, into: Int32Array, i: number) => {
    const c = codes[i]!;
    if (c >= 0) into[c]!++;
  };
  // Adds slot i to the counts of one facet (an index into FILTERS). Hot: runs for up to
  // every trial times every facet, so plain loops over typed arrays.
  const count = (i: number, facet: number) => {
    switch (facet) {
      case 0: { const bits = idx.phaseBits[i]!; for (let b = 0; b < PHASES.length; b++) if (bits & (1 << b)) counts.phase[b]!++; break; }
      case 1: codeCount(idx.status.codes, counts.status, i); break;
      case 2: codeCount(idx.allocation.codes, counts.allocation, i); break;
      case 3: codeCount(idx.masking.codes, counts.masking, i); break;
      case 4: { const cs = idx.conditions.codes[i]!; for (let k = 0; k < cs.length; k++) counts.condition[cs[k]!]!++; break; }
      case 5: codeCount(idx.source.codes, counts.source, i); break;
      case 6: {
        // Option v as lower bound: some dose in [v, hi]; as upper bound: some dose in [lo, v].
        const ds = idx.doses[i]!;
        if (ds.length === 0) break;
        let highest = -Infinity, lowest = Infinity;
        for (let k = 0; k < ds.length; k++) {
          const d = ds[k]!;
          if (d <= hi && d > highest) highest = d;
          if (d >= lo && d < lowest) lowest = d;
        }
        for (let k = 0; k < DOSE_STEPS.length; k++) {
          if (highest >= DOSE_STEPS[k]!) counts.doseMin[k]!++;
          if (lowest <= DOSE_STEPS[k]!) counts.doseMax[k]!++;
        }
        break;
      }
      case 7: { const ns = idx.infusions[i]!; for (let k = 0; k < ns.length; k++) counts.infusions[ns[k]!]!++; break; }
      default: break; // 8, age: only its total is shown
    }
  };
  const facetOf = filters.map((f) => FILTERS.indexOf(f.name));

  const passing = new Uint8Array(idx.n);
  let total = 0;
  const visit = (i: number) => {
    let failed = -1;
    for (let f = 0; f < filters.length; f++) {
      if (!filters[f]!.pass(i)) {
        if (failed >= 0) return; // fails two filters: counts nowhere
        failed = f;
      }
    }
    if (failed >= 0) return count(i, facetOf[failed]!);
    passing[i] = 1;
    total++;
    for (let facet = 0; facet < 8; facet++) count(i, facet);
  };
  if (slots) for (let k = 0; k < slots.length; k++) visit(slots[k]!);
  else for (let i = 0; i < idx.n; i++) visit(i);

  // The page: relevance sorts the (fewer) matches; the other sorts walk a presorted order.
  const first = (q.page - 1) * q.pageSize;
  let page: number[] = [];
  if (q.sort === "relevance" && slots) {
    // Within a score, newest first — the presorted start order. One walk over it fills a
    // short list per score; the page is then read off from the highest score down.
    const score = scorer(idx, parsed);
    const need = first + q.pageSize;
    const tiers = new Map<number, number[]>();
    for (const i of idx.order.start) {
      if (passing[i] !== 1) continue;
      const sc = score(i);
      const list = tiers.get(sc) ?? (tiers.set(sc, []), tiers.get(sc)!);
      if (list.length < need) list.push(i);
    }
    const ranked = [...tiers.keys()].sort((a, b) => b - a).flatMap((sc) => tiers.get(sc)!);
    page = ranked.slice(first, need);
  } else {
    const order = q.sort === "enrollment" ? idx.order.enrollment : q.sort === "dose" ? idx.order.dose : idx.order.start;
    let seen = 0;
    for (const i of order) {
      if (passing[i] !== 1) continue;
      if (seen >= first) page.push(i);
      if (++seen >= first + q.pageSize) break;
    }
  }

  const facets: Facets = {
    phase: toCounts([...PHASES], counts.phase),
    status: toCounts(idx.status.values, counts.status),
    allocation: toCounts(idx.allocation.values, counts.allocation),
    masking: toCounts(idx.masking.values, counts.masking),
    condition: toCounts(idx.conditions.values, counts.condition),
    source: toCounts(idx.source.values, counts.source),
    infusions: [...counts.infusions].flatMap((c, v) => (c > 0 ? [{ value: String(v), count: c }] : [])),
    doseMin: DOSE_STEPS.map((v, k) => ({ value: String(v), count: counts.doseMin[k]! })),
    doseMax: DOSE_STEPS.map((v, k) => ({ value: String(v), count: counts.doseMax[k]! })),
    age: q.age === undefined ? null : total,
  };
  return { total, ids: page.map((i) => idx.ids[i]!), facets, terms: parsed.words };
}
