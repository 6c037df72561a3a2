import { formatAgeRange, formatCells, formatDays, formatDoseRange, formatEnrollment, formatPhases, label, NOT_REPORTED } from "../format";
import type { Dose, Threshold, TrialRecord } from "../record/schema";

/**
 * What changed between two versions of a trial, in the words a reviewer uses: each change
 * names the field (or the arm, or the criterion) with its value before and after, as the
 * records state them ("not reported" where a record states none). Pure: two records in,
 * a list of changes out, in the order of the trial page.
 */
export type ChangeKind =
  | "status" | "phase" | "enrollment" | "title" | "sponsor" | "design" | "ages"
  | "arm-added" | "arm-removed" | "arm-changed"
  | "criterion-added" | "criterion-removed" | "threshold"
  | "date" | "registry-date";

export interface Change {
  kind: ChangeKind;
  /** What changed, as a reviewer names it: "Status", "Arm “UC-MSC”: dose", "Inclusion criterion added". */
  what: string;
  /** The value before and after, in words; null for an item only added (before) or only removed (after). */
  before: string | null;
  after: string | null;
}

const or = (s: string | null | undefined) => (s === null || s === undefined || s === "" ? NOT_REPORTED : s);

/** A dose's amount in words: per kg, flat, a range, or why none is given. */
export function doseAmount(d: Dose): string {
  if (d.product !== "MSC") return "placebo";
  if (d.range) return formatDoseRange(d.range);
  if (d.cellsPerKg !== null) return `${formatCells(d.cellsPerKg)} cells/kg`;
  if (d.cellsPerInfusion !== null) return `${formatCells(d.cellsPerInfusion)} cells`;
  return d.unstated?.amount ? `not one number (${d.unstated.amount})` : `amount ${NOT_REPORTED}`;
}

export function doseInfusions(d: Dose): string {
  return d.infusions === null ? `infusions ${NOT_REPORTED}` : `${d.infusions} infusion${d.infusions === 1 ? "" : "s"}`;
}

export function doseDays(d: Dose): string {
  return d.dayOffsets === null ? `days ${NOT_REPORTED}` : formatDays(d.dayOffsets);
}

/** An arm's doses in one line: "1×10⁶ cells/kg, 3 infusions, day 0, 7, 14". */
export function armDoseWords(arm: TrialRecord["arms"][number]): string {
  if (!arm.doses.length) return `dose ${NOT_REPORTED}`;
  return arm.doses.map((d) => [doseAmount(d), doseInfusions(d), doseDays(d)].join(", ")).join("; ");
}

export function thresholdWords(t: Threshold): string {
  const value = t.op === "between" && t.max !== null ? `${t.value}–${t.max}` : `${t.op} ${t.value}`;
  return `${t.analyte} ${value}${t.relativeTo ? " × ULN" : t.unit ? ` ${t.unit}` : ""}`;
}

const key = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

function listDiff(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const b = new Set(before.map(key));
  const a = new Set(after.map(key));
  return { added: after.filter((x) => !b.has(key(x))), removed: before.filter((x) => !a.has(key(x))) };
}

function scalar(out: Change[], kind: ChangeKind, what: string, before: string, after: string): void {
  if (before !== after) out.push({ kind, what, before, after });
}

