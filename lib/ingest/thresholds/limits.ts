import type { Analyte, ThresholdOp } from "../../record/analytes";
import { COMPARATOR, opOf, SUFFIX, suffixOp } from "./comparators";
import { NUM, parseNumber, readUnit } from "./values";
import { notALevelAfter } from "./traps";
import { plausible } from "./analytes";

/** One limit read after an analyte's name: where it ends in the text. */
export interface Limit {
  op: ThresholdOp;
  value: number;
  max: number | null;
  unit: string | null;
  relativeTo: "ULN" | null;
  start: number;
  end: number;
  /** How a continuation joins the limit before it ("≥7 and <14", "<2.0 or >12"). */
  joined?: "or" | "and";
}

// Words between an analyte's name and its limit: "MELD score of", "platelet count is",
// "Child-Pugh class B (", "serum creatinine test".
const FILLER = new RegExp(String.raw`^(?:[\s:,(]|\[[A-Za-z-]{1,8}\]|\b(?:levels?|counts?|concentrations?|values?|scores?|is|was|were|are|of|must|be|should|meets?|test|results?|the|a|an|serum|blood|screening|baseline|with|range|ranging|from|class|grade|between|[A-C](?:\s*(?:or|and)\s*[A-C])?)\b)*`, "i");

const ULN = String.raw`\s*times?\s+(?:the\s+)?normal\b|\s*(?:[x×*]|times?)?\s*(?:of\s+)?(?:the\s+)?(?:institutional\s+)?(?:ULN\b|upper\s+(?:limits?\s+of\s+(?:the\s+)?normal|normal\s+limit|limit\s+normal)(?:\s+values?)?(?:\s*\(ULN\))?)`;
// Grouped: `^A|B` anchored only A and searched the whole rest of the criterion for B, which
// read "albumin ≥ 3.0g/dL … creatinine ≤ 1.5×ULN" as 3.0 × ULN, and cost the rest's length
// for each number (quadratic over many limits).
const ULN_AFTER = new RegExp(`^(?:${ULN})`, "i");
// "3times more than normal": the comparator after the multiple.
const TIMES_COMP_NORMAL = new RegExp(String.raw`^\s*times?\s*(${COMPARATOR})\s*(?:the\s+)?(?:ULN\b|upper\s+limits?\s+of\s+normal|normal\b)`, "i");
const NUMBER = new RegExp(`^${NUM}`);
const COMP_AT = new RegExp(`^(?:(?:must\\s+be|is|be)\\s+)?(?:${COMPARATOR}\\s*)*?(${COMPARATOR})\\s*(?=\\d)`, "i");
const RANGE_SEP = /^\s*(?:-|–|—|~|～|to)\s*/i;
const AND_SEP = /^\s*and\s*/i;
const SUFFIX_AT = new RegExp(`^\\s*${SUFFIX}\\b`, "i");
const CONTINUE = new RegExp(String.raw`^\s*(?:[,;]\s*)?(?:(?:and\/or|and|but|or)\s+)?(?=(?:${COMPARATOR})\s*\d)`, "i");

interface Quantity {
  value: number;
  unit: string | null;
  relativeTo: "ULN" | null;
  end: number;
  /** "3times more than normal": the comparator came after the number. */
  op?: Exclude<ThresholdOp, "between">;
}

/** A number at `i` and what follows it: a unit, a multiple of the ULN, or nothing. */
function readQuantity(text: string, i: number, analyte: Analyte): Quantity | null {
  const m = NUMBER.exec(text.slice(i));
  if (!m) return null;
  const value = parseNumber(m[0], analyte === "PLATELETS" || analyte === "WBC");
  if (value === null) return null;
  let end = i + m[0].length;
  const rest = text.slice(end);
  const times = TIMES_COMP_NORMAL.exec(rest);
  if (times) return { value, unit: null, relativeTo: "ULN", end: end + times[0].length, op: opOf(times[1]!) };
  const uln = ULN_AFTER.exec(rest);
  if (uln) {
    end += uln[0].length;
    const trailing = readUnit(text.slice(end)); // "≥ 10×ULN umol/L": the unit adds nothing
    if (trailing && trailing.unit !== "a") end += trailing.length;
    return { value, unit: null, relativeTo: "ULN", end };
  }
  const unit = readUnit(rest);
  if (unit) end += unit.length;
  if (notALevelAfter(text.slice(end))) return null;
  if (analyte === "AGE" && unit?.unit) end += /^\s*(?:old|of\s+age)\b/i.exec(text.slice(end))?.[0].length ?? 0;
  return { value, unit: unit?.unit ?? null, relativeTo: null, end };
}

