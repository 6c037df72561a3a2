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

/** A text's distinct words, in order of first appearance. */
const distinctWords = (text: string): string[] => [...new Set(text.trim().split(" "))].filter(Boolean);

/** word → the slots (ascending) whose words (each slot's distinct words) have it. */
function* invert(wordsOf: string[][]): Generator<void, Map<string, Int32Array>> {
  const lists = new Map<string, number[]>();
  for (let i = 0; i < wordsOf.length; i++) {
    for (const w of wordsOf[i]!) {
      const list = lists.get(w);
      if (list) list.push(i);
      else lists.set(w, [i]);
    }
    if (i % 1000 === 999) yield;
  }
  const out = new Map<string, Int32Array>();
  for (const [w, slots] of lists) out.set(w, Int32Array.from(slots));
  return out;
}

/**
 * What the index derives from one row by parsing its text (its words, its dates): kept per
 * row object, so that a row the store returns again unchanged (the same object: lib/db/
 * search-reads.ts readFacetRows) is not parsed again when the index is rebuilt after an import.
 */
interface Derived { titleText: string; keyText: string; titleWords: string[]; keyWords: string[]; start: number; verified: number }
const derivedOf = new WeakMap<FacetRow, Derived>();

function derive(r: FacetRow): Derived {
  const hit = derivedOf.get(r);
  if (hit) return hit;
  const src: Partial<SearchSource> = {
    title: r.title, officialTitle: r.officialTitle, acronym: r.acronym, identifiers: [r.id, r.nctId, r.otherIds.length ? r.otherIds.join(" ") : null],
    conditions: r.conditions, interventions: r.interventions, keywords: r.keywords,
    armLabels: r.armLabels.length ? [r.armLabels.join(" ")] : [], sponsor: r.sponsor, cellSource: r.source,
  };
  const titleText = tokens(...tierTexts(src, 4)), keyText = tokens(...tierTexts(src, 2));
  const d: Derived = {
    titleText, keyText, titleWords: distinctWords(titleText), keyWords: distinctWords(keyText),
    start: dateKey(r.start), verified: r.statusVerified ? latestInstant(r.statusVerified) : NaN,
  };
  // Only rows that cannot change (frozen) are kept: a row changed after the build would be read stale.
  if (Object.isFrozen(r)) derivedOf.set(r, d);
  return d;
}

/**
 * Slot `i`'s values that depend on nothing but its own row (phases, doses, ages, dates,
 * the texts searched): what a build writes for each row and patchIndex rewrites for a
 * changed one (the fields of PATCHABLE).
 */
function writeSlot(idx: FacetIndex, i: number, r: FacetRow, d: Derived): void {
  let bits = 0;
  for (const p of r.phases) bits |= 1 << PHASES.indexOf(p as (typeof PHASES)[number]);
  idx.phaseBits[i] = bits;
  idx.doses[i] = Float64Array.from(r.doses);
  idx.infusions[i] = Uint16Array.from(new Set(r.infusions.map((x) => Math.min(x, MAX_INFUSIONS))));
  idx.minAge[i] = r.minAge ?? NaN;
  idx.maxAge[i] = r.maxAge ?? NaN;
  idx.start[i] = d.start;
  idx.verified[i] = d.verified;
  idx.enrollment[i] = r.enrollment ?? -1;
  idx.maxDose[i] = r.maxDose ?? -1;
  idx.titleText[i] = d.titleText;
  idx.keyText[i] = d.keyText;
}

