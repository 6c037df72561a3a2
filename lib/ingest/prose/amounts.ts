import { LIMITS } from "../normalize/plausible";
import { WORD_NUMBERS, wordsBefore } from "./types";

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
/** Above this a power of ten is no cell count at all, not an implausible one. */
const MAX_READABLE = 1e15;
const SUP: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

// "2", "2.5", "2,5", and ".5" (a decimal with its leading zero left off)
const MANT = String.raw`(\d{1,4}(?:[.,]\d{1,3})?|\.\d{1,3})`;
const TIMES = String.raw`\s{0,2}[×xX*·✕]\s{0,2}`;
interface Rule { re: RegExp; read: (m: RegExpExecArray) => { mant: string; exp: number; explicit?: boolean } | null }
const RULES: Rule[] = [
  // 2×1,000,000: a multiplier times a number written with thousands separators
  {
    re: new RegExp(String.raw`${MANT}${TIMES}(\d{1,3}(?:,\d{3}){1,4})(?![\d])`, "y"),
    read: (m) => {
      const n = Number(m[2]!.replace(/,/g, ""));
      const exp = Math.log10(n);
      return Number.isInteger(exp) ? { mant: m[1]!, exp } : { mant: String(Number(m[1]!.replace(",", ".")) * n), exp: 0 };
    },
  },
  // 1 x 1000000, 1×100000000: a power of ten written out
  { re: new RegExp(String.raw`${MANT}${TIMES}(10{2,11})(?![\d])`, "y"), read: (m) => ({ mant: m[1]!, exp: m[2]!.length - 1 }) },
  // 2.0×10^6, 2.0×10\^6, 6 * 10 ^ 7, 1x10E6, 1×10e5, 2×10⁶, and the flattened 2×105, 5X107
  {
    // and 1 × 10(7), whose superscript became a parenthesis, and 5×10*7
    re: new RegExp(String.raw`${MANT}${TIMES}10(?:\s{0,2}(?:\\?\^|\*\*|\*)\s{0,2}\+?(\d{1,2})|\s{0,1}[eE]\s{0,1}\+?(\d{1,2})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])|\s{0,1}\((\d{1,2})\)|(\d{1,2}))(?![\d])`, "y"),
    read: (m) => ({ mant: m[1]!, exp: Number(m[2] ?? m[3] ?? (m[4] ? [...m[4]].map((c) => SUP[c]).join("") : m[5] ?? m[6])), explicit: m[6] === undefined }),
  },
  // "2,5-5,0 10E6 cells/kg", "2.5 10^6 cells": a mantissa with decimals, a space, then the power of ten (no sign between)
  {
    re: /(\d{1,3}[.,]\d{1,2})\s{1,2}10(?:\s{0,1}(?:\\?\^|\*\*)\s{0,1}\+?(\d{1,2})|[eE]\+?(\d{1,2})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])/y,
    read: (m) => ({ mant: m[1]!, exp: Number(m[2] ?? m[3] ?? [...m[4]!].map((c) => SUP[c]).join("")), explicit: true }),
  },
  // 10^6, 10⁶ alone
  {
    re: /10(?:\s{0,1}(?:\\?\^|\*\*)\s{0,1}\+?(\d{1,2})|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![⁰¹²³⁴⁵⁶⁷⁸⁹]))(?![\d])/y,
    read: (m) => ({ mant: "1", exp: Number(m[1] ?? [...m[2]!].map((c) => SUP[c]).join("")), explicit: true }),
  },
  // 2e6, 1.5E8; "10E6" alone is how registries write 10^6
  {
    re: /(\d{1,3}(?:\.\d{1,3})?)[eE]\+?(\d{1,2})(?![\d])/y,
    read: (m) => (m[1] === "10" ? { mant: "1", exp: Number(m[2]) } : { mant: m[1]!, exp: Number(m[2]) }),
  },
  // 2.5 million, 100 million, one million
  {
    re: new RegExp(String.raw`(\d{1,4}(?:[.,]\d{1,3})?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|a hundred)\s{1,2}(millions?|billions?)\b`, "iy"),
    read: (m) => {
      const w = m[1]!.toLowerCase().replace(/^a /, "");
      const mant = /\d/.test(w) ? w : String(WORD_NUMBERS[w] ?? "");
      return mant ? { mant, exp: /^million/i.test(m[2]!) ? 6 : 9 } : null;
    },
  },
  // 1.000.000, 1,000,000, 300,000 cells
  {
    re: /(\d{1,3}(?:\.\d{3}){2,4}|\d{1,3}(?:,\d{3}){1,4})(?![\d])/y,
    read: (m) => ({ mant: m[1]!.replace(/[.,]/g, ""), exp: 0 }),
  },
  // 5000000 cells (a plain number: kept only when a cell word or /kg follows)
  { re: /(\d{4,12})(?![\d.,]\d)/y, read: (m) => ({ mant: m[1]!, exp: 0 }) },
];

