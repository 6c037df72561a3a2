import type { Analyte } from "../../record/analytes";

/**
 * How criteria name each analyte, the units a limit on it may be written in, and the
 * values a limit in that unit can plausibly take (a number outside is not a patient
 * limit on this analyte: a dose, a date, a list number).
 */
interface AnalyteWords {
  names: RegExp;
  /** Units a limit may carry; null in the list: may be written without a unit. */
  units: (string | null)[];
  plausible: Partial<Record<string, [number, number]>>;
}

export const ANALYTE_WORDS: Partial<Record<Analyte, AnalyteWords>> = {
  TBIL: {
    names: /(?:serum\s+)?(?:total\s+)?bilirubin(?:\s*\((?:TBIL|TB|T-Bil)\))?|\bT-?BIL\b|\bTB(?=\s*(?:≥|>|≤|<))/gi,
    units: ["mg/dL", "umol/L", null],
    plausible: { "mg/dL": [0.1, 60], "umol/L": [1, 1000], "": [0.1, 1000] },
  },
  INR: {
    names: /international\s+normali[sz]ed\s+ratio(?:\s*\(INR\))?|\bINR\b/gi,
    units: [null],
    plausible: { "": [0.5, 10] },
  },
  PTA: {
    names: /prothrombin\s+(?:time\s+)?activity(?:\s*\(PTA\))?|\bPTA\b/gi,
    units: ["%"],
    plausible: { "%": [1, 150] },
  },
  PT: {
    names: /prothrombin\s+time(?:\s*\(PT\))?|\bPT\b(?!\s+prolong)/gi,
    units: ["s", "%"],
    plausible: { s: [5, 120], "%": [1, 150] },
  },
  MELD_NA: { names: /\bMELD[- ]?Na\b/gi, units: [null], plausible: { "": [6, 60] } },
  MELD: {
    names: /model\s+for\s+end[- ]stage\s+liver\s+disease(?:\s*\(MELD\))?|end[- ]stage\s+liver\s+disease|\bMELD\b(?![- ]?Na\b)(?:\s*\(i\))?/gi,
    units: [null],
    plausible: { "": [6, 60] },
  },
  CHILD_PUGH: {
    names: /child[- ](?:turcotte[- ])?pl?o?ugh(?:\s*\(CTP\))?|\bCTP\b/gi,
    units: [null],
    plausible: { "": [5, 15] },
  },
  CREATININE: {
    names: /(?:serum\s+)?creatinine(?!\s+clearance)|\bCr\b/gi,
    units: ["mg/dL", "umol/L", null],
    plausible: { "mg/dL": [0.1, 15], "umol/L": [10, 1500], "": [0.1, 1500] },
  },
  ALBUMIN: {
    names: /(?:serum\s+)?albumin(?!\s+(?:infusion|use|within|therapy|treatment))|\bALB\b/gi,
    units: ["g/L", "g/dL", null],
    plausible: { "g/L": [10, 60], "g/dL": [1, 6] },
  },
  PLATELETS: {
    names: /platelets?(?:\s+counts?)?(?:\s*\(PLT\))?|\bPLT\b/gi,
    units: ["10*9/L", "/mm3", "/uL", null],
    plausible: { "10*9/L": [1, 1000], "/mm3": [1000, 1e6], "/uL": [1000, 1e6], "": [1, 1e6] },
  },
  SODIUM: {
    names: /(?:serum\s+)?sodium(?:\s+levels?)?|\bNa\+/gi,
    units: ["mmol/L", "meq/L", null],
    plausible: { "mmol/L": [100, 170], "meq/L": [100, 170], "": [100, 170] },
  },
  AFP: {
    names: /alpha[- ]?feto[- ]?protein(?:\s*\(AFP\))?|\bAFP\b/gi,
    units: ["ng/mL", "ug/L", "[IU]/mL", null],
    plausible: { "ng/mL": [1, 1e5], "ug/L": [1, 1e5], "[IU]/mL": [1, 1e5], "": [1, 1e5] },
  },
  HEMOGLOBIN: {
    names: /ha?emoglobin(?:\s*\(Hb\))?|\bHb\b|\bHGB\b/gi,
    units: ["g/dL", "g/L"],
    plausible: { "g/dL": [3, 20], "g/L": [30, 200] },
  },
  ALT: { names: /alanine\s+aminotransferase(?:\s*\(ALT\))?|\bALT\b/g, units: ["U/L", null], plausible: { "U/L": [5, 5000], "": [5, 5000] } },
  AST: { names: /aspartate\s+aminotransferase(?:\s*\(AST\))?|\bAST\b/g, units: ["U/L", null], plausible: { "U/L": [5, 5000], "": [5, 5000] } },
  ALP: { names: /alkaline\s+phosphatase(?:\s*\(ALP\))?|\bALP\b/g, units: ["U/L", null], plausible: { "U/L": [5, 5000], "": [5, 5000] } },
  WBC: {
    names: /white\s+blood\s+cell(?:\s+counts?)?(?:\s*\(WBC\))?|\bWBC\b|leukocyte\s+counts?/gi,
    units: ["10*9/L", "/mm3", "/uL"],
    plausible: { "10*9/L": [0.1, 100], "/mm3": [100, 1e5], "/uL": [100, 1e5] },
  },
  AGE: {
    names: /\bage[sd]?\b(?:\s+(?:of|is|was|between|from|range|ranging)\b)*/gi,
    units: ["a", "mo", null],
    plausible: { a: [0, 120], mo: [0, 240], "": [1, 120] },
  },
};

/** ULN multiples are plausible from 0.5 to 50 on any analyte that has a normal range. */
export const ULN_PLAUSIBLE: [number, number] = [0.5, 50];
export const ULN_ANALYTES = new Set<Analyte>(["TBIL", "CREATININE", "ALT", "AST", "ALP", "AFP"]);

/** An analyte named in the text, with where its name stands. */
export interface Mention {
  analyte: Analyte;
  start: number;
  end: number;
}

/** Every analyte name in `text`, in order; a longer name wins over one it contains. */
export function findMentions(text: string): Mention[] {
  const all: Mention[] = [];
  for (const [analyte, words] of Object.entries(ANALYTE_WORDS) as [Analyte, AnalyteWords][]) {
    for (const m of text.matchAll(words.names)) all.push({ analyte, start: m.index, end: m.index + m[0].length });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of all) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

/** Is `value` in `unit` a plausible limit on `analyte`? */
export function plausible(analyte: Analyte, value: number, unit: string | null, relativeToUln: boolean): boolean {
  if (relativeToUln) return ULN_ANALYTES.has(analyte) && value >= ULN_PLAUSIBLE[0] && value <= ULN_PLAUSIBLE[1];
  const words = ANALYTE_WORDS[analyte];
  if (!words || !words.units.includes(unit)) return false;
  const range = words.plausible[unit ?? ""];
  return range !== undefined && value >= range[0] && value <= range[1];
}
