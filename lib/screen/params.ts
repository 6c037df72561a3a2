import type { Analyte } from "../record/analytes";
import { toSI } from "../units/convert";

/**
 * The patient's values as URL parameters (shared/spec/screening.md): `tbil`, `inr`, `pta`,
 * `meld`, `creatinine`, `albumin`, `platelets`, `sodium`, `age`, units for the measured
 * ones (`tbil_unit` …, default SI). Shared by GET /api/screen and the list's Patient panel.
 */

export interface PatientField {
  param: string;
  analyte: Analyte;
  label: string;
  /** Accepted units, the default (SI) first; [] for unitless values. */
  units: string[];
  min: number;
  max: number;
}

export const PATIENT_FIELDS: PatientField[] = [
  { param: "tbil", analyte: "TBIL", label: "Total bilirubin", units: ["umol/L", "mg/dL"], min: 0, max: 1500 },
  { param: "inr", analyte: "INR", label: "INR", units: [], min: 0, max: 20 },
  { param: "pta", analyte: "PTA", label: "Prothrombin activity (%)", units: [], min: 0, max: 200 },
  { param: "meld", analyte: "MELD", label: "MELD score", units: [], min: 0, max: 60 },
  { param: "creatinine", analyte: "CREATININE", label: "Creatinine", units: ["umol/L", "mg/dL"], min: 0, max: 3000 },
  { param: "albumin", analyte: "ALBUMIN", label: "Albumin", units: ["g/L", "g/dL"], min: 0, max: 100 },
  { param: "platelets", analyte: "PLATELETS", label: "Platelets", units: ["10*9/L", "/mm3", "/uL"], min: 0, max: 2e6 },
  { param: "sodium", analyte: "SODIUM", label: "Sodium (mmol/L)", units: [], min: 50, max: 250 },
  { param: "age", analyte: "AGE", label: "Age (years)", units: [], min: 0, max: 130 },
];
const UNITLESS_UNIT: Partial<Record<Analyte, string>> = { PTA: "%", SODIUM: "mmol/L", AGE: "a" };

export const SCREEN_PARAMS = new Set(PATIENT_FIELDS.flatMap((f) => (f.units.length ? [f.param, `${f.param}_unit`] : [f.param])));

/** A value the patient gave: as entered, and in the analyte's SI unit. */
export interface PatientValue {
  value: number;
  unit: string | null;
  si: number;
}
export type Patient = Partial<Record<Analyte, PatientValue>>;

export type PatientParse = { ok: true; patient: Patient } | { ok: false; parameter: string; message: string };

/** Reads the patient's values from URL parameters; an empty value is "not given". */
export function parsePatient(get: (name: string) => string | null | undefined): PatientParse {
  const patient: Patient = {};
  for (const f of PATIENT_FIELDS) {
    const raw = get(f.param)?.trim();
    const unitParam = `${f.param}_unit`;
    // "µmol/L" and "μmol/L" (as the answers print them) are the UCUM "umol/L".
    const unitRaw = f.units.length ? get(unitParam)?.trim().replace(/^[µμ]/, "u") || f.units[0]! : null;
    if (unitRaw !== null && !f.units.includes(unitRaw)) {
      return { ok: false, parameter: unitParam, message: `${unitParam} must be one of ${f.units.join(", ")} (got "${unitRaw}")` };
    }
    if (!raw) continue;
    const value = Number(raw);
    if (!/^-?\d+(?:\.\d+)?$/.test(raw) || !Number.isFinite(value)) {
      return { ok: false, parameter: f.param, message: `${f.param} must be a number (got "${raw}")` };
    }
    if (value < f.min || value > f.max) {
      return { ok: false, parameter: f.param, message: `${f.param} must be between ${f.min} and ${f.max} (got ${value})` };
    }
    const unit = unitRaw ?? UNITLESS_UNIT[f.analyte] ?? null;
    const si = toSI(f.analyte, value, unit);
    if (si === null) return { ok: false, parameter: unitParam, message: `${unitParam}: cannot convert ${unit}` };
    patient[f.analyte] = { value, unit, si };
  }
  return { ok: true, patient };
}

/** The patient as URL parameters (only what was given), for links that keep the screen. */
export function patientParams(patient: Patient): [string, string][] {
  const out: [string, string][] = [];
  for (const f of PATIENT_FIELDS) {
    const v = patient[f.analyte];
    if (!v) continue;
    out.push([f.param, String(v.value)]);
    if (f.units.length && v.unit && v.unit !== f.units[0]) out.push([`${f.param}_unit`, v.unit]);
  }
  return out;
}

export const hasPatient = (p: Patient) => Object.keys(p).length > 0;