/**
 * A short number (1-3 digits) followed, after at most two spaces, by nothing a rule reads
 * (a multiplier sign, an exponent, a separator, "million"/"billion"): no rule can
 * match there, so the seven rules are not tried ("1 1 1 …" stays cheap).
 */
function cannotStartAmount(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && j - i < 4 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
  if (j - i > 3) return false;
  let k = j;
  while (k < text.length && k - j < 2 && (text[k] === " " || text[k] === "\t")) k++;
  const c = text[k];
  if (c === undefined) return true;
  if ("×xX*·✕^eE⁰¹²³⁴⁵⁶⁷⁸⁹.,".includes(c)) return false;
  return !/^(?:million|billion)/i.test(text.slice(k, k + 7));
}

function decimal(mant: string, exp: number): number {
  const v = Number(`${mant.replace(",", ".")}e${exp}`);
  return Math.round(v);
}

const CELL_WORD = /^(?:cells?|mscs?|[a-z-]{0,8}mscs?|bmscs?|mensc?s?|ucmscs?|mesenchymal|stem|stromal|allogeneic|allogenic|autologous|human|umbilical|cord|derived|[a-z]{1,12}-derived|adipose|tissue|placental?|bone|marrow|positive|abcb5-positive|abcb5|of|viable|live|total|uc|bm|huc|ad)$/i;

// A count per one of these is not a count per administration ("15 million cells/vial", "1×10^6 cells per minute").
const PER_OTHER = /^(?:vials?|bags?|ampoules?|ampules?|syringes?|minutes?|min|hours?|hr|h|cm2|cm²|lesions?|eyes?|sites?|knees?|joints?|points?|ulcers?|wounds?|fistulas?|teeth|tooth)$/i;

