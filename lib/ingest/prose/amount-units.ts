/**
 * What follows a cell amount: its cell words, then per kg, per mL or another volume (a
 * concentration), per something that is not an administration (vial, minute, 10 kg), or nothing;
 * and "kg" a few words on after an amount not read per kg (the unit is unclear).
 */
const CELL_WORD = /^(?:cells?|mscs?|[a-z-]{0,8}mscs?|bmscs?|mensc?s?|ucmscs?|mesenchymal|stem|stromal|allogeneic|allogenic|autologous|human|umbilical|cord|derived|[a-z]{1,12}-derived|adipose|tissue|placental?|bone|marrow|positive|abcb5-positive|abcb5|of|viable|live|total|uc|bm|huc|ad)$/i;

// A count per one of these is not a count per administration ("15 million cells/vial", "1×10^6 cells per minute").
const PER_OTHER = /^(?:vials?|bags?|ampoules?|ampules?|syringes?|minutes?|min|hours?|hr|h|cm2|cm²|lesions?|eyes?|sites?|knees?|joints?|points?|ulcers?|wounds?|fistulas?|teeth|tooth)$/i;

/** What follows a number: per kg, per mL (with or without a volume), per something else, or nothing. */
export function unitAfter(text: string, end: number): { perKg: boolean; concentration: boolean; cellWord: boolean; end: number; per?: string } {
  const slice = text.slice(end, end + 90);
  const tokens = [...slice.matchAll(/[A-Za-z][A-Za-z0-9®™+-]{0,30}|\d{1,6}|[^\sA-Za-z0-9]/g)];
  let k = 0;
  let cellWord = false;
  let last = 0;
  // "1.000.000 (one million) cells/kg": skip a short parenthesis right after the number
  if (tokens[0]?.[0] === "(" && tokens[0].index! <= 1) {
    const close = tokens.findIndex((t, j) => j > 0 && j < 8 && t[0] === ")");
    if (close > 0) k = close + 1;
  }
  // "1E6 ± 30% live cells / Kg", "2.5 x 10^7 (±20%) cells": a tolerance between the number and its unit
  if (tokens[k]?.[0] === "±" && /^\d/.test(tokens[k + 1]?.[0] ?? "") && tokens[k + 2]?.[0] === "%") k += 3;
  else if (tokens[k]?.[0] === "(" && tokens[k + 1]?.[0] === "±" && tokens[k + 3]?.[0] === "%" && tokens[k + 4]?.[0] === ")") k += 5;
  let skipped = 0;
  while (k < tokens.length && skipped < 6 && CELL_WORD.test(tokens[k]![0])) {
    if (!/^(of|total|viable)$/i.test(tokens[k]![0])) cellWord = true;
    if (/cells?$|mscs?$|mensc?s?$/i.test(tokens[k]![0])) last = tokens[k]!.index! + tokens[k]![0].length;
    k++;
    skipped++;
  }
  const t = (j: number) => tokens[k + j]?.[0]?.toLowerCase();
  const gapOk = (j: number) => {
    const prev = tokens[k + j - 1];
    const cur = tokens[k + j];
    return !!prev && !!cur && cur.index! - (prev.index! + prev[0].length) <= 2;
  };
  const endOf = (j: number) => end + tokens[k + j]!.index! + tokens[k + j]![0].length;
  if (t(0) === "/" && (t(1) === "kg" || t(1) === "kilogram") && gapOk(1)) return { perKg: true, concentration: false, cellWord, end: endOf(1) };
  if (t(0) === "per" && (t(1) === "kg" || t(1) === "kilogram")) return { perKg: true, concentration: false, cellWord, end: endOf(1) };
  // "MSCs per/kg body weight"
  if (t(0) === "per" && t(1) === "/" && (t(2) === "kg" || t(2) === "kilogram") && gapOk(2)) return { perKg: true, concentration: false, cellWord, end: endOf(2) };
  // "per body kg", "per kg body weight" (the latter read by the line above)
  if (t(0) === "per" && t(1) === "body" && (t(2) === "kg" || t(2) === "kilogram")) return { perKg: true, concentration: false, cellWord, end: endOf(2) };
  // "per 10 kg", "/10kg": a count per several kilograms is no dose per kg nor per administration
  if ((t(0) === "/" || t(0) === "per" || t(0) === "every") && /^\d{1,3}$/.test(t(1) ?? "") && Number(t(1)) >= 2 && (t(2) === "kg" || t(2) === "kilograms")) {
    return { perKg: false, concentration: false, cellWord, end: endOf(2), per: `${t(1)} kg` };
  }
  if ((t(0) === "/" || t(0) === "per" || t(0) === "each") && PER_OTHER.test(t(1) ?? "") && (t(0) !== "/" || gapOk(1))) {
    return { perKg: false, concentration: false, cellWord, end: endOf(1), per: t(1) };
  }
  if ((t(0) === "/" || t(0) === "per") && (t(1) === "ml" || t(1) === "l" || /^millilit(?:re|er)s?$/.test(t(1) ?? ""))) return { perKg: false, concentration: true, cellWord, end: endOf(1) };
  // "2 million MSCs per 0.25-0.5 cubic centimeter (cc)", "per cc": a count per volume
  const at = tokens[k] ? end + tokens[k]!.index! : end + slice.length;
  const perVolume = /^\s{0,2}(?:\/|per)\s{0,2}(?:\d[\d.,\s–-]{0,12})?\s{0,2}(?:cc|cm3|cubic\s{1,2}centimet(?:er|re)s?|microlit(?:er|re)s?|µl|μl)\b/i.exec(text.slice(at, at + 50));
  if (perVolume) return { perKg: false, concentration: true, cellWord, end: at + perVolume[0].length };
  // "0.2 million C-Kit hCSCs/ml": a few more words of the cells' name, then per mL
  for (let j = 1; j <= 3 && /^[a-z][a-z0-9-]{0,30}$/.test(t(j - 1) ?? ""); j++) {
    if ((t(j) === "/" || t(j) === "per") && (t(j + 1) === "ml" || t(j + 1) === "l")) return { perKg: false, concentration: true, cellWord, end: endOf(j + 1) };
  }
  return { perKg: false, concentration: false, cellWord, end: end + last };
}

/** "kg" a few words on, in the same clause, after an amount not read per kg. */
export const KG_NEARBY = /^[^.;:()]{0,60}?(?:\/|\bper\b|\beach\b|\ba\b)\s{0,2}\/?\s{0,2}(?:kg|kilogram)\b/i;
