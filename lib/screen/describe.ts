import { ANALYTE_INFO } from "../record/analytes";
import type { Threshold } from "../record/schema";
import { convert, roundForReading } from "../units/convert";

/** How units read on the page: UCUM codes as a clinician writes them. */
export function unitLabel(unit: string | null): string {
  if (unit === null) return "";
  return ({ "umol/L": "µmol/L", "10*9/L": "×10⁹/L", "/mm3": "/mm³", "/uL": "/µL", a: "years", mo: "months", "meq/L": "mEq/L", "ug/L": "µg/L", "[IU]/mL": "IU/mL" } as Record<string, string>)[unit] ?? unit;
}

export const OP_SIGN = { ">": ">", ">=": "≥", "<": "<", "<=": "≤" } as const;

/** A value with its unit: "12 mg/dL", "10×ULN", "1.5". */
export function quantity(value: number, unit: string | null, relativeTo: "ULN" | null = null): string {
  if (relativeTo) return `${value}×ULN`;
  const u = unitLabel(unit);
  return u === "" ? String(value) : u === "%" ? `${value}%` : `${value} ${u}`;
}

/** "TBil ≥ 12 mg/dL", "MELD 17–30", "TBil ≥ 10×ULN". */
export function describeThreshold(t: Threshold, target: string | null = t.unit): string {
  // A limit whose unit is not stated, or that UCUM cannot convert, stays as written.
  const convertible = t.unit !== null && target !== null && convert(t.analyte, t.value, t.unit, target) !== null;
  const unit = convertible ? target : t.unit;
  const name = ANALYTE_INFO[t.analyte].short;
  const conv = (v: number) => (unit === t.unit || t.unit === null || unit === null ? v : roundForReading(convert(t.analyte, v, t.unit, unit) ?? NaN));
  const value = conv(t.value);
  if (t.op === "between") {
    return `${name} ${value}–${quantity(conv(t.max!), unit)}`;
  }
  return `${name} ${OP_SIGN[t.op]} ${quantity(value, unit, t.relativeTo)}`;
}

/**
 * A criterion's thresholds as a clinician reads them: alternatives of a group joined by
 * "or", groups (which must all hold) by "; ". "TBil ≥ 12 mg/dL; INR ≥ 1.5 or PTA ≤ 40%".
 */
export function describeGroups(thresholds: Threshold[], target?: (t: Threshold) => string | null): string[] {
  const groups = [...new Set(thresholds.map((t) => `${t.list}:${t.criterion}:${t.group}`))];
  return groups.map((g) => thresholds
    .filter((t) => `${t.list}:${t.criterion}:${t.group}` === g)
    .map((t) => describeThreshold(t, target ? target(t) : t.unit))
    .join(" or "));
}