/** What follows a number: per kg, per mL (with or without a volume), per something else, or nothing. */
function unitAfter(text: string, end: number): { perKg: boolean; concentration: boolean; cellWord: boolean; end: number; per?: string } {
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
const KG_NEARBY = /^[^.;:()]{0,60}?(?:\/|\bper\b|\beach\b|\ba\b)\s{0,2}\/?\s{0,2}(?:kg|kilogram)\b/i;
const TOTAL_OF_BEFORE = /\b(?:a\s{1,2})?total(?:\s{1,2}(?:dose|amount|number))?\s{1,2}of\s{1,2}(?:(?:between|from|approximately|about)\s{1,2})?(?:\d{1,4}(?:[.,]\d{1,3})?\s{0,2}(?:-|–|to|and)\s{0,2})?$/i;
const FACTOR_BEFORE = /(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}[×xX*·]\s{0,2}$/;
const APPROX = /(?:approximately|approx\.?|about|around|nearly|roughly|≈)\s{0,2}$|(?:^|[^\d\s])\s{0,1}~\s{0,1}$/i;
// "0.5-1×10^6", "(1.5)-3.0 x10^6", "2,5-5,0 10E6": the low end, bare or in parentheses, with a decimal point or comma
const RANGE_BEFORE = /\(?(\d{1,4}(?:\.\d{1,3}|,\d{1,2})?)\)?\s{0,2}(?:-|–|—|~|to)\s{0,2}$/i;
// "between 50 and 100 million cells"
const BETWEEN_BEFORE = /\bbetween\s{1,2}(\d{1,4}(?:\.\d{1,3}|,\d{1,2})?)\s{1,2}and\s{1,2}$/i;
// "more than", "at least", "a minimum of": a floor, not the dose given
const FLOOR_BEFORE = /(?:\bnot\s{1,2}(?:less|fewer)\s{1,2}than|\bno\s{1,2}(?:less|fewer)\s{1,2}than|\bmore\s{1,2}than|\bat\s{1,2}least|\ba\s{1,2}minimum\s{1,2}(?:dose\s{1,2})?of|\bminimum(?:\s{1,2}dose)?\s{0,2}(?:of|:)|\bgreater\s{1,2}than|\bover|\bexceeding|≥|>)\s{0,2}$/i;
// "a maximum dose of", "up to", "not exceeding": a ceiling, not the dose given
const CEILING_BEFORE = /(?:\bup\s{1,2}to|\bmaximum(?:\s{1,2}(?:total\s{1,2})?(?:dose|amount|number))?(?:\s{1,2}of)?|\bmax\.?|\bat\s{1,2}most|\bno[t]?\s{1,2}more\s{1,2}than|\bnot\s{1,2}(?:to\s{1,2})?exceed(?:ing)?|(?<!\bno[t]?\s{1,2})\b(?:less|fewer)\s{1,2}than|≤|<)\s{0,2}(?:a\s{1,2})?$/i;
const LIST_BEFORE = /(\d{1,4}(?:\.\d{1,3})?)\s{0,2}(?:,|or|and|, or|, and)\s{0,2}$/i;

// A power of ten that no rule read: its exponent is missing, negative or too long ("4*10^", "10^999").
const BROKEN_POWER = new RegExp(String.raw`(?:${MANT}${TIMES})?10(?:\s{0,2}(?:\\?\^|\*\*)\s{0,2}([-+]?\d{0,6})|([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6}))`, "y");

function brokenPower(text: string, i: number): { end: number; problem: string } | null {
  BROKEN_POWER.lastIndex = i;
  const m = BROKEN_POWER.exec(text);
  if (!m) return null;
  const exp = m[2] ?? [...m[3]!].map((c) => (c === "⁻" ? "-" : SUP[c])).join("");
  const value = Number(`${(m[1] ?? "1").replace(",", ".")}e${exp}`);
  const problem = !/\d/.test(exp) ? "the power of ten has no exponent"
    : !Number.isFinite(value) ? "it is out of range"
    : value > MAX_READABLE ? "it is larger than any plausible cell count"
    : "a cell count must be a whole number";
  return { end: BROKEN_POWER.lastIndex, problem };
}

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

/** "39.8 million hMSCs and 0.2 million C-Kit hCSCs/ml": a per-mL unit at the end of a pair is both numbers'. */
function sharedConcentration(text: string, out: AmountMention[]): void {
  for (let k = out.length - 1; k > 0; k--) {
    const a = out[k - 1]!;
    if (out[k]!.concentration && !a.concentration && !a.perKg && !a.per && /^\s{0,2}(?:and|or|,|plus)\s{1,2}$/i.test(text.slice(a.end, out[k]!.start))) {
      out[k - 1] = { ...a, concentration: true };
    }
  }
}

// "a total of", "Total dose of", "total dose:", "cumulative minimum dose:" before; "in total", "totally" after.
const TOTAL_BEFORE = /(?:\btotal(?:\s{1,2}(?:cell\s{1,2})?(?:dose|amount)s?)?(?:\s{1,2}of)?|\bcumulative(?:\s{1,2}[a-z]{1,12}){0,2}(?:\s{1,2}of)?)\s{0,2}[:=]?\s{0,2}(?:approximately\s{1,2}|about\s{1,2}|~\s{0,1})?$/i;
const TOTAL_AFTER = /^\s{0,3}(?:in\s{1,2}total\b|totally\b|\(total\)|in\s{1,2}all\b)/i;

/**
 * "with a total of 600 million AdMSCs", "Total dose of 300 x 10^6 … given in 3 injections",
 * "cumulative minimum dose: 2.8 x 10^6/kg": the sum over the administrations, never one dose.
 * An amount joined by "and" to a total ("a total of 199 million hMSCs and 1 million CSCs") is one too.
 */
function markTotals(text: string, out: AmountMention[]): void {
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    const before = text.slice(Math.max(0, a.start - 40), a.start);
    const prev = out[k - 1];
    const joined = prev?.total && /^\s{0,2}(?:and|,|plus)\s{1,2}$/i.test(text.slice(prev.end, a.start));
    if (TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(text.slice(a.end, a.end + 16)) || joined) out[k] = { ...a, total: true };
  }
}

