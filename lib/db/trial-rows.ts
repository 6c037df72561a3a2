import { sortPhases } from "../record/vocabulary";
import { inRecordOrder, type DoseRange, type DoseUnstated, type SchedulePhase, type Threshold, type TrialRecord } from "../record/schema";
import { decodeDirectFields } from "./direct-fields";
import { locationFromRow, publicationsFromRows, type LocationRow, type ReferenceRow, type ResultsColumns } from "./sites";

/**
 * A trial's stored rows as the reader loads them (lib/db/view-reads.ts readTrialRows):
 * the Trial row and its child tables' rows, in their orders (criteria by kind, then
 * ordinal; the others by ordinal). SQLite's 0/1 are booleans here.
 */
export interface DoseRowData {
  id: number; armId: number; ordinal: number; product: string; cellsPerKg: number | null; cellsPerInfusion: number | null;
  infusions: number | null; dayOffsets: string | null; text: string; rangeMin: number | null; rangeMax: number | null;
  rangeUnit: string | null; unstated: string | null; schedulePhases: string | null;
}
export interface ArmRowData {
  id: number; trialId: string; ordinal: number; label: string; type: string | null; description: string | null;
  cellsPerKgPerInfusion: number | null; estimated: boolean; activeInfusions: number | null; cumulativeCellsPerKg: number | null;
  route: string | null; routeText: string | null; cellSource: string | null; cellSourceText: string | null;
  cellOrigin: string | null; cellOriginText: string | null;
  doses: DoseRowData[];
}
export interface ThresholdRowData extends Threshold { trialId: string; ordinal: number }
export type TrialRow = Record<string, unknown> & {
  id: string; sourceFile: string; sourceFormat: string;
  allocation: string | null; interventionModel: string | null; masking: string | null;
  enrollmentCount: number | null; enrollmentType: string | null;
  startDate: string | null; primaryCompletionDate: string | null; completionDate: string | null;
  minAgeYears: number | null; maxAgeYears: number | null; sex: string | null; healthyVolunteers: boolean | null;
  referenceWeightKg: number; importedAt: Date;
  resultsPosted: ResultsColumns["resultsPosted"]; resultsFirstPosted: string | null; referencesListed: ResultsColumns["referencesListed"];
  phases: { trialId: string; phase: string }[];
  conditions: { trialId: string; ordinal: number; name: string }[];
  otherIds: { trialId: string; ordinal: number; value: string }[];
  arms: ArmRowData[];
  criteria: { trialId: string; kind: string; ordinal: number; text: string }[];
  outcomes: { trialId: string; kind: string; ordinal: number; measure: string; timeFrame: string | null; description: string | null }[];
  contacts: { trialId: string; ordinal: number; role: string; name: string; phone: string | null; email: string | null; affiliation: string | null }[];
  locations: (LocationRow & { trialId: string; ordinal: number })[];
  references: (ReferenceRow & { trialId: string; ordinal: number })[];
  stages: { id: number; trialId: string; ordinal: number; label: string; description: string | null; text: string;
    groups: { stageId: number; ordinal: number; label: string; ratio: number | null; count: number | null; armOrdinals: string; fromGroup: string | null }[] }[];
  evidence: { trialId: string; path: string; origin: string; text: string | null }[];
  thresholds: ThresholdRowData[];
};

type Arm = TrialRecord["arms"][number];
const fact = <V extends string>(value: string | null, text: string | null) => (value === null ? null : { value: value as V, text: text ?? "" });

type ArmFactColumns = Pick<TrialRow["arms"][number], "route" | "routeText" | "cellSource" | "cellSourceText" | "cellOrigin" | "cellOriginText">;

/** An arm's route, cell source and origin from their columns (derived, with their words). */
export function armFacts(a: ArmFactColumns): Pick<Arm, "route" | "cellSource" | "cellOrigin"> {
  return {
    route: fact(a.route, a.routeText),
    cellSource: fact(a.cellSource, a.cellSourceText),
    cellOrigin: fact(a.cellOrigin, a.cellOriginText),
  };
}

