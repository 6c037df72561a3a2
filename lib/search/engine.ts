import { DOSINGS, dosingOf, PHASES } from "../record/vocabulary";
import { MAX_INFUSIONS, type FacetIndex } from "./facet-index";
import { VERIFIED_BUCKETS, YEAR } from "../history/freshness";
import type { ParsedQuery } from "./fts-query";
import type { SearchQuery } from "./params";
import type { LatLon } from "../geo/distance";
import { distanceKey, mapSitesOf, nearestSite, siteQuery, siteTally, siteTest, type ListMapSite, type NearestSite, type SiteQuery } from "./site-facets";

/**
 * Search over the registry, pure: given the facet index and the full-text matches (both
 * read by lib/db), it filters, counts facets, ranks and pages in named stages.
 *
 * Facet counts say what choosing an option would give: a trial counts towards a facet if
 * it passes every *other* active filter (it passes all, or fails only that one).
 *
 * Relevance is by field: a query group found in the title or an identifier scores 4, in
 * the conditions, arms, interventions or sponsor 2, only in the criteria or prose 1;
 * ties go to the newest trial. (bm25 over tens of thousands of matches costs ~1 µs a row,
 * more than the whole search budget; field tiers read better for a registry anyway.)
 */

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
  registry: FacetCount[];
  infusions: FacetCount[];
  doseMin: FacetCount[];
  doseMax: FacetCount[];
  route: FacetCount[];
  origin: FacetCount[];
  dosing: FacetCount[];
  /** Status verified within 1 year, within 2 years, or longer ago (trials whose source states the date). */
  verified: FacetCount[];
  /** Trials that admit the chosen age given the other filters (null when no age is chosen). */
  age: number | null;
  // Sites and publications (lib/search/site-facets.ts): options counted site by site.
  country: FacetCount[];
  city: FacetCount[];
  /** [{ value: "1", count }]: trials with a recruiting site (meeting the other site conditions). */
  recruiting: FacetCount[];
  /** Trials with a placed site within the radius of the near place; null without a place and radius. */
  near: number | null;
  /** [{ value: "1", count }]: trials whose record lists a reference reporting its results. */
  results: FacetCount[];
}

export interface EngineResult {
  total: number;
  /** The page's trial ids, in order. */
  ids: string[];
  facets: Facets;
  /** The words and phrases searched for (with synonyms), for highlighting. */
  terms: string[];
  /** With a near point: each page trial's nearest recruiting site (else nearest site), by id; null where none is placed. */
  nearest?: Record<string, NearestSite | null>;
  /** When asked for (`withMap`): the placed sites of every matching trial that meet the site conditions. */
  mapSites?: ListMapSite[];
}

/** The query as the engine runs it: the URL's, and what its near place resolved to (lib/search/near.ts). */
type EngineQuery = SearchQuery & { sites: SiteQuery };

/** A facet's running count of what choosing each of its options would give. */
interface Tally {
  add(i: number): void;
  result(): Partial<Facets>;
}

/**
 * One facet of the list: the filter its chosen options apply (null when none is chosen),
 * and a tally of its options. Hot paths (tests and adds run up to once per trial and
 * facet) use plain loops over the index's typed arrays.
 */
interface Facet {
  test(idx: FacetIndex, q: EngineQuery): ((i: number) => boolean) | null;
  tally(idx: FacetIndex, q: EngineQuery): Tally;
}

function toCounts(values: readonly string[], counts: Int32Array): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((c, k) => { if (c > 0) out.push({ value: values[k]!, count: c }); });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

type CodedField = "status" | "allocation" | "masking";

/** A mark per code: 1 where its value is among the chosen ones. */
function chosenCodes(values: readonly string[], wanted: readonly string[]): Uint8Array {
  const set = new Uint8Array(values.length);
  for (const w of wanted) {
    const c = values.indexOf(w);
    if (c >= 0) set[c] = 1;
  }
  return set;
}