const PER_SEVERAL_KG = /\b(?:per|every|each|for\s{1,2}every|for\s{1,2}each)\s{1,2}(\d{1,3})\s{0,2}kg\b/i;

/**
 * "1 × 10^6 cells were a unit. One unit was injected every 10 kg of body weight": a text that
 * gives its cells per several kilograms makes its flat counts counts per that weight.
 */
function perSeveralKg(text: string, out: AmountMention[]): void {
  const m = PER_SEVERAL_KG.exec(text);
  if (!m || Number(m[1]) < 2) return;
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    if (!a.perKg && !a.per && !a.concentration && a.value !== null) out[k] = { ...a, per: `${m[1]} kg` };
  }
}

function flawed(text: string, start: number, end: number, problem: string): AmountMention {
  return {
    kind: "amount", start, end, text: text.slice(start, end).trim(), value: null, perKg: false, cellsPerKg: null, cellsPerInfusion: null,
    approximate: false, range: null, alternatives: null, concentration: false, problem,
  };
}

function asRange(m: AmountMention, low: number, high: number, exp?: number): AmountMention {
  const range = { low: Math.min(low, high), high: Math.max(low, high), ...(exp !== undefined && exp >= 3 ? { exp } : {}) };
  return { ...m, value: null, cellsPerKg: null, cellsPerInfusion: null, range };
}

/** "1×10e5/Kg, 1×10e6/Kg, or 1×10e7/Kg": amounts joined by commas with an "or". */
function markAlternatives(text: string, out: AmountMention[]): void {
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
function dropRestatements(text: string, out: AmountMention[]): void {
  for (let k = out.length - 1; k > 0; k--) {
    const a = out[k - 1]!;
    const b = out[k]!;
    if (a.value !== null && a.value === b.value && b.start >= a.start && b.start <= a.end) out.splice(k, 1);
  }
}

/** The amounts that can be a dose: a single value, not a range, list or concentration. */
export function isDoseAmount(m: AmountMention): boolean {
  return m.value !== null && !m.concentration && m.alternatives === null && m.range === null && !m.total && !m.ceiling && !m.floor && !m.per;
}

/** Why a stated amount is not one dose per administration, in words, or null when it is one. */
export function notADose(m: AmountMention): string | null {
  if (m.per) return `a count per ${m.per}`;
  if (m.total) return "a total over the administrations";
  if (m.ceiling) return "a maximum";
  if (m.floor) return "a minimum";
  if (m.range) return "a range";
  if (m.alternatives) return "dose levels";
  if (m.concentration) return "a concentration";
  return null;
}

export { wordsBefore };

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
