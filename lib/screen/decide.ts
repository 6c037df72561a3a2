import { ANALYTE_INFO } from "../record/analytes";
import type { Threshold, TrialRecord } from "../record/schema";
import { roundForReading, toSI } from "../units/convert";
import { OP_SIGN, quantity } from "./describe";
import { PATIENT_FIELDS, type Patient, type PatientValue } from "./params";

/**
 * The decision rules of shared/spec/screening.md, pure. A threshold holds, does not hold,
 * or is undecided (no value given, a limit relative to the ULN, a limit without a unit);
 * a group holds when one of its thresholds holds and fails when all were decided and none
 * holds; an inclusion criterion passes when all its groups hold and fails when one fails;
 * an exclusion criterion fails when all its groups hold and passes when one fails.
 */

export type Verdict = "pass" | "fail" | "unknown";

interface Check {
  holds: boolean | null;
  reason: string;
}

/** Relative difference that unit conversion factors leave (17.1 or 17.104 µmol/L per mg/dL of bilirubin, 12 mg/dL "equivalent to 205"). */
const CONVERSION_TOLERANCE = 0.002;

const NOT = { ">": "is not above", ">=": "is below", "<": "is not below", "<=": "is above" } as const;

/** "12 mg/dL (205.2 µmol/L)": a value as written, and in SI when that differs. */
function shown(value: number, unit: string | null, si: number, siUnit: string | null): string {
  const written = quantity(value, unit);
  return unit === siUnit || siUnit === null || unit === null ? written : `${written} (${quantity(roundForReading(si), siUnit)})`;
}

function patientShown(t: Threshold, v: PatientValue): string {
  const name = ANALYTE_INFO[t.analyte].short;
  return t.analyte === "AGE" ? `${name} ${v.value}` : `${name} ${shown(v.value, v.unit, v.si, ANALYTE_INFO[t.analyte].si)}`;
}

/** One threshold against the patient's value. */
export function checkThreshold(t: Threshold, patient: Patient): Check {
  const name = ANALYTE_INFO[t.analyte].short;
  const v = patient[t.analyte];
  if (t.relativeTo === "ULN") return { holds: null, reason: `${name} limit is ${t.value}×ULN: the laboratory's upper limit of normal is not known` };
  if (!v) {
    const enterable = PATIENT_FIELDS.some((f) => f.analyte === t.analyte);
    return { holds: null, reason: enterable ? `no ${name} value given` : `${name} is not a screening value: read this criterion` };
  }
  const siUnit = ANALYTE_INFO[t.analyte].si;
  const lo = toSI(t.analyte, t.value, t.unit);
  const hi = t.max === null ? null : toSI(t.analyte, t.max, t.unit);
  if (lo === null || (t.max !== null && hi === null)) return { holds: null, reason: `${name} limit "${t.text}" states no unit that can be compared` };
  const p = patientShown(t, v);
  const lim = (x: number, si: number) => (t.analyte === "AGE" ? String(x) : shown(x, t.unit, si, siUnit));
  const x = v.si;
  // A value entered in another unit than the limit's is equal to it within the conversion's
  // rounding ("≥12 mg/dL (equivalent to 205 μmol/L)": 205 µmol/L meets it).
  const converted = v.unit !== t.unit && v.unit !== null && t.unit !== null;
  const tol = (limit: number) => (converted ? Math.abs(limit) * CONVERSION_TOLERANCE : 1e-9);
  const eps = tol(lo);
  if (t.op === "between") {
    const range = t.analyte === "AGE" ? `${t.value}–${t.max}` : `${lim(t.value, lo)}–${lim(t.max!, hi!)}`;
    if (x < lo - eps) return { holds: false, reason: `${p} is below ${lim(t.value, lo)}` };
    if (x > hi! + tol(hi!)) return { holds: false, reason: `${p} is above ${lim(t.max!, hi!)}` };
    return { holds: true, reason: `${p} is within ${range}` };
  }
  const holds = t.op === ">" ? x > lo + eps : t.op === ">=" ? x >= lo - eps : t.op === "<" ? x < lo - eps : x <= lo + eps;
  return { holds, reason: `${p} ${holds ? OP_SIGN[t.op] : NOT[t.op]} ${lim(t.value, lo)}` };
}

export interface CriterionResult {
  list: "inclusion" | "exclusion";
  criterion: number;
  verdict: Verdict;
  reason: string;
  text: string;
}

/** One criterion, from its thresholds (those of this criterion only). */
export function decideCriterion(list: "inclusion" | "exclusion", criterion: number, text: string, thresholds: Threshold[], patient: Patient): CriterionResult {
  // Keys in the contract's order: list, criterion, verdict, reason, text.
  const out = (verdict: Verdict, reason: string): CriterionResult => ({ list, criterion, verdict, reason, text });
  if (!thresholds.length) return out("unknown", "no numeric limit read from this criterion: read it");
  const groups = [...new Set(thresholds.map((t) => t.group))].map((g) => {
    const checks = thresholds.filter((t) => t.group === g).map((t) => checkThreshold(t, patient));
    const holding = checks.find((c) => c.holds === true);
    if (holding) return { state: "holds" as const, reason: holding.reason };
    if (checks.every((c) => c.holds === false)) return { state: "fails" as const, reason: checks.map((c) => c.reason).join(" and ") };
    // What was decided stays in the reason ("creatinine … is below 2 mg/dL; no HE grade value given").
    return { state: "undecided" as const, reason: checks.map((c) => c.reason).join("; ") };
  });
  const failing = groups.filter((g) => g.state === "fails");
  const undecided = groups.filter((g) => g.state === "undecided");
  const holdingAll = groups.every((g) => g.state === "holds");
  const all = groups.map((g) => g.reason).join("; ");
  if (list === "inclusion") {
    if (failing.length) return out("fail", failing.map((g) => g.reason).join("; "));
    if (holdingAll) return out("pass", all);
    return out("unknown", undecided.map((g) => g.reason).join("; "));
  }
  if (holdingAll) return out("fail", all);
  if (failing.length) return out("pass", failing.map((g) => g.reason).join("; "));
  return out("unknown", undecided.map((g) => g.reason).join("; "));
}

/** The record's own age limits (eligibility.minAgeYears / maxAgeYears). */
export function decideAgeLimits(e: Pick<TrialRecord["eligibility"], "minAgeYears" | "maxAgeYears">, patient: Patient): { verdict: Verdict; reason: string } | null {
  if (e.minAgeYears === null && e.maxAgeYears === null) return null;
  const age = patient.AGE;
  const limits = `${e.minAgeYears ?? "any"}–${e.maxAgeYears ?? "any"} years`;
  if (!age) return { verdict: "unknown", reason: `no age given (ages ${limits})` };
  if (e.minAgeYears !== null && age.si < e.minAgeYears) return { verdict: "fail", reason: `age ${age.value} is below ${e.minAgeYears}` };
  if (e.maxAgeYears !== null && age.si > e.maxAgeYears) return { verdict: "fail", reason: `age ${age.value} is above ${e.maxAgeYears}` };
  return { verdict: "pass", reason: `age ${age.value} is within ${limits}` };
}