/** A Dose row (Prisma's or a raw one: the same columns) → the record's dose. */
export function doseFromRow(d: Omit<TrialRow["arms"][number]["doses"][number], "id" | "armId" | "ordinal">): Arm["doses"][number] {
  return {
    product: d.product as "MSC" | "PLACEBO",
    cellsPerKg: d.cellsPerKg,
    cellsPerInfusion: d.cellsPerInfusion,
    infusions: d.infusions,
    dayOffsets: d.dayOffsets === null ? null : (JSON.parse(d.dayOffsets) as number[]),
    text: d.text,
    // Additions, present only when set (as the importer's record has them).
    ...(d.rangeMin !== null && d.rangeMax !== null ? { range: { min: d.rangeMin, max: d.rangeMax, unit: d.rangeUnit as DoseRange["unit"] } } : {}),
    ...(d.unstated !== null ? { unstated: JSON.parse(d.unstated) as DoseUnstated } : {}),
    ...(d.schedulePhases !== null ? { schedulePhases: JSON.parse(d.schedulePhases) as SchedulePhase[] } : {}),
  };
}

/** A Threshold row → the record's threshold (its columns but the key). */
export function thresholdFromRow({ trialId: _t, ordinal: _o, ...th }: TrialRow["thresholds"][number]): Threshold {
  return th as Threshold;
}

/** Stored rows → the public record (the inverse of writeTrial). */
export function rowToRecord(t: TrialRow): TrialRecord {
  const provenance: TrialRecord["provenance"] = {};
  for (const e of t.evidence) if (e.origin === "curated" || e.origin === "derived") provenance[e.path] = e.origin;
  t.arms.forEach((a, i) => {
    for (const [k, v] of Object.entries(armFacts(a))) if (v) provenance[`arms[${i}].${k}`] = "derived";
  });
  return inRecordOrder({
    ...decodeDirectFields(t),
    id: t.id,
    otherIds: t.otherIds.map((o) => o.value),
    source: { file: t.sourceFile, format: t.sourceFormat },
    phases: sortPhases(t.phases.map((p) => p.phase)),
    conditions: t.conditions.map((c) => c.name),
    design: {
      allocation: t.allocation as TrialRecord["design"]["allocation"],
      interventionModel: t.interventionModel as TrialRecord["design"]["interventionModel"],
      masking: t.masking as TrialRecord["design"]["masking"],
    },
    enrollment: t.enrollmentCount === null ? null
      : { count: t.enrollmentCount, type: t.enrollmentType as "ESTIMATED" | "ACTUAL" | null },
    dates: { start: t.startDate, primaryCompletion: t.primaryCompletionDate, completion: t.completionDate },
    eligibility: {
      minAgeYears: t.minAgeYears,
      maxAgeYears: t.maxAgeYears,
      sex: t.sex as TrialRecord["eligibility"]["sex"],
      healthyVolunteers: t.healthyVolunteers,
      inclusion: t.criteria.filter((c) => c.kind === "INCLUSION").map((c) => c.text),
      exclusion: t.criteria.filter((c) => c.kind === "EXCLUSION").map((c) => c.text),
      thresholds: t.thresholds.map(thresholdFromRow),
    },
    arms: t.arms.map((a) => ({
      label: a.label,
      type: a.type as TrialRecord["arms"][number]["type"],
      description: a.description,
      doses: a.doses.map(doseFromRow),
      summary: {
        cellsPerKgPerInfusion: a.cellsPerKgPerInfusion,
        estimated: a.estimated,
        activeInfusions: a.activeInfusions,
        cumulativeCellsPerKg: a.cumulativeCellsPerKg,
      },
      ...armFacts(a),
    })),
    referenceWeightKg: t.referenceWeightKg,
    provenance,
    stages: t.stages.map((s) => ({
      label: s.label,
      description: s.description,
      text: s.text,
      groups: s.groups.map((g) => ({
        label: g.label, ratio: g.ratio, count: g.count, armOrdinals: JSON.parse(g.armOrdinals) as number[], fromGroup: g.fromGroup,
      })),
    })),
    outcomes: t.outcomes.map((o) => ({
      kind: o.kind === "UNSPECIFIED" ? null : (o.kind as "PRIMARY" | "SECONDARY" | "OTHER"),
      measure: o.measure, timeFrame: o.timeFrame, description: o.description,
    })),
    contacts: t.contacts.map(({ role, name, phone, email, affiliation }) => ({ role, name, phone, email, affiliation })),
    locations: t.locations.map(locationFromRow),
    ...publicationsFromRows(t, t.references),
  });
}
