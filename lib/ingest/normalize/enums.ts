/**
 * Registry vocabulary → the contract's enums (ClinicalTrials.gov API v2 values).
 * Each normalizer returns null for text it does not recognise, never a guess.
 */

import {
  ALLOCATIONS, ARM_TYPES, INTERVENTION_MODELS, MASKINGS, PHASES, SEXES, STUDY_TYPES,
  type ArmType, type OverallStatus, type Phase,
} from "../../record/vocabulary";


const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

const STATUS: Record<string, OverallStatus> = {
  "not yet recruiting": "NOT_YET_RECRUITING",
  "not yet enrolling": "NOT_YET_RECRUITING", // Veeva's wording
  recruiting: "RECRUITING",
  enrolling: "RECRUITING",
  "enrolling by invitation": "ENROLLING_BY_INVITATION",
  "active not recruiting": "ACTIVE_NOT_RECRUITING",
  "active not enrolling": "ACTIVE_NOT_RECRUITING",
  completed: "COMPLETED",
  suspended: "SUSPENDED",
  terminated: "TERMINATED",
  withdrawn: "WITHDRAWN",
  unknown: "UNKNOWN",
  "unknown status": "UNKNOWN",
  available: "AVAILABLE",
  "no longer available": "NO_LONGER_AVAILABLE",
  "temporarily not available": "TEMPORARILY_NOT_AVAILABLE",
  "approved for marketing": "APPROVED_FOR_MARKETING",
  withheld: "WITHHELD",
};

export function normalizeStatus(text: string): OverallStatus | null {
  return STATUS[key(text)] ?? null;
}

const ROMAN: Record<string, string> = { i: "1", ii: "2", iii: "3", iv: "4" };

/**
 * `"Phase 1/Phase 2"` → [PHASE1, PHASE2]; `"Phase 2"`; `"Phase IIb/III"` → [PHASE2, PHASE3];
 * `"Early Phase 1"`; `"Not Applicable"` → [NA]. Sorted in phase order, no duplicates.
 */
export function normalizePhases(text: string): Phase[] {
  const found = new Set<Phase>();
  const t = text.toLowerCase();
  if (/\bnot applicable\b|\bn\/a\b/.test(t)) found.add("NA");
  if (/\bearly phase\s*(1|i)\b/.test(t)) found.add("EARLY_PHASE1");
  const rest = t.replace(/\bearly phase\s*(1|i)\b/g, "");
  for (const m of rest.matchAll(/\bphase\s*((?:[1-4]|iv|i{1,3})[ab]?(?:\s*[/,&-]\s*(?:phase\s*)?(?:[1-4]|iv|i{1,3})[ab]?)*)/g)) {
    for (const part of m[1]!.split(/\s*[/,&-]\s*/)) {
      const n = part.replace(/^phase\s*/, "").replace(/[ab]$/, "");
      const digit = ROMAN[n] ?? n;
      if (/^[1-4]$/.test(digit)) found.add(`PHASE${digit}` as Phase);
    }
  }
  return PHASES.filter((p) => found.has(p));
}

/** The first value whose words the text begins with ("Parallel Assignment" → PARALLEL). */
function byLeadingWords<T extends string>(prefixes: [string, T][]): (text: string) => T | null {
  return (text) => {
    const k = key(text);
    return prefixes.find(([words]) => k.startsWith(words))?.[1] ?? null;
  };
}

export const normalizeStudyType = byLeadingWords<(typeof STUDY_TYPES)[number]>([
  ["interventional", "INTERVENTIONAL"], ["observational", "OBSERVATIONAL"], ["expanded access", "EXPANDED_ACCESS"],
]);

export function normalizeAllocation(text: string): (typeof ALLOCATIONS)[number] | null {
  const k = key(text);
  if (/^non ?randomi[sz]ed/.test(k)) return "NON_RANDOMIZED";
  if (/^randomi[sz]ed/.test(k)) return "RANDOMIZED";
  if (k === "n a" || k === "na" || k === "not applicable") return "NA";
  return null;
}

export const normalizeInterventionModel = byLeadingWords<(typeof INTERVENTION_MODELS)[number]>([
  ["single group", "SINGLE_GROUP"], ["parallel", "PARALLEL"], ["crossover", "CROSSOVER"], ["factorial", "FACTORIAL"],
  ["sequential", "SEQUENTIAL"],
]);

/** `"None (Open Label)"` → NONE; `"Quadruple Blind"`, `"Quadruple (Participant, …)"` → QUADRUPLE. */
export function normalizeMasking(text: string): (typeof MASKINGS)[number] | null {
  const k = key(text);
  if (k.startsWith("none") || k.startsWith("open label")) return "NONE";
  for (const m of ["single", "double", "triple", "quadruple"] as const) {
    if (k.startsWith(m)) return m.toUpperCase() as (typeof MASKINGS)[number];
  }
  return null;
}

export function normalizeSex(text: string): (typeof SEXES)[number] | null {
  const k = key(text);
  if (k === "all" || k === "both" || k === "male and female" || k === "all genders") return "ALL";
  if (k === "female" || k === "females" || k === "women") return "FEMALE";
  if (k === "male" || k === "males" || k === "men") return "MALE";
  return null;
}

/** `"Experimental"`, `"Experimental group"`, `"Placebo Comparator group"` → the arm type. */
export function normalizeArmType(text: string): ArmType | null {
  const k = key(text).replace(/ (group|arm)$/, "");
  const table: Record<string, ArmType> = {
    experimental: "EXPERIMENTAL",
    "active comparator": "ACTIVE_COMPARATOR",
    "placebo comparator": "PLACEBO_COMPARATOR",
    "sham comparator": "SHAM_COMPARATOR",
    "no intervention": "NO_INTERVENTION",
    other: "OTHER",
  };
  return table[k] ?? null;
}

/** `"No Healthy Volunteers"`, `"No"` → false; `"Accepts Healthy Volunteers"`, `"Yes"` → true. */
export function normalizeHealthyVolunteers(text: string): boolean | null {
  const k = key(text);
  if (/^no\b/.test(k)) return false;
  if (/^(yes|accepts)\b/.test(k)) return true;
  return null;
}
