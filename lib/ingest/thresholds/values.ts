/**
 * Numbers and units as criteria write them. A number is digits with "." "," "•" or "·"
 * inside ("30,000", "30.000" platelets, "1•5"), or a Roman numeral for grades; a unit is
 * mapped to its UCUM spelling ("μmol/l" → "umol/L", "x 109/L" → "10*9/L").
 */

/** A number as it may stand in a criterion (digits only; the reader parses it). */
export const NUM = String.raw`\d+(?:[.,•·]\d+)*`;

/**
 * "30,000" → 30000, "1•5" → 1.5, "2,5" → 2.5, "30.000" → 30 unless `thousandsDots`
 * (platelet counts write "30.000/mm3"). null when the spelling is ambiguous ("1.000.5").
 */
export function parseNumber(raw: string, thousandsDots = false): number | null {
  if (/^\d{1,3}(?:,\d{3})+$/.test(raw)) return Number(raw.replace(/,/g, ""));
  if (thousandsDots && /^\d{1,3}(?:\.\d{3})+$/.test(raw)) return Number(raw.replace(/\./g, ""));
  if (/^\d+[.•·,]\d+$/.test(raw)) return Number(raw.replace(/[•·,]/, "."));
  if (/^\d+$/.test(raw)) return Number(raw);
  return null;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };
/** "II" → 2, "3" → 3: grades are written either way. */
export function parseGrade(raw: string): number | null {
  return ROMAN[raw.toUpperCase()] ?? parseNumber(raw);
}

/** Source spellings of units → UCUM. Order matters: longer spellings first. */
const UNITS: [RegExp, string | null][] = [
  [/^\s*(?:[x×*]\s*)?10\s*(?:\^|E|\*)?\s*9\s*\/\s*L\b/i, "10*9/L"],
  [/^\s*G\/L\b/, "10*9/L"],
  [/^\s*mg\s*\/\s*dl\b/i, "mg/dL"],
  [/^\s*mg\s*%/i, "mg/dL"],
  [/^\s*(?:[µμu]|micro)mo[l1]\s*\/\s*l\b/i, "umol/L"],
  [/^\s*mmol\s*\/\s*l\b/i, "mmol/L"],
  [/^\s*meq\s*\/\s*l\b/i, "meq/L"],
  [/^\s*g(?:m|r)?\s*\/\s*dl\b/i, "g/dL"],
  [/^\s*g(?:m|r)?\s*\/\s*(?:l|litre|liter)\b/i, "g/L"],
  [/^\s*ng\s*\/\s*ml\b/i, "ng/mL"],
  [/^\s*[µμu]g\s*\/\s*l\b/i, "ug/L"],
  [/^\s*i?u\s*\/\s*l\b/i, "U/L"],
  [/^\s*i?u\s*\/\s*ml\b/i, "[IU]/mL"],
  [/^\s*\/?\s*mm\s*(?:3|³)/i, "/mm3"],
  [/^\s*\/\s*(?:[µμu]|mc)l\b/i, "/uL"],
  [/^\s*\/\s*cumm\b/i, "/mm3"],
  [/^\s*%/, "%"],
  [/^\s*(?:s|sec|secs|seconds?)\b/i, "s"],
  [/^\s*(?:years?|yrs?|y)\b/i, "a"],
  [/^\s*months?\b/i, "mo"],
  [/^\s*points?\b/i, null],
];

/** The unit written at the start of `text`: its UCUM spelling and length, or null. */
export function readUnit(text: string): { unit: string | null; length: number } | null {
  for (const [re, unit] of UNITS) {
    const m = re.exec(text);
    if (m) return { unit, length: m[0].length };
  }
  return null;
}
