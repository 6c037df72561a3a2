import type { DoseRange, DoseUnstated } from "../../record/schema";
import { notADose, rangeWords, type AmountMention } from "./amounts";

/** Why an arm's amount is not one number, and what it states instead. */
export interface AmountUnstated {
  /** One range, both ends kept; null for levels, several amounts or an unclear unit. */
  range: DoseRange | null;
  unstated: DoseUnstated;
  /** The source words to show. */
  words: string;
}

/**
 * Why an arm's amount is not one number, from what its text states instead: one range (kept,
 * both ends), a course total, dose levels, or several amounts.
 */
export function amountUnstated(stated: AmountMention[]): AmountUnstated | null {
  const distinct = [...new Map(stated.map((m) => [`${m.perKg}:${m.value}:${m.range?.low}:${m.range?.high}:${m.alternatives?.join()}`, m])).values()];
  if (!distinct.length) return null;
  const words = distinct.map((m) => m.text).join("; ");
  const only = distinct.length === 1 ? distinct[0]! : null;
  if (only?.range && only.total) {
    return { range: null, unstated: { amount: `stated as a total over the course, a range: ${rangeWords(only.range, only.perKg)}` }, words };
  }
  // "up to 1-2 million", "1-2 million cells/vial": a range that is a ceiling, a floor or a count per something else is no dose range
  if (only && (only.per || only.ceiling || only.floor)) {
    return { range: null, unstated: { amount: `stated as ${notADose(only)}: "${only.text}"` }, words };
  }
  if (only?.range && only.kgNearby) {
    return { range: null, unstated: { amount: `stated as a range whose unit is unclear (per kg or for the whole body): "${only.text}"` }, words };
  }
  if (only?.range && only.range.low < only.range.high) {
    const range: DoseRange = { min: only.range.low, max: only.range.high, unit: only.perKg ? "cells/kg" : "cells" };
    return { range, unstated: { amount: `stated as a range: ${rangeWords(only.range, only.perKg)}` }, words };
  }
  // "a total of 600 million cells" (or of two kinds of cells): numbers, but sums over the administrations
  if (distinct.every((m) => m.total && m.value !== null)) {
    return { range: null, unstated: { amount: `stated as ${notADose(distinct[0]!)}: ${distinct.map((m) => `"${m.text}"`).join(", ")}` }, words };
  }
  if (only?.alternatives) return { range: null, unstated: { amount: `stated as alternative dose levels: ${only.text}` }, words };
  const quoted = distinct.map((m) => `"${m.text}"`).join(", ");
  return { range: null, unstated: { amount: `${distinct.length === 2 ? "two" : String(distinct.length)} amounts in this arm's text: ${quoted}` }, words };
}

/** Several amounts in one arm with one (or no) schedule: the arm's dose levels, none its one dose. */
export function doseLevels(amounts: AmountMention[]): AmountUnstated {
  const quoted = amounts.map((m) => `"${m.text}"`).join(", ");
  return { range: null, unstated: { amount: `stated as dose levels with one schedule: ${quoted}` }, words: amounts.map((m) => m.text).join("; ") };
}
