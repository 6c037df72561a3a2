import type { Prisma } from "../generated/prisma/client";
import { sortPhases } from "../record/vocabulary";
import { inRecordOrder, type DoseRange, type DoseUnstated, type SchedulePhase, type Threshold, type TrialRecord } from "../record/schema";
import { decodeDirectFields } from "./direct-fields";
import { locationFromRow, publicationsFromRows } from "./sites";

/** The Prisma include that loads everything a record needs. */
export const trialInclude = {
  phases: true,
  conditions: { orderBy: { ordinal: "asc" } },
  otherIds: { orderBy: { ordinal: "asc" } },
  arms: { orderBy: { ordinal: "asc" }, include: { doses: { orderBy: { ordinal: "asc" } } } },
  criteria: { orderBy: [{ kind: "asc" }, { ordinal: "asc" }] },
  outcomes: { orderBy: [{ ordinal: "asc" }] },
  contacts: { orderBy: { ordinal: "asc" } },
  locations: { orderBy: { ordinal: "asc" } },
  references: { orderBy: { ordinal: "asc" } },
  stages: { orderBy: { ordinal: "asc" }, include: { groups: { orderBy: { ordinal: "asc" } } } },
  evidence: true,
  thresholds: { orderBy: { ordinal: "asc" } },
} satisfies Prisma.TrialInclude;

export type TrialRow = Prisma.TrialGetPayload<{ include: typeof trialInclude }>;


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
