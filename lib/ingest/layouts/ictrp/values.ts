/**
 * ICTRP field values read one at a time: the registry of a TrialID and the record's id made of it,
 * dates in the registries' spellings (day first), ages ("18 Years", ">= 20age old", "65+"), sex
 * ("Female: yes Male: yes") and phases ("1-2", EUCTR's "(Phase I): yes" lines).
 */
import { normalizePhases, normalizeSex } from "../../normalize/enums";
import { normalizeDate } from "../../normalize/dates";
import type { Phase } from "../../../record/vocabulary";

/** The registry of a TrialID, by its prefix; null for a prefix not known here (the record still imports). */
const REGISTRIES: [RegExp, string][] = [
  [/^NCT\d{8}$/, "NCT"], [/^EUCTR/, "EUCTR"], [/^CTIS/, "CTIS"], [/^ChiCTR/i, "ChiCTR"], [/^DRKS/, "DRKS"],
  [/^JPRN-jRCTs?/, "JPRN-jRCT"], [/^JPRN-UMIN/, "JPRN-UMIN"], [/^JPRN-/, "JPRN"], [/^NL-OMON/, "NL-OMON"], [/^NTR/, "NTR"],
  [/^KCT/, "KCT"], [/^CTRI/, "CTRI"], [/^ISRCTN/, "ISRCTN"], [/^ACTRN/, "ACTRN"], [/^IRCT/, "IRCT"], [/^PACTR/, "PACTR"],
  [/^RBR-/, "ReBEC"], [/^TCTR/, "TCTR"], [/^SLCTR/, "SLCTR"], [/^LBCTR/, "LBCTR"], [/^ITMCTR/, "ITMCTR"], [/^PER-/, "REPEC"],
];

export function registryOf(trialId: string): string | null {
  return REGISTRIES.find(([re]) => re.test(trialId))?.[1] ?? null;
}

/** The record's id: its TrialID, with characters a URL path segment would need escaped (CTRI's "/") as "-". */
export function recordIdOf(trialId: string): string {
  return trialId.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
}

/** `YYYYMMDD`, ISO, `YYYY/MM/DD`, day-first `DD/MM/YYYY` and `DD-MM-YYYY` (every registry in ICTRP writes day first), and month names. */
export function readIctrpDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m) return normalizeDate(`${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) return normalizeDate(`${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`);
  return normalizeDate(t);
}

/**
 * `Inclusion_agemin`/`agemax` in their spellings: "18 Years", "18", ">= 20age old",
 * "16years-old", "60(Year)", "6 Months", "65+" (a maximum of "65+" is no upper limit);
 * null for "Not applicable", "N/A", "None", "no limit", "".
 */
export function readIctrpAge(text: string, bound: "min" | "max"): number | null {
  const t = text.trim().toLowerCase();
  if (bound === "max" && /\+\s*$/.test(t)) return null;
  const m = /^(?:[<>]=?|≤|≥)?\s*(\d{1,3}(?:\.\d+)?)\s*\(?\s*(years?|months?|weeks?|days?|age|y)?\b/.exec(t);
  if (!m) return null;
  const unit = (m[2] ?? "year").replace(/s$/, "");
  const per: Record<string, number> = { year: 1, age: 1, y: 1, month: 1 / 12, week: 7 / 365.25, day: 1 / 365.25 };
  return Math.round(Number(m[1]) * (per[unit] ?? 1) * 100) / 100;
}

/** "All", "Both", "Male and Female", "Female: yes Male: yes" (EUCTR, CTIS). */
export function readIctrpSex(text: string): ReturnType<typeof normalizeSex> {
  const t = text.replace(/\s+/g, " ").trim();
  const f = /female\s*:\s*(yes|no)/i.exec(t)?.[1]?.toLowerCase();
  const m = /(?<!fe)male\s*:\s*(yes|no)/i.exec(t)?.[1]?.toLowerCase();
  if (f || m) return f === "yes" && m === "yes" ? "ALL" : f === "yes" ? "FEMALE" : m === "yes" ? "MALE" : null;
  return normalizeSex(t);
}

/** "Phase 2/Phase 3", "3", "1-2", "Phase1/Phase2", "N/A", and EUCTR/CTIS's four "(Phase I): yes" lines. */
export function readIctrpPhases(text: string): Phase[] {
  const t = text.replace(/\s+/g, " ").trim();
  if (/\(Phase I\)\s*:/i.test(t)) {
    const yes = [...t.matchAll(/\(Phase (I{1,3}|IV)\)\s*:\s*yes/gi)].map((m) => `Phase ${m[1]}`);
    return yes.length ? normalizePhases(yes.join("/")) : [];
  }
  const bare = /^([1-4])(?:\s*[-/]\s*([1-4]))?$/.exec(t);
  if (bare) return normalizePhases(`Phase ${bare[1]}${bare[2] ? `/Phase ${bare[2]}` : ""}`);
  return normalizePhases(t);
}