/** A facet over one enum field held as small integer codes. */
function codedFacet(field: CodedField): Facet {
  return {
    test(idx, q) {
      const wanted = q[field];
      if (!wanted.length) return null;
      const { codes, values } = idx[field];
      const set = chosenCodes(values, wanted);
      return (i) => codes[i]! >= 0 && set[codes[i]!] === 1;
    },
    tally(idx) {
      const { codes, values } = idx[field];
      const counts = new Int32Array(values.length);
      return {
        add(i) {
          const c = codes[i]!;
          if (c >= 0) counts[c]!++;
        },
        result: () => ({ [field]: toCounts(values, counts) }),
      };
    },
  };
}

/**
 * A facet over a list of enum values per trial (its arms' routes, cell sources, origins):
 * a trial passes if any of its values is chosen, and counts once towards each it has.
 */
function multiFacet(field: "sources" | "routes" | "origins" | "registries", param: "source" | "route" | "origin" | "registry"): Facet {
  return {
    test(idx, q) {
      const wanted = q[param] as string[];
      if (!wanted.length) return null;
      const { codes, values } = idx[field];
      const set = chosenCodes(values, wanted);
      return (i) => codes[i]!.some((c) => set[c] === 1);
    },
    tally(idx) {
      const { codes, values } = idx[field];
      const counts = new Int32Array(values.length);
      return {
        add(i) {
          const cs = codes[i]!;
          for (let k = 0; k < cs.length; k++) counts[cs[k]!]!++;
        },
        result: () => ({ [param]: toCounts(values, counts) }),
      };
    },
  };
}

/** Whether a trial has an arm of one MSC infusion, and one of more than one (its arms' counts above 0), by dosingOf. */
const dosingsOf = (infusions: Uint16Array): [boolean, boolean] => [infusions.some((n) => dosingOf(n) === "SINGLE_INFUSION"), infusions.some((n) => dosingOf(n) === "REPEATED_INFUSIONS")];

const none: Tally = { add() {}, result: () => ({}) };

