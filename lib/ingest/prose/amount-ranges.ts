/**
 * Amounts that are several numbers, never one dose: a range ("0.5-1×10^6/kg", "between 50 and
 * 100 million", "4.5 x 10^7 to 5.5 x 10^7"), a list of levels sharing a multiplier ("0.5, 1.0,
 * 2.5 million cells/kg"), alternatives joined by "or"; a parenthesis restating a number is dropped;
 * and a range in words a person can check against the source.
 */
import type { AmountMention } from "./amounts";

// "0.5-1×10^6", "(1.5)-3.0 x10^6", "2,5-5,0 10E6": the low end, bare or in parentheses, with a decimal point or comma
export const RANGE_BEFORE = /\(?(\d{1,4}(?:\.\d{1,3}|,\d{1,2})?)\)?\s{0,2}(?:-|–|—|~|to)\s{0,2}$/i;
// "between 50 and 100 million cells"
export const BETWEEN_BEFORE = /\bbetween\s{1,2}(\d{1,4}(?:\.\d{1,3}|,\d{1,2})?)\s{1,2}and\s{1,2}$/i;
export const LIST_BEFORE = /(\d{1,4}(?:\.\d{1,3})?)\s{0,2}(?:,|or|and|, or|, and)\s{0,2}$/i;

export function asRange(m: AmountMention, low: number, high: number, exp?: number): AmountMention {
  const range = { low: Math.min(low, high), high: Math.max(low, high), ...(exp !== undefined && exp >= 3 ? { exp } : {}) };
  return { ...m, value: null, cellsPerKg: null, cellsPerInfusion: null, range };
}

/** "1×10e5/Kg, 1×10e6/Kg, or 1×10e7/Kg": amounts joined by commas with an "or". */
export function markAlternatives(text: string, out: AmountMention[]): void {
  let i = 0;
  while (i < out.length) {
    let j = i;
    let sawOr = false;
    while (j + 1 < out.length) {
      const gap = text.slice(out[j]!.end, out[j + 1]!.start);
      if (!/^\s{0,2}(?:,|\/|or|, or|,or)\s{0,2}$/i.test(gap)) break;
      if (/or|\//i.test(gap)) sawOr = true;
      j++;
    }
    if (j > i && sawOr && out.slice(i, j + 1).every((m) => m.value !== null)) {
      const values = out.slice(i, j + 1).map((m) => m.value!);
      for (let k = i; k <= j; k++) out[k] = { ...out[k]!, alternatives: values };
    }
    i = j + 1;
  }
}

/** "1.000.000 (one million) cells/kg": the parenthesis restates the number. */
export function dropRestatements(text: string, out: AmountMention[]): void {
  for (let k = out.length - 1; k > 0; k--) {
    const a = out[k - 1]!;
    const b = out[k]!;
    if (a.value !== null && a.value === b.value && b.start >= a.start && b.start <= a.end) out.splice(k, 1);
  }
}

/** A number at a power of ten, exactly and briefly: 2500000 at 6 → "2.5". */
const at = (n: number, exp: number) => String(Number((n / 10 ** exp).toPrecision(6)));

/**
 * A range's two ends over one power of ten (the source's, else the low end's), in plain words a person can
 * check against the source: { low: 2500000, high: 5000000 }, per kg → "2.5–5 × 10^6 cells/kg".
 */
export function rangeWords(range: { low: number; high: number; exp?: number }, perKg: boolean): string {
  const exp = range.exp ?? Math.floor(Math.log10(range.low));
  return `${at(range.low, exp)}–${at(range.high, exp)} × 10^${exp} ${perKg ? "cells/kg" : "cells"}`;
}
