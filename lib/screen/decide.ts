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

/**
 * A threshold with what its checks need that does not depend on the patient: its limits in
 * SI units (null: no unit that can be compared) and the limits as the reasons write them.
 * Made once per threshold (prepareCriteria), then checked against any number of patients.
 */
export interface PreparedThreshold {
  threshold: Threshold;
  name: string;
  /** Why it is undecided whatever the patient (a limit relative to the ULN, or one without a comparable unit), else null. */
  undecidable: string | null;
  /** The reason when the patient gives no value of its analyte. */
  noValue: string;
  lo: number;
  hi: number | null;
  /** The limits as written (and in SI), and a "between" threshold's range. */
  loShown: string;
  hiShown: string | null;
  range: string | null;
}

/**
 * A limit in SI units, remembered: UCUM converts a unit by parsing it, which costs far more
 * than the rest of a check, and a registry states few distinct limits. Pure, so kept for
 * the process (a bounded number of them).
 */
const siLimits = new Map<string, number | null>();
const SI_LIMITS_KEPT = 20_000;
function limitInSI(analyte: Threshold["analyte"], value: number, unit: string | null): number | null {
  const key = `${analyte} ${value} ${unit}`;
  let si = siLimits.get(key);
  if (si === undefined) {
    si = toSI(analyte, value, unit);
    if (siLimits.size >= SI_LIMITS_KEPT) siLimits.clear();
    siLimits.set(key, si);
  }
  return si;
}

export function prepareThreshold(t: Threshold): PreparedThreshold {
  const name = ANALYTE_INFO[t.analyte].short;
  const enterable = PATIENT_FIELDS.some((f) => f.analyte === t.analyte);
  const noValue = enterable ? `no ${name} value given` : `${name} is not a screening value: read this criterion`;
  const base = { threshold: t, name, noValue, lo: NaN, hi: null, loShown: "", hiShown: null, range: null };
  if (t.relativeTo === "ULN") return { ...base, undecidable: `${name} limit is ${t.value}×ULN: the laboratory's upper limit of normal is not known` };
  const siUnit = ANALYTE_INFO[t.analyte].si;
  const lo = limitInSI(t.analyte, t.value, t.unit);
  const hi = t.max === null ? null : limitInSI(t.analyte, t.max, t.unit);
  if (lo === null || (t.max !== null && hi === null)) return { ...base, undecidable: `${name} limit "${t.text}" states no unit that can be compared` };
  const lim = (x: number, si: number) => (t.analyte === "AGE" ? String(x) : shown(x, t.unit, si, siUnit));
  const loShown = lim(t.value, lo);
  const hiShown = hi === null ? null : lim(t.max!, hi);
  const range = t.op !== "between" ? null : t.analyte === "AGE" ? `${t.value}–${t.max}` : `${loShown}–${hiShown}`;
  return { ...base, undecidable: null, lo, hi, loShown, hiShown, range };
}

/** The patient's value as a reason writes it ("TBil 15 mg/dL (256.6 µmol/L)"), once per patient and analyte. */
const patientWords = new WeakMap<Patient, Map<string, string>>();
function patientShown(analyte: Threshold["analyte"], v: PatientValue, patient: Patient): string {
  let words = patientWords.get(patient);
  if (!words) patientWords.set(patient, (words = new Map()));
  let p = words.get(analyte);
  if (p === undefined) {
    const name = ANALYTE_INFO[analyte].short;
    p = analyte === "AGE" ? `${name} ${v.value}` : `${name} ${shown(v.value, v.unit, v.si, ANALYTE_INFO[analyte].si)}`;
    words.set(analyte, p);
  }
  return p;
}

/** One threshold against the patient's value. */
export function checkThreshold(t: Threshold, patient: Patient): Check {
  return checkPrepared(prepareThreshold(t), patient);
}