/** The facet index of these rows (sorted by id, as readFacetRows returns them). */
export function buildFacetIndex(raw: FacetRow[]): FacetIndex {
  const steps = build(raw);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * buildFacetIndex in slices: `pause` (lib/data/cooperative.ts) between every few hundred
 * rows, so that a rebuild after an import (10,000 trials: a few hundred milliseconds) does
 * not hold the server's one thread in one piece.
 */
export async function buildFacetIndexSliced(raw: FacetRow[], pause: () => Promise<void>): Promise<FacetIndex> {
  const steps = build(raw);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The build, a step at a time: it yields where a slice may end. */
function* build(raw: FacetRow[]): Generator<void, FacetIndex> {
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
  const titleWords: string[][] = new Array(n), keyWords: string[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = raw[i]!;
    idx.ids[i] = r.id;
    idx.slotOfRowid[r.rowid] = i;
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
    const d = derive(r);
    writeSlot(idx, i, r, d);
    titleWords[i] = d.titleWords;
    keyWords[i] = d.keyWords;
    if (i % 250 === 249) yield;
  }
  idx.conditions.lower = conditionValues.map((c) => c.toLowerCase());
  idx.titleWords = yield* invert(titleWords);
  idx.keyWords = yield* invert(keyWords);
  yield;
  idx.order = { start: presort(n, idx.start), enrollment: presort(n, idx.enrollment), dose: presort(n, idx.maxDose) };
  return idx;
}

export interface Built { rows: FacetRow[]; index: FacetIndex }
const caches = new WeakMap<object, { version: number; built: Promise<Built> }>();

/** Whether two reads returned the very same row objects, in the same order (nothing changed between them). */
function sameRows(a: FacetRow[], b: FacetRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A row's fields that patchIndex writes into a slot; every other field of a changed row
 * (its coded values: status, sources, conditions…, and any field added later) must equal
 * the old row's, or the index is built afresh.
 */
const PATCHABLE = new Set<string>(["rowid", "title", "officialTitle", "acronym", "nctId", "otherIds", "interventions", "keywords", "armLabels",
  "sponsor", "phases", "doses", "infusions", "minAge", "maxAge", "start", "statusVerified", "enrollment", "maxDose"]);
/** More changed rows than this: built afresh (a patch copies the index's arrays once, then works per changed row). */
const MAX_PATCHED = 500;

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** word → slots with slot `i` taken out of the lists of `gone` and put into those of `added` (ascending); lists left empty removed. */
function patchWords(words: Map<string, Int32Array>, i: number, gone: string[], added: string[]): void {
  for (const w of gone) {
    const list = words.get(w);
    if (!list) continue;
    const kept = list.filter((s) => s !== i);
    if (kept.length) words.set(w, kept);
    else words.delete(w);
  }
  for (const w of added) {
    const list = words.get(w);
    if (!list) {
      words.set(w, Int32Array.of(i));
      continue;
    }
    const out = new Int32Array(list.length + 1);
    let k = 0;
    while (k < list.length && list[k]! < i) (out[k] = list[k]!), k++;
    out[k] = i;
    out.set(list.subarray(k), k + 1);
    words.set(w, out);
  }
}

/**
 * The index of `rows` made from `before`'s by rewriting the slots of the rows that changed,
 * when that gives what a fresh build would: the same trials in the same slots, and each
 * changed row's coded values (status, registries, conditions as spelled…) as they were, so
 * every code table stays as it is. A new index (the old one may still be read); null when
 * the index must be built afresh.
 */
export function patchIndex(before: Built, rows: FacetRow[]): FacetIndex | null {
  const old = before.rows, prev = before.index;
  if (rows.length !== old.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i] === old[i]) continue;
    if (rows[i]!.id !== old[i]!.id || changed.push(i) > MAX_PATCHED) return null;
    const a = old[i] as unknown as Record<string, unknown>, b = rows[i] as unknown as Record<string, unknown>;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (!PATCHABLE.has(k) && !sameValue(a[k], b[k])) return null;
  }
  const idx: FacetIndex = {
    ...prev,
    phaseBits: prev.phaseBits.slice(), doses: prev.doses.slice(), infusions: prev.infusions.slice(),
    minAge: prev.minAge.slice(), maxAge: prev.maxAge.slice(), start: prev.start.slice(), verified: prev.verified.slice(),
    enrollment: prev.enrollment.slice(), maxDose: prev.maxDose.slice(), titleText: prev.titleText.slice(), keyText: prev.keyText.slice(),
    titleWords: new Map(prev.titleWords), keyWords: new Map(prev.keyWords),
  };
  const maxRowid = changed.reduce((m, i) => Math.max(m, rows[i]!.rowid), prev.slotOfRowid.length - 1);
  idx.slotOfRowid = new Int32Array(maxRowid + 1).fill(-1);
  idx.slotOfRowid.set(prev.slotOfRowid);
  for (const i of changed) idx.slotOfRowid[old[i]!.rowid] = -1;
  for (const i of changed) {
    const r = rows[i]!;
    idx.slotOfRowid[r.rowid] = i;
    const d = derive(r), was = derive(old[i]!);
    writeSlot(idx, i, r, d);
    const diff = (a: string[], b: string[]) => { const has = new Set(b); return a.filter((w) => !has.has(w)); };
    patchWords(idx.titleWords, i, diff(was.titleWords, d.titleWords), diff(d.titleWords, was.titleWords));
    patchWords(idx.keyWords, i, diff(was.keyWords, d.keyWords), diff(d.keyWords, was.keyWords));
  }
  // A sort is redone only when a changed row's key moved.
  const moved = (key: "start" | "enrollment" | "maxDose") => changed.some((i) => !Object.is(idx[key][i], prev[key][i]));
  idx.order = {
    start: moved("start") ? presort(idx.n, idx.start) : prev.order.start,
    enrollment: moved("enrollment") ? presort(idx.n, idx.enrollment) : prev.order.enrollment,
    dose: moved("maxDose") ? presort(idx.n, idx.maxDose) : prev.order.dose,
  };
  return idx;
}

/**
 * The facet index of a database (`owner`: its connection) at `version` (its data version,
 * which moves when an import commits), read by `load` only when the version moved; and
 * built again only when the rows changed: when `load` returns the very row objects of the
 * last build (lib/db/search-reads.ts returns an unchanged row as the same frozen object),
 * that index is kept; when a few rows changed and nothing their codes depend on, their
 * slots are rewritten in a copy (patchIndex: an import of a changed trial); otherwise it is
 * built again, parsing only the rows that changed (derive), calling `pause` between its
 * slices (lib/data/cooperative.ts slicer).
 */
export function cachedFacetIndex(owner: object, version: number, load: () => Promise<FacetRow[]>, pause: () => Promise<void> = async () => {}): Promise<FacetIndex> {
  const hit = caches.get(owner);
  if (hit && hit.version === version) return hit.built.then((b) => b.index);
  const previous = hit?.built;
  const built = load().then(async (rows): Promise<Built> => {
    const before = await previous?.catch(() => null);
    if (before && sameRows(before.rows, rows)) return before;
    const patched = before ? patchIndex(before, rows) : null;
    return { rows, index: patched ?? await buildFacetIndexSliced(rows, pause) };
  });
  const entry = { version, built };
  caches.set(owner, entry);
  built.catch(() => caches.get(owner) === entry && caches.delete(owner));
  return built.then((b) => b.index);
}
