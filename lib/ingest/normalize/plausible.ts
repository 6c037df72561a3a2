import type { ParsedTrial } from "../parsed-record";
import { CELL_RANGE, DEFAULT_REFERENCE_WEIGHT_KG, perKgEstimate } from "../../record/summary";

/**
 * Ranges a stated value must fall in to be stored. A value outside them is a misreading
 * or a typing error in the source ("ages -5 to 200", "1×10^0 cells/kg", "for 1234
 * weeks"): it is left not reported, with a warning that is stored with the record and
 * shown on its page, never kept silently.
 */
export const LIMITS = {
  ageYears: { min: 0, max: 120 },
  infusions: { min: 1, max: 100 },
  cells: CELL_RANGE,
  enrollment: { min: 1, max: 1_000_000 },
} as const;

const within = (x: number, { min, max }: { min: number; max: number }) => x >= min && x <= max;
const show = (n: number) => (Math.abs(n) >= 1e3 ? n.toExponential().replace("e+", "e") : String(n));
const quote = (text: string | null | undefined) => (text ? ` ("${text.length > 80 ? `${text.slice(0, 77)}…` : text}")` : "");

/**
 * Checks the ranged values of a parsed record; returns a copy with implausible values set
 * to null, and one warning per value, naming its field and source words. Pure.
 */
export function checkPlausibility(rec: ParsedTrial): { record: ParsedTrial; warnings: string[] } {
  const r: ParsedTrial = structuredClone(rec);
  const warnings: string[] = [];
  const ev = (path: string) => r.evidence[path]?.text;

  const e = r.eligibility;
  for (const key of ["minAgeYears", "maxAgeYears"] as const) {
    const v = e[key];
    if (v !== null && !within(v, LIMITS.ageYears)) {
      warnings.push(`eligibility.${key}: ${v} years is outside ${LIMITS.ageYears.min}–${LIMITS.ageYears.max}${quote(ev(`eligibility.${key}`))}; not stored`);
      e[key] = null;
    }
  }
  if (e.minAgeYears !== null && e.maxAgeYears !== null && e.minAgeYears > e.maxAgeYears) {
    warnings.push(`eligibility: the minimum age ${e.minAgeYears} is above the maximum ${e.maxAgeYears}${quote(ev("eligibility.minAgeYears"))}; neither is stored`);
    e.minAgeYears = null;
    e.maxAgeYears = null;
  }

  // An actual enrollment of 0 is a withdrawn trial's true count; planned, it is a misreading.
  const withdrawn = r.enrollment?.count === 0 && r.enrollment.type === "ACTUAL";
  if (r.enrollment && !withdrawn && !within(r.enrollment.count, LIMITS.enrollment)) {
    warnings.push(`enrollment: ${r.enrollment.count} participants is outside ${LIMITS.enrollment.min}–${LIMITS.enrollment.max.toLocaleString("en")}${quote(ev("enrollment"))}; not stored`);
    r.enrollment = null;
  }

  r.arms.forEach((arm, i) => arm.doses.forEach((d, j) => {
    const at = `arms[${i}].doses[${j}]`;
    for (const key of ["cellsPerKg", "cellsPerInfusion"] as const) {
      const v = d[key];
      if (v !== null && !within(v, LIMITS.cells)) {
        warnings.push(`${at}.${key}: ${show(v)} cells is outside ${show(LIMITS.cells.min)}–${show(LIMITS.cells.max)}${quote(d.text)}; not stored`);
        d[key] = null;
      }
    }
    // A flat dose becomes a per-kg estimate at the reference weight (lib/record/summary.ts)
    // only when that is a plausible per-kg dose ("1000 cells" is 16.7 cells/kg): the stated
    // flat dose is kept (a local injection may be that small), no estimate is made, and why is said.
    if (d.cellsPerKg === null && d.cellsPerInfusion !== null && perKgEstimate(d.cellsPerInfusion, DEFAULT_REFERENCE_WEIGHT_KG) === null) {
      const perKg = d.cellsPerInfusion / DEFAULT_REFERENCE_WEIGHT_KG;
      warnings.push(`${at}.cellsPerInfusion: ${show(d.cellsPerInfusion)} cells is ${show(Number(perKg.toPrecision(3)))} cells/kg at the ${DEFAULT_REFERENCE_WEIGHT_KG} kg reference weight, outside ${show(LIMITS.cells.min)}–${show(LIMITS.cells.max)} cells/kg${quote(d.text)}; the flat dose is kept, no per-kg estimate is made`);
    }
    if (d.infusions !== null && !within(d.infusions, LIMITS.infusions)) {
      warnings.push(`${at}.infusions: ${d.infusions} infusions is outside ${LIMITS.infusions.min}–${LIMITS.infusions.max}${quote(d.text)}; not stored`);
      d.infusions = null;
      d.dayOffsets = null;
    }
  }));
  return { record: r, warnings };
}

/** The enricher: implausible values left not reported, their warnings appended to the record's. */
export function enforcePlausibility(rec: ParsedTrial): ParsedTrial {
  const { record, warnings } = checkPlausibility(rec);
  return { ...record, warnings: [...record.warnings, ...warnings] };
}
