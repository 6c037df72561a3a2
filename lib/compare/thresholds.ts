/**
 * Key eligibility thresholds as the record words them: the phrase of an inclusion or
 * exclusion criterion that names bilirubin, INR/PTA or MELD together with a number.
 * Pure text work; nothing is parsed into numbers, so nothing is reworded.
 */

export const THRESHOLD_KINDS = ["bilirubin", "inrPta", "meld"] as const;
export type ThresholdKind = (typeof THRESHOLD_KINDS)[number];
export const THRESHOLD_LABELS: Record<ThresholdKind, string> = {
  bilirubin: "Bilirubin",
  inrPta: "INR / PTA",
  meld: "MELD",
};

export interface ThresholdPhrase {
  list: "inclusion" | "exclusion";
  text: string;
}

const KEYWORDS: Record<ThresholdKind, RegExp> = {
  bilirubin: /bilirubin|\bTBil\b/i,
  inrPta: /\bINR\b|international normali[sz]ed ratio|prothrombin|\bPTA\b/i,
  meld: /\bMELD\b|end[- ]stage liver disease score/i,
};

// "≥", "<", "more than" … or a number range: something that makes a phrase a threshold.
const HAS_NUMBER = /\d/;

/** The smallest piece of a criterion that still carries the keyword and its number. */
function narrow(clause: string, re: RegExp): string {
  // A keyword inside parentheses: "jaundice (serum total bilirubin ≥ 10×ULN umol/L)".
  for (const m of clause.matchAll(/\(([^()]*)\)/g)) {
    if (re.test(m[1]!) && HAS_NUMBER.test(m[1]!) && m[1]!.length > 12) return m[1]!.trim();
  }
  // "… meeting the following criteria: Total bilirubin ≥12 mg/dL" keeps what follows the colon.
  const colon = clause.lastIndexOf(":", clause.search(re));
  const tail = colon >= 0 ? clause.slice(colon + 1) : clause;
  return tail.trim().replace(/[.,;]+$/, "");
}

/** Phrases per kind, inclusion first, in the record's order; [] when the record has none. */
export function extractThresholds(eligibility: { inclusion: string[]; exclusion: string[] }): Record<ThresholdKind, ThresholdPhrase[]> {
  const out: Record<ThresholdKind, ThresholdPhrase[]> = { bilirubin: [], inrPta: [], meld: [] };
  const lists = [["inclusion", eligibility.inclusion], ["exclusion", eligibility.exclusion]] as const;
  for (const [list, criteria] of lists) {
    for (const criterion of criteria) {
      // Clauses: semicolons, sentence ends, and numbered sub-items such as "<5>".
      const clauses = criterion.split(/;|\.\s+(?=[A-Z<])|<\d+>/).map((c) => c.trim()).filter(Boolean);
      for (const kind of THRESHOLD_KINDS) {
        const re = KEYWORDS[kind];
        for (const clause of clauses) {
          if (!re.test(clause) || !HAS_NUMBER.test(clause)) continue;
          const text = narrow(clause, re);
          if (HAS_NUMBER.test(text) && !out[kind].some((p) => p.text === text)) out[kind].push({ list, text });
        }
      }
    }
  }
  return out;
}
