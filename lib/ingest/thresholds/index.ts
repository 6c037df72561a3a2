import type { Analyte } from "../../record/analytes";
import type { Threshold } from "../../record/schema";
import { findMentions, plausible } from "./analytes";
import { COMPARATOR } from "./comparators";
import { readGrades } from "./grades";
import { assignGroups, clauseIndex, maskAndSplit, type Link, unreadableAlternative } from "./groups";
import { type Limit, readAgeBefore, readLimitBefore, readLimitsAfter } from "./limits";
import { insideExample, isChangeBefore, isOtherMeasureAfter } from "./traps";
import { NUM, readUnit } from "./values";

/**
 * The threshold reader: every numeric limit an eligibility criterion puts on a patient,
 * read from its words (shared/spec/screening.md). Pure; shared by every source layout
 * through lib/ingest/resolve.ts. A limit that cannot be read exactly yields nothing: the
 * criterion stays one a person reads.
 */

interface Read extends Limit {
  analyte: Analyte;
  /** Where the threshold's source words start (the analyte's name, or a bound before it). */
  from: number;
  link: Link;
  /** The reads of one name share a chain: "≥7 and <14" is one reading of "Child-Pugh". */
  chain: number;
}

// "≥12 mg/dL (equivalent to 205 μmol/L)", "prothrombin activity >30% (prothrombin time <20 s)":
// the same limit restated, one threshold.
const RESTATED = new RegExp(String.raw`^\s*[(（]\s*(?:equivalent\s+to|corresponding\s+to|equals?|i\.?\s?e\.?,?|=|≈|approximately|about|or)?\s*(?:[A-Za-z][A-Za-z -]{0,30}?\s*)?(?:${COMPARATOR}\s*)?${NUM}`, "i");

function restatementEnd(text: string, end: number): number {
  const m = RESTATED.exec(text.slice(end));
  if (!m) return end;
  const unit = readUnit(text.slice(end + m[0].length));
  if (!unit?.unit) return end;
  const after = end + m[0].length + unit.length;
  const close = text.slice(after, after + 30).search(/[)）]/);
  return close >= 0 ? after + close + 1 : after;
}

/** ">=7" then "<=9" of one analyte, inclusive both: the contract's "between". */
function mergeRange(limits: Limit[]): Limit[] {
  if (limits.length !== 2) return limits;
  const [a, b] = limits as [Limit, Limit];
  if (a.op === ">=" && b.op === "<=" && a.value < b.value && a.unit === b.unit && !a.relativeTo && !b.relativeTo) {
    return [{ ...a, op: "between", max: b.value, end: b.end }];
  }
  return limits;
}

let chains = 0;
/** One name's limits: each keeps the words of the whole reading ("Child-Pugh scores of ≥7 and <14"). */
function chain(analyte: Analyte, from: number, limits: Limit[], link: Link = null): Read[] {
  const end = limits[limits.length - 1]!.end;
  const id = chains++;
  return limits.map((l, i) => ({ ...l, analyte, from, end, link: i === 0 ? link : (l.joined ?? "and"), chain: id }));
}

/** Positions of a text covered by spans; each position is marked once however spans overlap. */
class Cover {
  private readonly marked: Uint8Array;
  /** The next position at or after i that may be unmarked (followed with path halving). */
  private readonly next: Int32Array;
  constructor(length: number) {
    this.marked = new Uint8Array(length + 1);
    this.next = Int32Array.from({ length: length + 2 }, (_, i) => i);
  }
  private find(i: number): number {
    while (this.next[i] !== i) {
      this.next[i] = this.next[this.next[i]!]!;
      i = this.next[i]!;
    }
    return i;
  }
  add(from: number, end: number): void {
    const stop = Math.min(end, this.marked.length);
    for (let i = this.find(Math.max(0, from)); i < stop; i = this.find(i)) {
      this.marked[i] = 1;
      this.next[i] = i + 1;
    }
  }
  has(pos: number): boolean {
    return this.marked[pos] === 1;
  }
}

