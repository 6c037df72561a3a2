import { unstatedReasons } from "../format";
import type { Arm, Threshold, TrialRecord } from "../record/schema";
import { TRIAL_COLORS } from "../chart/colours";
import { armRange, summarizeArm, type ArmRange } from "../record/summary";

/**
 * Records → the comparison the view, the API and the CSV all show. Pure: the per-kg
 * figures are recomputed at the chosen reference weight with `summarizeArm`, so a flat
 * dose reads the same here as on the trial page at 60 kg. Unknown stays null.
 */


/** How an arm is drawn: MSC given, placebo only, or nothing given. */
export type ArmKind = "msc" | "placebo" | "none";

export interface ComparedArm {
  /** Unique within the comparison: `trialId:index`. */
  key: string;
  label: string;
  type: Arm["type"];
  kind: ArmKind;
  cellsPerKgPerInfusion: number | null;
  estimated: boolean;
  activeInfusions: number | null;
  cumulativeCellsPerKg: number | null;
  /** Days of MSC infusions from the arm's first infusion; [] when none are given, null when not stated. */
  mscDayOffsets: number[] | null;
  placeboDayOffsets: number[] | null;
  placeboInfusions: number | null;
  /** The source words the doses were read from. */
  doseText: string[];
  /** The arm's MSC dose stated as a range (its one MSC dose), both ends as stated; else null. */
  range: ArmRange["range"];
  /** That range per kg per infusion at the reference weight (a flat range divided by it: `estimated`). */
  cellsPerKgRange: ArmRange["cellsPerKgRange"];
  /** Why the arm's doses give no single number ("stated as a range: …", "schedule changes frequency: …"). */
  unstated: string[];
}

export interface StructureGroup {
  label: string;
  kind: ArmKind;
  ratio: number | null;
  count: number | null;
  armKeys: string[];
  fromGroup: string | null;
}
export interface StructureStage {
  label: string;
  description: string | null;
  groups: StructureGroup[];
}

export interface ComparedTrial {
  id: string;
  title: string | null;
  color: string;
  phases: string[];
  overallStatus: string | null;
  design: TrialRecord["design"];
  enrollment: TrialRecord["enrollment"];
  minAgeYears: number | null;
  maxAgeYears: number | null;
  /** The thresholds read from the criteria (record.eligibility.thresholds). */
  thresholds: Threshold[];
  /** False when the record has no inclusion or exclusion criteria at all. */
  hasEligibilityText: boolean;
  arms: ComparedArm[];
  /** The record's stages; trials without any get none (the chart then shows arms without shares). */
  stages: StructureStage[];
  /** The PubMed ids (or citations) of the references that report its results; null when this copy of the record has no references (issue 22). */
  resultsPublications: string[] | null;
}

export interface Comparison {
  weightKg: number;
  trials: ComparedTrial[];
}

function days(doses: Arm["doses"]): number[] | null {
  if (doses.some((d) => d.dayOffsets === null)) return null;
  return [...new Set(doses.flatMap((d) => d.dayOffsets!))].sort((a, b) => a - b);
}

function infusionCount(doses: Arm["doses"]): number | null {
  if (doses.some((d) => d.infusions === null)) return null;
  return doses.reduce((s, d) => s + d.infusions!, 0);
}

export function armKind(arm: Pick<Arm, "type" | "doses">): ArmKind {
  if (arm.doses.some((d) => d.product === "MSC")) return "msc";
  if (arm.doses.length > 0 || arm.type === "PLACEBO_COMPARATOR" || arm.type === "SHAM_COMPARATOR") return "placebo";
  return "none";
}

export function compareArm(trialId: string, arm: Arm, index: number, weightKg: number): ComparedArm {
  const summary = summarizeArm(arm.doses, weightKg);
  const msc = arm.doses.filter((d) => d.product === "MSC");
  const placebo = arm.doses.filter((d) => d.product === "PLACEBO");
  return {
    key: `${trialId}:${index}`,
    label: arm.label,
    type: arm.type,
    kind: armKind(arm),
    ...summary,
    mscDayOffsets: days(msc),
    placeboDayOffsets: days(placebo),
    placeboInfusions: infusionCount(placebo),
    doseText: arm.doses.map((d) => d.text),
    ...armRange(msc, weightKg),
    unstated: arm.doses.flatMap(unstatedReasons),
  };
}

function groupKind(arms: ComparedArm[]): ArmKind {
  if (arms.some((a) => a.kind === "msc")) return "msc";
  if (arms.some((a) => a.kind === "placebo")) return "placebo";
  return "none";
}

export function compareTrial(record: TrialRecord, weightKg: number, index: number): ComparedTrial {
  const arms = record.arms.map((arm, i) => compareArm(record.id, arm, i, weightKg));
  const stages = record.stages.map((s) => ({
    label: s.label,
    description: s.description,
    groups: s.groups.map((g) => {
      const members = g.armOrdinals.flatMap((o) => arms[o] ?? []);
      return { label: g.label, kind: groupKind(members), ratio: g.ratio, count: g.count, armKeys: members.map((a) => a.key), fromGroup: g.fromGroup };
    }),
  }));
  return {
    id: record.id,
    title: record.title,
    color: TRIAL_COLORS[index % TRIAL_COLORS.length]!,
    phases: record.phases,
    overallStatus: record.overallStatus,
    design: record.design,
    enrollment: record.enrollment,
    minAgeYears: record.eligibility.minAgeYears,
    maxAgeYears: record.eligibility.maxAgeYears,
    thresholds: record.eligibility.thresholds,
    hasEligibilityText: record.eligibility.inclusion.length + record.eligibility.exclusion.length > 0,
    arms,
    stages,
    resultsPublications: record.references
      ? record.references.filter((r) => r.type === "RESULT").map((r) => (r.pmid ? `PubMed ${r.pmid}` : (r.citation ?? "a reference without id or citation")))
      : null,
  };
}

/** The comparison of `records`, in their order, at `weightKg`. */
export function shapeComparison(records: TrialRecord[], weightKg: number): Comparison {
  return { weightKg, trials: records.map((r, i) => compareTrial(r, weightKg, i)) };
}

/** The public JSON of `GET /api/compare` (a contract: add fields, never rename). */
export type CompareApiArm = Pick<ComparedArm, "label" | "type" | "cellsPerKgPerInfusion" | "estimated" |
  "activeInfusions" | "cumulativeCellsPerKg" | "mscDayOffsets" | "placeboDayOffsets" | "range" | "unstated"> & {
  /** The range per kg per infusion at `weightKg` ({ min, max, estimated }), or null. */
  cellsPerKgPerInfusionRange: ComparedArm["cellsPerKgRange"];
};
export interface CompareApiBody {
  weightKg: number;
  trials: { id: string; title: string | null; arms: CompareApiArm[] }[];
}

export function toCompareApi(c: Comparison): CompareApiBody {
  return {
    weightKg: c.weightKg,
    trials: c.trials.map((t) => ({
      id: t.id,
      title: t.title,
      arms: t.arms.map((a) => ({
        label: a.label,
        type: a.type,
        cellsPerKgPerInfusion: a.cellsPerKgPerInfusion,
        estimated: a.estimated,
        activeInfusions: a.activeInfusions,
        cumulativeCellsPerKg: a.cumulativeCellsPerKg,
        mscDayOffsets: a.mscDayOffsets,
        placeboDayOffsets: a.placeboDayOffsets,
        // Additions: a dose stated as a range (both ends) and why a value is not one number.
        range: a.range,
        cellsPerKgPerInfusionRange: a.cellsPerKgRange,
        unstated: a.unstated,
      })),
    })),
  };
}