/** The changes from `before` to `after` (both versions of one trial). */
export function diffRecords(before: TrialRecord, after: TrialRecord): Change[] {
  const out: Change[] = [];
  scalar(out, "title", "Title", or(before.title), or(after.title));
  scalar(out, "status", "Status", label(before.overallStatus), label(after.overallStatus));
  scalar(out, "phase", "Phase", formatPhases(before.phases), formatPhases(after.phases));
  scalar(out, "enrollment", "Enrollment", or(formatEnrollment(before.enrollment)), or(formatEnrollment(after.enrollment)));
  scalar(out, "sponsor", "Sponsor", or(before.sponsor), or(after.sponsor));
  for (const f of ["allocation", "interventionModel", "masking"] as const) {
    const name = { allocation: "Allocation", interventionModel: "Intervention model", masking: "Masking" }[f];
    scalar(out, "design", name, label(before.design[f]), label(after.design[f]));
  }

  const armsBefore = new Map(before.arms.map((a) => [key(a.label), a]));
  const armsAfter = new Map(after.arms.map((a) => [key(a.label), a]));
  for (const a of after.arms) {
    const b = armsBefore.get(key(a.label));
    if (!b) {
      out.push({ kind: "arm-added", what: `Arm added: “${a.label}”`, before: null, after: armDoseWords(a) });
      continue;
    }
    const name = `Arm “${a.label}”`;
    scalar(out, "arm-changed", `${name}: type`, label(b.type), label(a.type));
    const pairs = Math.max(a.doses.length, b.doses.length);
    if (a.doses.length !== b.doses.length) scalar(out, "arm-changed", `${name}: doses`, armDoseWords(b), armDoseWords(a));
    else {
      for (let i = 0; i < pairs; i++) {
        const [db, da] = [b.doses[i]!, a.doses[i]!];
        const which = pairs > 1 ? ` (dose ${i + 1})` : "";
        scalar(out, "arm-changed", `${name}: dose${which}`, doseAmount(db), doseAmount(da));
        scalar(out, "arm-changed", `${name}: infusions${which}`, doseInfusions(db), doseInfusions(da));
        scalar(out, "arm-changed", `${name}: days${which}`, doseDays(db), doseDays(da));
      }
    }
  }
  for (const b of before.arms) {
    if (!armsAfter.has(key(b.label))) out.push({ kind: "arm-removed", what: `Arm removed: “${b.label}”`, before: armDoseWords(b), after: null });
  }

  scalar(out, "ages", "Ages", formatAgeRange(before.eligibility.minAgeYears, before.eligibility.maxAgeYears),
    formatAgeRange(after.eligibility.minAgeYears, after.eligibility.maxAgeYears));
  for (const [list, name] of [["inclusion", "Inclusion"], ["exclusion", "Exclusion"]] as const) {
    const { added, removed } = listDiff(before.eligibility[list], after.eligibility[list]);
    for (const t of added) out.push({ kind: "criterion-added", what: `${name} criterion added`, before: null, after: t });
    for (const t of removed) out.push({ kind: "criterion-removed", what: `${name} criterion removed`, before: t, after: null });
  }
  for (const list of ["inclusion", "exclusion"] as const) {
    const words = (r: TrialRecord) => r.eligibility.thresholds.filter((t) => t.list === list).map(thresholdWords);
    const { added, removed } = listDiff(words(before), words(after));
    const analyte = (w: string) => w.split(" ")[0];
    // A limit of one analyte replaced by another of the same analyte reads as "changed".
    const changed = removed.filter((r) => added.filter((a) => analyte(a) === analyte(r)).length === 1 && removed.filter((x) => analyte(x) === analyte(r)).length === 1);
    for (const r of changed) {
      const a = added.find((x) => analyte(x) === analyte(r))!;
      out.push({ kind: "threshold", what: `${list === "inclusion" ? "Inclusion" : "Exclusion"} threshold changed`, before: r, after: a });
    }
    const changedAdded = new Set(changed.map((r) => added.find((x) => analyte(x) === analyte(r))));
    for (const a of added.filter((x) => !changedAdded.has(x))) out.push({ kind: "threshold", what: `${list === "inclusion" ? "Inclusion" : "Exclusion"} threshold added`, before: null, after: a });
    for (const r of removed.filter((x) => !changed.includes(x))) out.push({ kind: "threshold", what: `${list === "inclusion" ? "Inclusion" : "Exclusion"} threshold removed`, before: r, after: null });
  }

  for (const [f, name] of [["start", "Start date"], ["primaryCompletion", "Primary completion date"], ["completion", "Completion date"]] as const) {
    scalar(out, "date", name, or(before.dates[f]), or(after.dates[f]));
  }
  for (const [f, name] of [["lastUpdatePosted", "Registry's last update posted"], ["statusVerified", "Status last verified"], ["firstPosted", "First posted"]] as const) {
    scalar(out, "registry-date", name, or(before[f]), or(after[f]));
  }
  return out;
}

/** A change in one line: "Status: Recruiting → Completed", "Inclusion criterion added: “…”". */
export function changeLine(c: Change): string {
  if (c.before === null) return `${c.what}: ${c.after}`;
  if (c.after === null) return `${c.what}: ${c.before}`;
  return `${c.what}: ${c.before} → ${c.after}`;
}