function readAll(masked: string): Read[] {
  chains = 0;
  const mentions = findMentions(masked);
  const out: Read[] = [];
  let cursor = 0;
  const shared: { analyte: Analyte; start: number; link: Link }[] = [];
  for (const [k, m] of mentions.entries()) {
    if (m.start < cursor) continue;
    if (isChangeBefore(masked.slice(0, m.start)) || isOtherMeasureAfter(masked.slice(m.end)) || insideExample(masked, m.start)) {
      shared.length = 0;
      continue;
    }
    let analyte = m.analyte;
    let limits = readLimitsAfter(masked, m.end, analyte);
    const before = readLimitBefore(masked, m.start, analyte);
    if (before) limits = [before, ...limits];
    if (!limits.length) {
      // "AST or ALT > 10 x ULN", "ALT & AST 3times more than normal": the limit after the last name.
      const next = mentions[k + 1];
      const gap = next ? masked.slice(m.end, next.start) : "";
      if (next && /^\s*(?:or|and|&|\/|,)\s*$/i.test(gap)) shared.push({ analyte, start: m.start, link: /and|&/i.test(gap) ? "and" : "or" });
      else shared.length = 0;
      continue;
    }
    if (analyte === "PT" && limits.every((l) => l.unit === "%")) analyte = "PTA"; // "prothrombin time <40%" is an activity
    limits = mergeRange(limits);
    const last = limits[limits.length - 1]!;
    last.end = restatementEnd(masked, last.end);
    const from = before ? before.start : m.start;
    for (const [j, s] of shared.entries()) {
      const copies = limits.filter((l) => plausible(s.analyte, l.value, l.unit, l.relativeTo === "ULN"));
      if (copies.length === limits.length) out.push(...chain(s.analyte, s.start, copies.map((l) => ({ ...l })), j === 0 ? null : shared[j - 1]!.link));
    }
    out.push(...chain(analyte, shared[0]?.start ?? from, limits, shared.length ? shared[shared.length - 1]!.link : null));
    shared.length = 0;
    cursor = last.end;
  }
  // Positions inside a reading already made (marked once each: asking every reading for each
  // grade or age would cost their product).
  const cover = new Cover(masked.length);
  const add = (reads: Read[]) => { for (const r of reads) { out.push(r); cover.add(r.from, r.end); } };
  for (const r of out) cover.add(r.from, r.end);
  for (const g of readGrades(masked)) if (!cover.has(g.start)) add(chain("HE_GRADE", g.start, [g]));
  // "18-65 years of age", "less than 20 years old or more than 60 years old".
  for (const y of masked.matchAll(/(?:years?|yrs?)\s*(?:old|of\s+age)\b|\bAges\s+Eligible\b/gi)) {
    if (cover.has(y.index)) continue;
    const limits = mergeRange(readAgeBefore(masked, y.index));
    if (limits.length && !cover.has(limits[0]!.start)) add(chain("AGE", limits[0]!.start, limits));
  }
  return out.sort((a, b) => a.from - b.from || a.end - b.end);
}

