import { LABELS } from "./record/vocabulary";

/** Display formatting shared by every page. Unknown values read "not reported", never 0. */

export const NOT_REPORTED = "not reported";

const SUP: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻" };

/**
 * A cell count in the notation of the field: 1200000 → "1.2×10⁶", 400000 → "4×10⁵",
 * 2142857.14 → "2.14×10⁶" (three significant digits at most), null → "not reported".
 */
export function formatCells(n: number | null | undefined, digits = 3): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NOT_REPORTED;
  if (n === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(n)));
  let mantissa = Number((n / 10 ** exp).toPrecision(digits));
  let e = exp;
  if (mantissa >= 10) [mantissa, e] = [mantissa / 10, e + 1];
  const sup = String(e).split("").map((c) => SUP[c]).join("");
  return `${mantissa}×10${sup}`;
}

/**
 * Two cell counts over one power of ten (the lower's), as a range of the field's notation:
 * (2500000, 5000000) → "2.5–5×10⁶", (100000, 1000000) → "1–10×10⁵". Both ends exactly (three
 * significant digits at most), never one of them alone.
 */
export function formatCellRange(min: number, max: number): string {
  const e = Math.floor(Math.log10(min));
  const at = (n: number) => String(Number((n / 10 ** e).toPrecision(3)));
  const sup = String(e).split("").map((c) => SUP[c]).join("");
  return `${at(min)}–${at(max)}×10${sup}`;
}

/** A dose stated as a range, as shown beside an arm: "2.5–5×10⁶/kg (range)", "5–10×10⁷ cells (range)". */
export function formatDoseRange(r: { min: number; max: number; unit: "cells/kg" | "cells" }): string {
  return `${formatCellRange(r.min, r.max)}${r.unit === "cells/kg" ? "/kg" : " cells"} (range)`;
}

/** Why a dose gives no single number, in the record's words: its `unstated` reasons, in field order. */
export function unstatedReasons(d: { unstated?: { amount?: string; infusions?: string; dayOffsets?: string } | null }): string[] {
  const u = d.unstated;
  return u ? [u.amount, u.infusions, u.dayOffsets].filter((x): x is string => !!x) : [];
}

export function formatDays(days: number[] | null | undefined): string {
  if (!days) return NOT_REPORTED;
  return `day ${days.join(", ")}`;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? NOT_REPORTED : String(n);
}


/** An enum value as a person reads it; null → "not reported". */
export function label(value: string | null | undefined): string {
  if (value === null || value === undefined) return NOT_REPORTED;
  return LABELS[value] ?? value;
}

export function formatPhases(phases: string[]): string {
  return phases.length ? phases.map(label).join(" / ") : NOT_REPORTED;
}

export function formatAgeRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return NOT_REPORTED;
  if (max === null) return `${min} years and older`;
  if (min === null) return `up to ${max} years`;
  return `${min}–${max} years`;
}

/** The range of per-kg doses over a trial's arms, for a one-line summary. */
export function formatDoseSummary(perKgDoses: (number | null)[]): string {
  const doses = perKgDoses.filter((d): d is number => d !== null);
  if (!doses.length) return "dose not reported";
  const [min, max] = [Math.min(...doses), Math.max(...doses)];
  return `${min === max ? formatCells(min) : `${formatCells(min)}–${formatCells(max)}`} cells/kg per infusion`;
}

/** An upper-case registry word as plain words: "PRINCIPAL_INVESTIGATOR" → "principal investigator". */
export function formatEnumWords(value: string): string {
  return value.toLowerCase().replace(/_/g, " ");
}

/** The first letter in capitals: "high dose" → "High dose". */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The same in sentence case: "TREATMENT" → "Treatment", "SUPPORTIVE_CARE" → "Supportive care". */
export function formatSentenceCase(value: string): string {
  return capitalize(formatEnumWords(value));
}

/** "96 participants (estimated)", or null when not reported. */
export function formatEnrollment(e: { count: number; type: string | null } | null): string | null {
  return e ? `${e.count} participants${e.type ? ` (${e.type.toLowerCase()})` : ""}` : null;
}

/** How the list's sorts read in its menu. */
export const SORT_LABELS: Record<"relevance" | "start" | "enrollment" | "dose" | "distance", string> = {
  relevance: "Relevance",
  start: "Start date (newest)",
  enrollment: "Enrollment (largest)",
  dose: "Highest dose per kg",
  distance: "Nearest recruiting site",
};

/** The anchor of an arm on its trial page, counted from 1: `arm-2`. */
export const armAnchor = (index: number) => `arm-${index + 1}`;

/** The address of an arm on its trial page: `/trials/NCT04822922#arm-2`. */
export const armHref = (trialId: string, index: number) => `/trials/${encodeURIComponent(trialId)}#${armAnchor(index)}`;
/**
 * The import warnings about one arm, to show beside its dose: the prose reader's start with
 * `arm "<label>":` (a conflict between the arm's text and its intervention's, a dose stated
 * only as a range), the plausibility check's with `arms[<index>].`.
 */
export function armWarnings(warnings: string[], armLabel: string, index: number): string[] {
  return warnings.filter((w) => w.startsWith(`arm "${armLabel}":`) || w.startsWith(`arms[${index}].`));
}
