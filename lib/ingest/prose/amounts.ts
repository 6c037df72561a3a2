import { LIMITS } from "../normalize/plausible";
import { wordsBefore } from "./types";
import { FACTOR_BEFORE, MAX_READABLE, RULES, brokenPower, cannotStartAmount, decimal, flawed } from "./amount-numbers";
import { KG_NEARBY, unitAfter } from "./amount-units";
import { BETWEEN_BEFORE, LIST_BEFORE, RANGE_BEFORE, asRange, dropRestatements, markAlternatives, rangeWords } from "./amount-ranges";
import {
  APPROX, CEILING_BEFORE, FLOOR_BEFORE, TOTAL_OF_BEFORE, isDoseAmount, markTotals, notADose, perSeveralKg, sharedConcentration,
} from "./amount-qualifiers";

/**
 * Cell amounts in prose, each with its exact words and span: `2.0×10^6`, `2.0×10\^6`,
 * `4*10^5`, `1 x 1000000`, `1x10E6`, `0.5*10E6`, `2×10⁶`, `2e6`; exponents whose superscript
 * was lost (`2×105` = 2×10^5: a mantissa, a ×, then 10 and one or two digits); thousands
 * separators (`1.000.000`, `1,000,000`); word multipliers (`10 million`); "approximately";
 * per kg or flat; ranges and lists of levels (never one dose); concentrations (`cells/mL`
 * with no volume: not a dose). Only 10^3 to 10^11 cells are amounts, except with `all`: then
 * a power of ten written out of that range ("1×10^0/kg", "1×10^12 cells") is kept, for the
 * plausibility check to refuse with a warning, and a power of ten that cannot be read
 * ("4*10^", "10^999") is a mention with a `problem` and no value.
 *
 * The scan is linear: every pattern is sticky at a token start with bounded quantifiers.
 */
export interface AmountMention {
  kind: "amount";
  start: number;
  end: number;
  /** The source words, unit included ("1x106 MSCs per kg"). */
  text: string;
  /** The single amount; null for a range or a list of levels. */
  value: number | null;
  perKg: boolean;
  cellsPerKg: number | null;
  cellsPerInfusion: number | null;
  approximate: boolean;
  /** "0.5-1×10^6/kg": both ends, never a dose. */
  range: { low: number; high: number; exp?: number } | null;
  /** "0.5, 1.0, 2.5 million cells/kg" or "1×10^5/kg, 1×10^6/kg or 1×10^7/kg": alternatives. */
  alternatives: number[] | null;
  /** "5x10^6 cells/mL": a concentration with no volume, not a dose. */
  concentration: boolean;
  /** "4*10^": why the number cannot be read (the mention has no value). */
  problem?: string;
  /** "for a total of 80-100 million", "a total of 600 million", "cumulative dose: …": the whole course's amount (the sum over the administrations), not one administration's. */
  total?: boolean;
  /** Not read per kg, yet "kg" follows within a few words ("1-2x10^6 million MSCs per/kg"): the unit is unclear. */
  kgNearby?: boolean;
  /** "a maximum dose of …", "up to …": a ceiling, not the dose given. */
  ceiling?: boolean;
  /** "more than 1 x 10^6", "at least …": a floor, not the dose given. */
  floor?: boolean;
  /** "15 million cells/vial", "1×10^6 cells per 10 kg": a count per something that is not an administration. */
  per?: string;
}

const { min: MIN_CELLS, max: MAX_CELLS } = LIMITS.cells;

/**
 * Every cell amount in `text`, in order. With `all`, also the powers of ten outside the
 * plausible range and those that cannot be read (see above): the importer flags them.
 */
