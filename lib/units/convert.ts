import ucum from "@lhncbc/ucum-lhc";
import { ANALYTE_INFO, type Analyte } from "../record/analytes";

/**
 * Unit conversion through the NLM's UCUM library (@lhncbc/ucum-lhc), the reference for
 * UCUM units: it converts mass to molar concentrations given a molecular weight, and
 * equivalents to moles given a charge. Nothing here is a hand-written factor.
 */

/** g/mol, for mass ↔ molar concentration (PubChem: bilirubin C33H36N4O6, creatinine C4H7N3O). */
const MOLECULAR_WEIGHT: Partial<Record<Analyte, number>> = { TBIL: 584.66, CREATININE: 113.12 };
/** Charge of the ion, for mEq ↔ mmol. */
const CHARGE: Partial<Record<Analyte, number>> = { SODIUM: 1 };

const utils = ucum.UcumLhcUtils.getInstance();

/** `value` in `from` as `to` (UCUM codes), or null when the library cannot convert it. */
export function convert(analyte: Analyte, value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const options: { molecularWeight?: number; charge?: number } = {};
  if (MOLECULAR_WEIGHT[analyte]) options.molecularWeight = MOLECULAR_WEIGHT[analyte];
  if (CHARGE[analyte]) options.charge = CHARGE[analyte];
  const r = utils.convertUnitTo(from, value, to, options);
  return r.status === "succeeded" && typeof r.toVal === "number" && Number.isFinite(r.toVal) ? r.toVal : null;
}

/**
 * A value in the analyte's SI unit (ANALYTE_INFO.si); unitless scores stay as they are;
 * null when the unit is not known or cannot be converted.
 */
export function toSI(analyte: Analyte, value: number, unit: string | null): number | null {
  const si = ANALYTE_INFO[analyte].si;
  if (si === null) return unit === null ? value : null;
  if (unit === null) return analyte === "AGE" ? value : null; // an age without a unit is in years
  return convert(analyte, value, unit, si);
}

/** Rounded for reading: 205.2474 → 205.2, 1.7 → 1.7, 30000 → 30000. */
export function roundForReading(n: number): number {
  if (Math.abs(n) >= 100) return Math.round(n * 10) / 10;
  return Number(n.toPrecision(3));
}
