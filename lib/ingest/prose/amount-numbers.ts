/**
 * The numbers of cell amounts: the rules that read a mantissa and a power of ten at a token start
 * (`2.0×10^6`, `1 x 1000000`, `2e6`, `2×105`, `10 million`, `1.000.000`, a plain `5000000`), the
 * quick test that no rule can start at a short number, the factor before a number written out
 * ("2×1,000,000"), and the powers of ten that cannot be read ("4*10^", "10^999") as flawed mentions.
 * Every pattern is sticky with bounded quantifiers.
 */
import { WORD_NUMBERS } from "./types";
import type { AmountMention } from "./amounts";

/** Above this a power of ten is no cell count at all, not an implausible one. */
export const MAX_READABLE = 1e15;
const SUP: Record<string, string> = { "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9" };

// "2", "2.5", "2,5", and ".5" (a decimal with its leading zero left off)
const MANT = String.raw`(\d{1,4}(?:[.,]\d{1,3})?|\.\d{1,3})`;
const TIMES = String.raw`\s{0,2}[×xX*·✕]\s{0,2}`;
interface Rule { re: RegExp; read: (m: RegExpExecArray) => { mant: string; exp: number; explicit?: boolean } | null }
export const RULES: Rule[] = [
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
export function cannotStartAmount(text: string, i: number): boolean {
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

export function decimal(mant: string, exp: number): number {
  const v = Number(`${mant.replace(",", ".")}e${exp}`);
  return Math.round(v);
}

export const FACTOR_BEFORE = /(\d{1,3}(?:[.,]\d{1,2})?)\s{0,2}[×xX*·]\s{0,2}$/;

// A power of ten that no rule read: its exponent is missing, negative or too long ("4*10^", "10^999").
const BROKEN_POWER = new RegExp(String.raw`(?:${MANT}${TIMES})?10(?:\s{0,2}(?:\\?\^|\*\*)\s{0,2}([-+]?\d{0,6})|([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]{1,6}))`, "y");

export function brokenPower(text: string, i: number): { end: number; problem: string } | null {
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

export function flawed(text: string, start: number, end: number, problem: string): AmountMention {
  return {
    kind: "amount", start, end, text: text.slice(start, end).trim(), value: null, perKg: false, cellsPerKg: null, cellsPerInfusion: null,
    approximate: false, range: null, alternatives: null, concentration: false, problem,
  };
}
