import type { FacetRow } from "../db/store";
import { tierTexts, type SearchSource } from "../record/search-fields";
import { PHASES } from "../record/vocabulary";
import { words } from "./fts-query";
import { latestInstant } from "../history/freshness";
import { buildSiteIndex, type SiteIndex } from "./site-facets";

/**
 * What the list filters, counts and sorts on, held in memory as typed arrays: one slot
 * per trial, enum values as small integer codes. Built once per database change.
 */
export interface FacetIndex {
  n: number;
  ids: string[];
  /** rowid → slot, -1 where no trial. */
  slotOfRowid: Int32Array;
  phaseBits: Uint8Array; // bit k = PHASES[k]
  status: Codes;
  allocation: Codes;
  masking: Codes;
  source: Codes;
  /** Per trial, the codes of its arms' values (cell sources also the trial's own): a trial may have several. */
  sources: MultiCodes;
  routes: MultiCodes;
  origins: MultiCodes;
  /** Per trial, the registries it is registered in (one code each). */
  registries: MultiCodes;
  conditions: { codes: Int32Array[]; values: string[]; lower: string[] };
  doses: Float64Array[];
  infusions: Uint16Array[];
  minAge: Float64Array; // NaN: not stated
  maxAge: Float64Array;
  /** YYYYMMDD as a number (YYYYMM00 for a month), -1 when unknown: sorts newest first. */
  start: Float64Array;
  enrollment: Float64Array; // -1 when unknown
  /** The latest instant (ms) the status verification date can mean; NaN when not stated. */
  verified: Float64Array;
  maxDose: Float64Array; // -1 when unknown
  /** Slots presorted for each sort, unknown values last, ties by id. */
  order: { start: Int32Array; enrollment: Int32Array; dose: Int32Array };
  /** " word word … " of title, acronym and identifiers; of conditions, arms, interventions, sponsor. */
  titleText: string[];
  keyText: string[];
  /** word → slots (ascending) whose titleText / keyText has it: relevance without scanning every row. */
  titleWords: Map<string, Int32Array>;
  keyWords: Map<string, Int32Array>;
  /** The trials' sites and results publications (issue 22: lib/search/site-facets.ts). */
  sites: SiteIndex;
}

export interface Codes { codes: Int16Array; values: string[] }
export interface MultiCodes { codes: Int16Array[]; values: string[] }

/** Infusion counts above this are counted together (the URL parameter allows up to 1000). */
export const MAX_INFUSIONS = 1000;

function encoder(n: number): { codes: Int16Array; values: string[]; set: (i: number, v: string | null) => void } {
  const codes = new Int16Array(n).fill(-1);
  const values: string[] = [];
  const index = new Map<string, number>();
  return {
    codes, values,
    set(i, v) {
      if (v === null) return;
      let c = index.get(v);
      if (c === undefined) index.set(v, (c = values.push(v) - 1));
      codes[i] = c;
    },
  };
}

/** Codes for a list of values per trial. */
function multiEncoder(n: number): MultiCodes & { set: (i: number, vs: (string | null)[]) => void } {
  const codes: Int16Array[] = new Array(n);
  const values: string[] = [];
  const index = new Map<string, number>();
  return {
    codes, values,
    set(i, vs) {
      codes[i] = Int16Array.from(new Set(vs.filter((v): v is string => !!v).map((v) => {
        let c = index.get(v);
        if (c === undefined) index.set(v, (c = values.push(v) - 1));
        return c;
      })));
    },
  };
}

const tokens = (...texts: (string | null | undefined)[]) => ` ${texts.filter(Boolean).map((t) => words(t!).join(" ")).join(" ")} `;
const dateKey = (d: string | null) => (d ? Number(d.replace(/-/g, "").padEnd(8, "0")) : -1);

function presort(n: number, key: Float64Array): Int32Array {
  // Slots are in id order, so a stable sort on the key keeps ties by id.
  return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[b]! - key[a]! || a - b);
}

function invert(texts: string[]): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  texts.forEach((text, i) => {
    for (const w of new Set(text.trim().split(" "))) {
      if (!w) continue;
      const list = lists.get(w);
      if (list) list.push(i);
      else lists.set(w, [i]);
    }
  });
  return new Map([...lists].map(([w, slots]) => [w, Int32Array.from(slots)]));
}