/** The thresholds of one criterion (`criterion`: its 0-based index in its list). */
export function readCriterionThresholds(text: string, list: "inclusion" | "exclusion", criterion: number): Threshold[] {
  const { masked, clauseStarts } = maskAndSplit(text);
  const notLimits = list === "inclusion" ? describedOthersAt(masked) : masked.length;
  const reads = readAll(masked).filter((r) => r.from < notLimits);
  const placed = reads.map((r) => ({ start: r.from, end: r.end, link: r.link }));
  const groups = assignGroups(masked, list, placed, clauseStarts);
  if (list === "exclusion") joinDisjoint(reads, groups);
  const dropped = new Set<number>();
  if (list === "inclusion") {
    placed.forEach((_, i) => { if (unreadableAlternative(masked, placed, i, clauseStarts)) dropped.add(groups[i]!); });
    // "3.0 to 5.0 mg/dL, or if the total bilirubin is <3.0 mg/dL [and …]": with one alternative
    // of a clause unread, the clause's other limits may be its alternatives; none is read.
    const clauseOf = (i: number) => clauseIndex(clauseStarts, placed[i]!.start);
    const doubtful = new Set(placed.flatMap((_, i) => (dropped.has(groups[i]!) ? [clauseOf(i)] : [])));
    placed.forEach((_, i) => { if (doubtful.has(clauseOf(i))) dropped.add(groups[i]!); });
    // "INR ≥1.5 or 20% < PTA ≤ 40%": a two-sided limit as one alternative among others cannot
    // be written as groups (each group is one "or"), so the whole alternative is not read.
    // (Chains and groups are indexed once: a loop over all reads for each read is quadratic.)
    const members = new Map<number, number[]>();
    const chainsOfGroup = new Map<number, Set<number>>();
    reads.forEach((r, i) => {
      if (!members.has(r.chain)) members.set(r.chain, []);
      members.get(r.chain)!.push(i);
      chainsOfGroup.set(groups[i]!, (chainsOfGroup.get(groups[i]!) ?? new Set()).add(r.chain));
    });
    for (const [, js] of members) {
      const spread = new Set(js.map((j) => groups[j]!)).size > 1;
      const shared = js.some((j) => chainsOfGroup.get(groups[j]!)!.size > 1);
      if (spread && shared) js.forEach((j) => dropped.add(groups[j]!));
    }
    // A chain half unread is unread.
    const unread = new Set<number>();
    reads.forEach((r, i) => {
      if (!dropped.has(groups[i]!) || unread.has(r.chain)) return;
      unread.add(r.chain);
      members.get(r.chain)!.forEach((j) => dropped.add(groups[j]!));
    });
  }
  const renumber = new Map<number, number>();
  const out: Threshold[] = [];
  reads.forEach((r, i) => {
    const g = groups[i]!;
    if (dropped.has(g)) return;
    if (!renumber.has(g)) renumber.set(g, renumber.size);
    out.push({
      list, criterion, group: renumber.get(g)!, analyte: r.analyte, op: r.op, value: r.value, max: r.max,
      unit: r.unit, relativeTo: r.relativeTo, text: text.slice(r.from, r.end).trim(), start: r.from, end: r.end,
    });
  });
  // Spans trimmed like the text, so criterion.slice(start, end) === text.
  for (const t of out) {
    const lead = text.slice(t.start, t.end).length - text.slice(t.start, t.end).trimStart().length;
    t.start += lead;
    t.end = t.start + t.text.length;
  }
  return out;
}

/**
 * Where an inclusion criterion stops stating this trial's own limits: the registry's
 * "Generic exclusion criteria" pasted into an inclusion item, or the definition of another
 * group ("criteria for the group of complete responders: … bilirubin less than 17 μmol/L").
 * Limits after that point describe who is not taken, or someone else: none is read.
 */
function describedOthersAt(text: string): number {
  // ("Meeting the criteria of ACLF defined as: … TBil ≥ 170 μmol/L": the patient's own limits, read.)
  const m = /\bexclusion\s+criteria\b|\bcriteria\s+for\s+(?:the\s+)?group\s+of\b/i.exec(text);
  return m ? m.index : text.length;
}

type Bounds = [number, number];
const boundsOf = (r: Read): Bounds =>
  r.op === "between" ? [r.value, r.max ?? r.value] : r.op === "<" || r.op === "<=" ? [-Infinity, r.value] : [r.value, Infinity];

/**
 * An exclusion's limits joined by "and" must both hold, unless they cannot: "age ≤21 years
 * and >70 years" names two ranges no patient is in at once, so they are alternatives.
 */
function joinDisjoint(reads: Read[], groups: number[]): void {
  for (let i = 1; i < reads.length; i++) {
    const [a, b] = [reads[i - 1]!, reads[i]!];
    if (a.analyte !== b.analyte || a.unit !== b.unit || a.relativeTo || b.relativeTo || groups[i] === groups[i - 1]) continue;
    const [x, y] = [boundsOf(a), boundsOf(b)];
    if (x[1] >= y[0] && y[1] >= x[0]) continue; // they overlap: both can hold
    const from = groups[i]!;
    for (let j = i; j < groups.length; j++) if (groups[j] === from) groups[j] = groups[i - 1]!;
  }
}

/** Every threshold of a record's criteria, inclusion first, in the criteria's order. */
export function readThresholds(eligibility: { inclusion: string[]; exclusion: string[] }): Threshold[] {
  return [
    ...eligibility.inclusion.flatMap((c, i) => readCriterionThresholds(c, "inclusion", i)),
    ...eligibility.exclusion.flatMap((c, i) => readCriterionThresholds(c, "exclusion", i)),
  ];
}