/** A comparator and a quantity at `i`: "≥ 12 mg/dL", "more than 30.000/mm3". */
function readCompared(text: string, i: number, analyte: Analyte): Limit | null {
  const c = COMP_AT.exec(text.slice(i));
  if (c) {
    const q = readQuantity(text, i + c[0].length, analyte);
    if (!q || q.op) return null;
    return { op: opOf(c[1]!), value: q.value, max: null, unit: q.unit, relativeTo: q.relativeTo, start: i, end: q.end };
  }
  const q = readQuantity(text, i, analyte);
  if (!q) return null;
  if (q.op) return { op: q.op, value: q.value, max: null, unit: null, relativeTo: "ULN", start: i, end: q.end };
  // "10 or more", "grade II or lower"
  const s = SUFFIX_AT.exec(text.slice(q.end));
  if (s) return { op: suffixOp(s[1]!), value: q.value, max: null, unit: q.unit, relativeTo: q.relativeTo, start: i, end: q.end + s[0].length };
  return null;
}

/** "17-30", "from 18 to 65 years", "between 20 and 70" (inclusive: the contract's between). */
function readRange(text: string, i: number, analyte: Analyte, afterBetween: boolean): Limit | null {
  const lo = readQuantity(text, i, analyte);
  if (!lo || lo.op || lo.relativeTo) return null;
  const rest = text.slice(lo.end);
  const sep = RANGE_SEP.exec(rest) ?? (afterBetween ? AND_SEP.exec(rest) : null);
  if (!sep) return null;
  const hi = readQuantity(text, lo.end + sep[0].length, analyte);
  if (!hi || hi.op || hi.relativeTo) return null;
  if (lo.unit && hi.unit && lo.unit !== hi.unit) return null; // "5 months to 2 years": not one unit
  if (hi.value <= lo.value) return null;
  let end = hi.end;
  const inclusive = /^\s*[,(]?\s*(?:including\s+(?:the\s+)?boundary\s+values?|inclusive|both\s+inclusive)\)?/i.exec(text.slice(end));
  if (inclusive) end += inclusive[0].length;
  return { op: "between", value: lo.value, max: hi.value, unit: hi.unit ?? lo.unit, relativeTo: null, start: i, end };
}

function check(analyte: Analyte, l: Limit): boolean {
  const ok = (v: number) => plausible(analyte, v, l.unit, l.relativeTo === "ULN");
  return ok(l.value) && (l.max === null || ok(l.max));
}

/**
 * The limits written right after an analyte's name (from `i`, its end): the first, then
 * any continuation of the same analyte ("≥7 and <14", "<2.0×10^9/L or >12×10^9/L").
 * [] when what follows is not a limit.
 */
export function readLimitsAfter(text: string, i: number, analyte: Analyte): Limit[] {
  const filler = FILLER.exec(text.slice(i))![0];
  const at = i + filler.length;
  // The last 40 characters only: the pattern tried over all the text before each name is quadratic.
  const afterBetween = /\bbetween\s*$/i.test(text.slice(Math.max(0, at - 40), at)) || /\bbetween\b/i.test(filler);
  const first = readCompared(text, at, analyte) ?? readRange(text, at, analyte, afterBetween);
  if (!first || !check(analyte, first)) return [];
  const out = [first];
  for (;;) {
    const last = out[out.length - 1]!;
    const c = CONTINUE.exec(text.slice(last.end));
    if (!c) break;
    const next = readCompared(text, last.end + c[0].length, analyte);
    if (!next || !check(analyte, next)) break;
    if (next.unit === null && last.unit !== null && !next.relativeTo) next.unit = last.unit;
    next.joined = /\bor\b/i.test(c[0]) && !/and\/or/i.test(c[0]) ? "or" : "and";
    out.push(next);
  }
  // A first limit without a unit takes the unit its continuation states ("less than 20 or more than 70 years").
  if (out.length > 1 && out[0]!.unit === null && !out[0]!.relativeTo) out[0]!.unit = out[1]!.unit;
  return out;
}

const PREFIX = new RegExp(`(${NUM})\\s*(%)?\\s*(≤|<=|≦|<)\\s*$`);

/** "17 ≤ MELD", "20% < PTA": a lower bound written before the analyte's name. */
export function readLimitBefore(text: string, start: number, analyte: Analyte): Limit | null {
  const before = text.slice(Math.max(0, start - 24), start);
  const m = PREFIX.exec(before);
  if (!m) return null;
  const value = parseNumber(m[1]!);
  if (value === null) return null;
  const from = start - before.length + m.index;
  const limit: Limit = { op: m[3] === "<" ? ">" : ">=", value, max: null, unit: m[2] ?? null, relativeTo: null, start: from, end: start };
  return check(analyte, limit) ? limit : null;
}

/** Where an age limit written before its unit starts ("18-65 years of age", "≥ 20 years old"). */
export function readAgeBefore(text: string, unitStart: number): Limit[] {
  const windowStart = Math.max(0, unitStart - 40);
  const candidates = [...text.slice(windowStart, unitStart).matchAll(new RegExp(`between|${COMPARATOR}|\\d+`, "gi"))];
  for (const c of candidates) {
    const i = windowStart + c.index;
    if (i > 0 && /[\d.,]/.test(text[i - 1]!)) continue;
    const limits = readLimitsAfter(text, i, "AGE");
    if (limits.length && limits[0]!.end >= unitStart) return limits;
  }
  return [];
}