export function findAmounts(text: string, { all = false }: { all?: boolean } = {}): AmountMention[] {
  const out: AmountMention[] = [];
  const starts = /[0-9]|(?<![\d.])\.(?=\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|a hundred)\b/gi;
  let minNext = 0;
  for (const s of text.matchAll(starts)) {
    const i = s.index;
    if (i < minNext) continue;
    if (out.length >= 500) break; // no record states 500 amounts; keeps later passes linear
    if (/\d/.test(s[0]) && i > 0 && /[\d.,^]/.test(text[i - 1]!) && !/[,]/.test(text[i - 1]!)) continue;
    if (i > 0 && /[A-Za-z]/.test(text[i - 1]!) && /\d/.test(s[0])) continue; // "ADR-001", "APZ2"
    if (/\d/.test(s[0]) && cannotStartAmount(text, i)) continue;
    let hit: { mant: string; exp: number; explicit?: boolean; end: number } | null = null;
    // "x 10^6" right after a multiplier sign: the tail of a number whose mantissa was not read, never 10^6 alone
    if (/[×xX*·✕]\s{0,2}$/.test(text.slice(Math.max(0, i - 3), i)) && text.startsWith("10", i)) continue;
    for (const { re, read } of RULES) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const r = read(m);
      if (!r) continue;
      hit = { ...r, end: re.lastIndex };
      break;
    }
    if (!hit) {
      const broken = /\d/.test(s[0]) ? brokenPower(text, i) : null;
      if (broken) {
        minNext = broken.end;
        if (all) out.push(flawed(text, i, broken.end, broken.problem));
      }
      continue;
    }
    let value = decimal(hit.mant, hit.exp);
    // "2×1,000,000 MSC/kg": a factor before a number written out is part of it (2×10^6, not 10^6).
    let start = i;
    const factor = hit.exp === 0 ? FACTOR_BEFORE.exec(text.slice(Math.max(0, i - 12), i)) : null;
    if (factor && !/[\d.,^]/.test(text[i - factor[0].length - 1] ?? "")) {
      value = Math.round(Number(factor[1]!.replace(",", ".")) * value);
      start = i - factor[0].length;
    }
    if (hit.explicit && value > MAX_READABLE) {
      minNext = hit.end;
      if (all) out.push(flawed(text, i, hit.end, "it is larger than any plausible cell count"));
      continue;
    }
    const unit = unitAfter(text, hit.end);
    const plain = hit.exp === 0 && !/[.,]/.test(hit.mant);
    if (plain && !unit.cellWord && !unit.perKg) continue; // "2000 ml", "2019"
    if (text.slice(hit.end, hit.end + 12).match(/^\s{0,2}(?:ml|mg|µg|ug|iu|units?|g\b|years?|patients?|subjects?|participants?|%)/i)) continue;
    // "125 million people worldwide", "7.3 million in 2008": a count of people or of a year, not of cells
    if (!unit.cellWord && /^\s{0,2}(?:people|persons|individuals|deaths|cases|adults|children|inhabitants|dollars|usd|euros?|(?:in|by|since|until)\s{1,2}(?:19|20)\d\d\b)/i.test(text.slice(hit.end, hit.end + 16))) continue;
    minNext = hit.end;
    // A power of ten written out of range is kept (with `all`) for the plausibility check to flag.
    if (!(value >= MIN_CELLS && value <= MAX_CELLS) && !(all && hit.explicit && value >= 1)) continue;
    const end = Math.max(hit.end, unit.end);
    const kgNearby = !unit.perKg && KG_NEARBY.test(text.slice(end, end + 90));
    const mention: AmountMention = {
      kind: "amount", start, end, text: text.slice(start, end), value, perKg: unit.perKg,
      cellsPerKg: unit.perKg ? value : null, cellsPerInfusion: unit.perKg ? null : value,
      approximate: APPROX.test(text.slice(Math.max(0, i - 16), i)), range: null, alternatives: null,
      concentration: unit.concentration, ...(kgNearby ? { kgNearby } : {}),
      ...(CEILING_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ? { ceiling: true } : FLOOR_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ? { floor: true } : {}),
      ...(unit.per ? { per: unit.per } : {}),
    };
    // "for a total of 80-100 million": a range that is the whole course's amount. (A single number after
    // "a total number of" may be one administration's: "a total number of 5 million cells is implanted once";
    // markTotals reads the totals of single numbers.)
    const rangeTotal = TOTAL_OF_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ? { total: true } : {};
    // No range or list is read around a number with a factor ("2×1,000,000").
    const scale = start !== i ? NaN : value / Number(hit.mant.replace(",", "."));
    const before = text.slice(Math.max(0, i - 24), i);
    const prev = out[out.length - 1];
    const between = prev ? text.slice(prev.end, i) : "";
    const betweenAnd = prev && /\bbetween\s{1,2}$/i.test(text.slice(Math.max(0, prev.start - 12), prev.start)) && /^\s{0,3}(?:cells?\s{0,2})?and\s{1,3}$/i.test(between);
    if (prev && prev.value !== null && (betweenAnd || /^\s{0,3}(?:cells?\s{0,2})?(?:-|–|—|~|to)\s{0,3}$/i.test(between))) {
      // "4.5 x 10^7 to 5.5 x 10^7 cells": one range mention spanning both ends
      out.pop();
      out.push(asRange({ ...mention, ...rangeTotal, start: prev.start, text: text.slice(prev.start, end), perKg: mention.perKg || prev.perKg }, prev.value, value, hit.exp));
      continue;
    }
    const r = BETWEEN_BEFORE.exec(text.slice(Math.max(0, i - 40), i)) ?? RANGE_BEFORE.exec(before);
    const charBefore = r ? text[i - r[0].length - 1] : undefined;
    // A year is no low end ("from 7.3 million in 2008 to 25 million" is no range).
    if (r && Number.isFinite(scale) && !(charBefore && /[\d^×xX*eE.]/.test(charBefore)) && !(scale > 1 && Number(r[1]!.replace(",", ".")) >= 1000)) {
      const low = Math.round(Number(r[1]!.replace(",", ".")) * scale);
      const startR = i - r[0].length;
      out.push(asRange({ ...mention, ...rangeTotal, start: startR, text: text.slice(startR, end) }, low, value, hit.exp));
      continue;
    }
    // "0.5, 1.0,2.5 million cells/kg": bare numbers sharing the multiplier
    const levels: number[] = [];
    let listStart = i;
    let b = before;
    for (let guard = 0; guard < 6 && Number.isFinite(scale) && scale > 1; guard++) {
      const l = LIST_BEFORE.exec(b);
      if (!l) break;
      const cb = text[listStart - l[0].length - 1];
      if (cb && /[\d^×xX*eE]/.test(cb)) break;
      if (/(?:arm|group|cohort|day|week|phase|stage|step|part)\s{0,2}$/i.test(text.slice(Math.max(0, listStart - l[0].length - 10), listStart - l[0].length))) break;
      levels.unshift(Math.round(Number(l[1]) * scale));
      listStart -= l[0].length;
      b = b.slice(0, b.length - l[0].length);
    }
    if (levels.length) {
      out.push({ ...mention, start: listStart, text: text.slice(listStart, end), value: null, cellsPerKg: null, cellsPerInfusion: null, alternatives: [...levels, value] });
      continue;
    }
    out.push(mention);
  }
  markAlternatives(text, out);
  dropRestatements(text, out);
  perSeveralKg(text, out);
  markTotals(text, out);
  sharedConcentration(text, out);
  return out;
}

export { isDoseAmount, notADose, rangeWords, wordsBefore };
