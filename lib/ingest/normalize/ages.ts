import { removeParenthesized } from "../text";

export interface AgeRange {
  minAgeYears: number | null;
  maxAgeYears: number | null;
}

const UNIT_YEARS: Record<string, number> = { year: 1, month: 1 / 12, week: 7 / 365.25, day: 1 / 365.25 };

function toYears(n: string, unit: string | undefined): number {
  const u = (unit ?? "year").toLowerCase().replace(/s$/, "");
  const years = Number(n) * (UNIT_YEARS[u] ?? 1);
  return Math.round(years * 100) / 100;
}

const UNIT = String.raw`(years?|months?|weeks?|days?)`;

/**
 * `"18 to 70 years old"`, `"18 Years to 70 Years (Adult, Older Adult)"`, `"18-65 years"`,
 * `"18 Years and older"`, `"up to 75 years"` → years. Nulls for a bound not stated.
 */
export function normalizeAgeRange(text: string): AgeRange | null {
  const t = removeParenthesized(text).replace(/\s+/g, " ").trim();
  // "(?<!\d)": a number is tried from its first digit only (from every digit of a long
  // run, the search took quadratic time).
  // A minus sign before the first number is kept ("-5 to 200" is -5, refused later), not
  // dropped to read 5.
  let m = new RegExp(String.raw`(?<![\d-])(-?\d+(?:\.\d+)?)\s*${UNIT}?\s*(?:to|-|–|~)\s*(\d+(?:\.\d+)?)\s*${UNIT}?`, "i").exec(t);
  if (m) {
    const unit = m[2] ?? m[4];
    return { minAgeYears: toYears(m[1]!, m[2] ?? unit), maxAgeYears: toYears(m[3]!, m[4] ?? unit) };
  }
  m = new RegExp(String.raw`(?<!\d)(\d+(?:\.\d+)?)\s*${UNIT}?\s*(?:and older|and over|or older|\+|or above|and above)`, "i").exec(t);
  if (m) return { minAgeYears: toYears(m[1]!, m[2]), maxAgeYears: null };
  m = new RegExp(String.raw`(?:up to|under|below|<=?|≤)\s*(\d+(?:\.\d+)?)\s*${UNIT}?`, "i").exec(t);
  if (m) return { minAgeYears: null, maxAgeYears: toYears(m[1]!, m[2]) };
  return null;
}