/** One prepared threshold against the patient's value (checkThreshold's rules). */
export function checkPrepared(pt: PreparedThreshold, patient: Patient): Check {
  const t = pt.threshold;
  if (pt.undecidable !== null && t.relativeTo === "ULN") return { holds: null, reason: pt.undecidable };
  const v = patient[t.analyte];
  if (!v) return { holds: null, reason: pt.noValue };
  if (pt.undecidable !== null) return { holds: null, reason: pt.undecidable };
  const { lo, hi } = pt;
  const p = patientShown(t.analyte, v, patient);
  const x = v.si;
  // A value entered in another unit than the limit's is equal to it within the conversion's
  // rounding ("≥12 mg/dL (equivalent to 205 μmol/L)": 205 µmol/L meets it).
  const converted = v.unit !== t.unit && v.unit !== null && t.unit !== null;
  const tol = (limit: number) => (converted ? Math.abs(limit) * CONVERSION_TOLERANCE : 1e-9);
  const eps = tol(lo);
  if (t.op === "between") {
    if (x < lo - eps) return { holds: false, reason: `${p} is below ${pt.loShown}` };
    if (x > hi! + tol(hi!)) return { holds: false, reason: `${p} is above ${pt.hiShown}` };
    return { holds: true, reason: `${p} is within ${pt.range}` };
  }
  const holds = t.op === ">" ? x > lo + eps : t.op === ">=" ? x >= lo - eps : t.op === "<" ? x < lo - eps : x <= lo + eps;
  return { holds, reason: `${p} ${holds ? OP_SIGN[t.op] : NOT[t.op]} ${pt.loShown}` };
}

export interface CriterionResult {
  list: "inclusion" | "exclusion";
  criterion: number;
  verdict: Verdict;
  reason: string;
  text: string;
}

/** A criterion ready to decide: its thresholds prepared, in their groups (in the order the groups first appear). */
export interface PreparedCriterion {
  list: "inclusion" | "exclusion";
  criterion: number;
  text: string;
  groups: PreparedThreshold[][];
}

/** A criterion's thresholds (those of this criterion only), prepared and grouped. */
export function prepareCriterion(list: "inclusion" | "exclusion", criterion: number, text: string, thresholds: Threshold[]): PreparedCriterion {
  const groups = new Map<number, PreparedThreshold[]>();
  for (const t of thresholds) {
    const g = groups.get(t.group);
    if (g) g.push(prepareThreshold(t));
    else groups.set(t.group, [prepareThreshold(t)]);
  }
  return { list, criterion, text, groups: [...groups.values()] };
}

/** One criterion, from its thresholds (those of this criterion only). */
export function decideCriterion(list: "inclusion" | "exclusion", criterion: number, text: string, thresholds: Threshold[], patient: Patient): CriterionResult {
  return decidePrepared(prepareCriterion(list, criterion, text, thresholds), patient);
}

type GroupState = { state: "holds" | "fails" | "undecided"; reason: string };

/** One prepared criterion (decideCriterion's rules). */
export function decidePrepared({ list, criterion, text, groups: prepared }: PreparedCriterion, patient: Patient): CriterionResult {
  // Keys in the contract's order: list, criterion, verdict, reason, text.
  const out = (verdict: Verdict, reason: string): CriterionResult => ({ list, criterion, verdict, reason, text });
  if (!prepared.length) return out("unknown", "no numeric limit read from this criterion: read it");
  const groups = prepared.map((thresholds): GroupState => {
    const checks = thresholds.map((t) => checkPrepared(t, patient));
    const holding = checks.find((c) => c.holds === true);
    if (holding) return { state: "holds", reason: holding.reason };
    if (checks.every((c) => c.holds === false)) return { state: "fails", reason: checks.map((c) => c.reason).join(" and ") };
    // What was decided stays in the reason ("creatinine … is below 2 mg/dL; no HE grade value given").
    return { state: "undecided", reason: checks.map((c) => c.reason).join("; ") };
  });
  const failing = groups.filter((g) => g.state === "fails");
  const undecided = groups.filter((g) => g.state === "undecided");
  const holdingAll = groups.every((g) => g.state === "holds");
  if (list === "inclusion") {
    if (failing.length) return out("fail", failing.map((g) => g.reason).join("; "));
    if (holdingAll) return out("pass", groups.map((g) => g.reason).join("; "));
    return out("unknown", undecided.map((g) => g.reason).join("; "));
  }
  if (holdingAll) return out("fail", groups.map((g) => g.reason).join("; "));
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