/** The list's facets by name, in the order their filters are tried. */
export const FACETS = {
  phase: {
    test(_idx, q) {
      if (!q.phase.length) return null;
      const mask = q.phase.reduce((m, p) => m | (1 << PHASES.indexOf(p)), 0);
      return (i) => (_idx.phaseBits[i]! & mask) !== 0;
    },
    tally(idx) {
      const counts = new Int32Array(PHASES.length);
      return {
        add(i) {
          const bits = idx.phaseBits[i]!;
          for (let b = 0; b < PHASES.length; b++) if (bits & (1 << b)) counts[b]!++;
        },
        result: () => ({ phase: toCounts(PHASES, counts) }),
      };
    },
  },
  status: codedFacet("status"),
  allocation: codedFacet("allocation"),
  masking: codedFacet("masking"),
  condition: {
    test(idx, q) {
      if (!q.condition.length) return null;
      const wanted = q.condition.map((c) => c.toLowerCase());
      const set = new Uint8Array(idx.conditions.values.length);
      idx.conditions.lower.forEach((c, k) => { if (wanted.includes(c)) set[k] = 1; });
      return (i) => idx.conditions.codes[i]!.some((c) => set[c] === 1);
    },
    tally(idx) {
      const counts = new Int32Array(idx.conditions.values.length);
      return {
        add(i) {
          const cs = idx.conditions.codes[i]!;
          for (let k = 0; k < cs.length; k++) counts[cs[k]!]!++;
        },
        result: () => ({ condition: toCounts(idx.conditions.values, counts) }),
      };
    },
  },
  source: multiFacet("sources", "source"),
  route: multiFacet("routes", "route"),
  origin: multiFacet("origins", "origin"),
  registry: multiFacet("registries", "registry"),
  dosing: {
    test(idx, q) {
      if (!q.dosing.length) return null;
      const single = q.dosing.includes("SINGLE_INFUSION"), repeated = q.dosing.includes("REPEATED_INFUSIONS");
      return (i) => {
        const [one, more] = dosingsOf(idx.infusions[i]!);
        return (single && one) || (repeated && more);
      };
    },
    tally(idx) {
      const counts = new Int32Array(DOSINGS.length);
      return {
        add(i) {
          const [one, more] = dosingsOf(idx.infusions[i]!);
          if (one) counts[0]!++;
          if (more) counts[1]!++;
        },
        result: () => ({ dosing: toCounts(DOSINGS, counts) }),
      };
    },
  },
  verified: {
    test(idx, q) {
      if (!q.verified.length) return null;
      const now = Date.now();
      const [y1, y2, older] = VERIFIED_BUCKETS.map((b) => q.verified.includes(b)) as [boolean, boolean, boolean];
      return (i) => {
        const age = now - idx.verified[i]!;
        return (y1 && age <= YEAR) || (y2 && age <= 2 * YEAR) || (older && age > 2 * YEAR);
      };
    },
    tally(idx) {
      const now = Date.now();
      const counts = new Int32Array(VERIFIED_BUCKETS.length);
      return {
        add(i) {
          const age = now - idx.verified[i]!;
          if (age <= YEAR) counts[0]!++;
          if (age <= 2 * YEAR) counts[1]!++;
          if (age > 2 * YEAR) counts[2]!++;
        },
        result: () => ({ verified: toCounts(VERIFIED_BUCKETS, counts) }),
      };
    },
  },
  dose: {
    test(idx, q) {
      if (q.doseMin === undefined && q.doseMax === undefined) return null;
      const lo = q.doseMin ?? -Infinity, hi = q.doseMax ?? Infinity;
      return (i) => idx.doses[i]!.some((d) => d >= lo && d <= hi);
    },
    tally(idx, q) {
      // Option v as lower bound: some dose in [v, hi]; as upper bound: some dose in [lo, v].
      const lo = q.doseMin ?? -Infinity, hi = q.doseMax ?? Infinity;
      const min = new Int32Array(DOSE_STEPS.length), max = new Int32Array(DOSE_STEPS.length);
      return {
        add(i) {
          const ds = idx.doses[i]!;
          if (ds.length === 0) return;
          let highest = -Infinity, lowest = Infinity;
          for (let k = 0; k < ds.length; k++) {
            const d = ds[k]!;
            if (d <= hi && d > highest) highest = d;
            if (d >= lo && d < lowest) lowest = d;
          }
          for (let k = 0; k < DOSE_STEPS.length; k++) {
            if (highest >= DOSE_STEPS[k]!) min[k]!++;
            if (lowest <= DOSE_STEPS[k]!) max[k]!++;
          }
        },
        result: () => ({
          doseMin: DOSE_STEPS.map((v, k) => ({ value: String(v), count: min[k]! })),
          doseMax: DOSE_STEPS.map((v, k) => ({ value: String(v), count: max[k]! })),
        }),
      };
    },
  },
  infusions: {
    test(idx, q) {
      if (!q.infusions.length) return null;
      return (i) => idx.infusions[i]!.some((n) => q.infusions.includes(n));
    },
    tally(idx) {
      const counts = new Int32Array(MAX_INFUSIONS + 1);
      return {
        add(i) {
          const ns = idx.infusions[i]!;
          for (let k = 0; k < ns.length; k++) counts[ns[k]!]!++;
        },
        result: () => ({ infusions: [...counts].flatMap((c, v) => (c > 0 ? [{ value: String(v), count: c }] : [])) }),
      };
    },
  },
  age: {
    test(idx, q) {
      if (q.age === undefined) return null;
      const age = q.age;
      // A trial that states no age range cannot be said to admit the patient.
      return (i) => {
        const min = idx.minAge[i]!, max = idx.maxAge[i]!;
        if (Number.isNaN(min) && Number.isNaN(max)) return false;
        return (Number.isNaN(min) || min <= age) && (Number.isNaN(max) || age <= max);
      };
    },
    // Age has no options: only the number of trials passing every filter is shown.
    tally: () => none,
  },
  /** Country, city, recruiting sites only and near: one filter, the conditions holding of one site. */
  sites: {
    test: (idx, q) => siteTest(idx.sites, q.sites),
    tally(idx, q) {
      const t = siteTally(idx.sites, q.sites);
      return { add: t.add, result: () => t.result() };
    },
  },
  results: {
    test: (idx, q) => (q.results ? (i) => idx.sites.results[i] === 1 : null),
    tally(idx) {
      let n = 0;
      return { add(i) { if (idx.sites.results[i] === 1) n++; }, result: () => ({ results: n ? [{ value: "1", count: n }] : [] }) };
    },
  },
} satisfies Record<string, Facet>;