/** The facet index of these rows (sorted by id, as readFacetRows returns them). */
export function buildFacetIndex(raw: FacetRow[]): FacetIndex {
  const n = raw.length;
  const status = encoder(n), allocation = encoder(n), masking = encoder(n), source = encoder(n);
  const sources = multiEncoder(n), routes = multiEncoder(n), origins = multiEncoder(n), registries = multiEncoder(n);
  const conditionIndex = new Map<string, number>();
  const conditionValues: string[] = [];
  const maxRowid = raw.reduce((m, r) => Math.max(m, r.rowid), 0);
  const idx: FacetIndex = {
    n, ids: new Array(n), slotOfRowid: new Int32Array(maxRowid + 1).fill(-1), phaseBits: new Uint8Array(n),
    status, allocation, masking, source, sources, routes, origins, registries,
    conditions: { codes: new Array(n), values: conditionValues, lower: [] },
    doses: new Array(n), infusions: new Array(n),
    minAge: new Float64Array(n), maxAge: new Float64Array(n), start: new Float64Array(n), verified: new Float64Array(n),
    enrollment: new Float64Array(n), maxDose: new Float64Array(n),
    order: { start: new Int32Array(0), enrollment: new Int32Array(0), dose: new Int32Array(0) },
    titleText: new Array(n), keyText: new Array(n), titleWords: new Map(), keyWords: new Map(),
    sites: buildSiteIndex(raw),
  };
  raw.forEach((r, i) => {
    idx.ids[i] = r.id;
    idx.slotOfRowid[r.rowid] = i;
    for (const p of r.phases) idx.phaseBits[i]! |= 1 << PHASES.indexOf(p as (typeof PHASES)[number]);
    status.set(i, r.status);
    allocation.set(i, r.allocation);
    masking.set(i, r.masking);
    source.set(i, r.source);
    sources.set(i, [r.source, ...r.armSources]);
    registries.set(i, r.registries);
    routes.set(i, r.routes);
    origins.set(i, r.origins);
    const conditions = r.conditions;
    // Conditions differing only in case ("ACLF", "aclf") are one option, shown as first spelled.
    idx.conditions.codes[i] = Int32Array.from(new Set(conditions.map((c) => {
      const key = c.toLowerCase();
      let code = conditionIndex.get(key);
      if (code === undefined) conditionIndex.set(key, (code = conditionValues.push(c) - 1));
      return code;
    })));
    idx.doses[i] = Float64Array.from(r.doses);
    idx.infusions[i] = Uint16Array.from(new Set(r.infusions.map((x) => Math.min(x, MAX_INFUSIONS))));
    idx.minAge[i] = r.minAge ?? NaN;
    idx.maxAge[i] = r.maxAge ?? NaN;
    idx.start[i] = dateKey(r.start);
    idx.verified[i] = r.statusVerified ? latestInstant(r.statusVerified) : NaN;
    idx.enrollment[i] = r.enrollment ?? -1;
    idx.maxDose[i] = r.maxDose ?? -1;
    const src: Partial<SearchSource> = {
      title: r.title, officialTitle: r.officialTitle, acronym: r.acronym, identifiers: [r.id, r.nctId, r.otherIds.length ? r.otherIds.join(" ") : null],
      conditions, interventions: r.interventions, keywords: r.keywords,
      armLabels: r.armLabels.length ? [r.armLabels.join(" ")] : [], sponsor: r.sponsor, cellSource: r.source,
    };
    idx.titleText[i] = tokens(...tierTexts(src, 4));
    idx.keyText[i] = tokens(...tierTexts(src, 2));
  });
  idx.conditions.lower = conditionValues.map((c) => c.toLowerCase());
  idx.titleWords = invert(idx.titleText);
  idx.keyWords = invert(idx.keyText);
  idx.order = { start: presort(n, idx.start), enrollment: presort(n, idx.enrollment), dose: presort(n, idx.maxDose) };
  return idx;
}

const caches = new WeakMap<object, { version: number; index: Promise<FacetIndex> }>();

/**
 * The facet index of a database (`owner`: its connection) at `version` (its data version,
 * which moves when an import commits), built by `load` only when the version moved.
 */
export function cachedFacetIndex(owner: object, version: number, load: () => Promise<FacetRow[]>): Promise<FacetIndex> {
  const hit = caches.get(owner);
  if (hit && hit.version === version) return hit.index;
  const index = load().then(buildFacetIndex);
  const entry = { version, index };
  caches.set(owner, entry);
  index.catch(() => caches.get(owner) === entry && caches.delete(owner));
  return index;
}