export type FacetName = keyof typeof FACETS;
const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** Stage 1: the filters the query turns on, each with its facet's position. */
function activeFilters(idx: FacetIndex, q: EngineQuery): { facet: number; pass: (i: number) => boolean }[] {
  return FACET_NAMES.flatMap((name, facet) => {
    const pass = (FACETS[name] as Facet).test(idx, q);
    return pass ? [{ facet, pass }] : [];
  });
}

/** The FTS matches (rowids), as slots of the facet index; null when the query has no words. */
function matchSlots(idx: FacetIndex, rowids: number[] | null): Int32Array | null {
  if (rowids === null) return null;
  const slots = new Int32Array(rowids.length);
  let k = 0;
  for (const r of rowids) {
    const s = r < idx.slotOfRowid.length ? idx.slotOfRowid[r]! : -1;
    if (s >= 0) slots[k++] = s;
  }
  return slots.subarray(0, k);
}

/**
 * Stage 2: which trials pass, and the facet counts. Counts say what choosing an option
 * would give: a trial counts towards a facet if it passes every *other* active filter
 * (it passes all, or fails only that facet's filter).
 */
function filterAndCount(idx: FacetIndex, q: EngineQuery, slots: Int32Array | null) {
  const filters = activeFilters(idx, q);
  const tallies = FACET_NAMES.map((name) => (FACETS[name] as Facet).tally(idx, q));
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
    if (failed >= 0) return tallies[filters[failed]!.facet]!.add(i);
    passing[i] = 1;
    total++;
    for (let t = 0; t < tallies.length; t++) tallies[t]!.add(i);
  };
  if (slots) for (let k = 0; k < slots.length; k++) visit(slots[k]!);
  else for (let i = 0; i < idx.n; i++) visit(i);
  const facets = Object.assign({}, ...tallies.map((t) => t.result()), { age: q.age === undefined ? null : total }) as Facets;
  return { passing, total, facets };
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


/**
 * Stage 3: the page. Relevance sorts the (fewer) matches; the other sorts walk a
 * presorted order.
 */
function pageOf(idx: FacetIndex, q: EngineQuery, parsed: ParsedQuery, slots: Int32Array | null, passing: Uint8Array): number[] {
  const first = (q.page - 1) * q.pageSize;
  const page: number[] = [];
  if (q.sort === "distance" && q.sites.distance) {
    // Nearest recruiting site first (then trials with only other sites, then none placed); ties newest first.
    const keyed: [number, number][] = [];
    for (const i of idx.order.start) if (passing[i] === 1) keyed.push([distanceKey(idx.sites, q.sites, i), i]);
    keyed.sort((a, b) => a[0] - b[0]); // stable: ties keep the start order
    return keyed.slice(first, first + q.pageSize).map(([, i]) => i);
  }
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
    return ranked.slice(first, need);
  }
  const order = q.sort === "enrollment" ? idx.order.enrollment : q.sort === "dose" ? idx.order.dose : idx.order.start;
  let seen = 0;
  for (const i of order) {
    if (passing[i] !== 1) continue;
    if (seen >= first) page.push(i);
    if (++seen >= first + q.pageSize) break;
  }
  return page;
}

/**
 * A search: `matched` are the rowids the full-text index matched for `parsed` (null when
 * the query has no words, so every trial is a candidate).
 */
export function runSearch(
  idx: FacetIndex, q: SearchQuery, parsed: ParsedQuery, matched: number[] | null,
  opts: { point?: LatLon | null; withMap?: boolean } = {},
): EngineResult {
  const point = opts.point ?? null;
  const eq: EngineQuery = { ...q, sites: siteQuery(idx.sites, q, point) };
  const slots = matchSlots(idx, matched);
  const { passing, total, facets } = filterAndCount(idx, eq, slots);
  const page = pageOf(idx, eq, parsed, slots, passing);
  const ids = page.map((i) => idx.ids[i]!);
  return {
    total, ids, facets, terms: parsed.words,
    ...(point ? { nearest: Object.fromEntries(page.map((i) => [idx.ids[i]!, nearestSite(idx.sites, eq.sites, i)])) } : {}),
    ...(opts.withMap ? { mapSites: mapSitesOf(idx.sites, eq.sites, idx.ids, passing) } : {}),
  };
}
