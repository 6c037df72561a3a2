import { type Evidence, type ParsedTrial } from "./parsed-record";
import { trialRecordSchema, type TrialRecord } from "../record/schema";
import { DEFAULT_REFERENCE_WEIGHT_KG, summarizeArm } from "../record/summary";
import { ImportError } from "./errors";

/** A stable id for a record with no NCT id: its source file name, slugged. */
export function slugForFile(file: string): string {
  return file.replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "trial";
}

/** Parsed (and curated) record → the public record, checked against the contract. */
export function toTrialRecord(rec: ParsedTrial, referenceWeightKg = DEFAULT_REFERENCE_WEIGHT_KG): TrialRecord {
  const provenance: Record<string, "curated" | "derived"> = {};
  for (const [path, ev] of Object.entries(rec.evidence) as [string, Evidence][]) {
    if (ev.origin !== "source") provenance[path] = ev.origin;
  }
  const record: TrialRecord = {
    id: rec.nctId ?? slugForFile(rec.file),
    nctId: rec.nctId,
    otherIds: rec.otherIds,
    source: { file: rec.file, format: rec.layout },
    title: rec.title,
    officialTitle: rec.officialTitle,
    acronym: rec.acronym,
    sponsor: rec.sponsor,
    overallStatus: rec.overallStatus,
    phases: rec.phases,
    conditions: rec.conditions,
    studyType: rec.studyType,
    design: rec.design,
    enrollment: rec.enrollment,
    dates: rec.dates,
    eligibility: rec.eligibility,
    arms: rec.arms.map((arm) => ({ ...arm, summary: summarizeArm(arm.doses, referenceWeightKg) })),
    referenceWeightKg,
    provenance,
    interventions: rec.interventions,
    keywords: rec.keywords,
    primaryPurpose: rec.primaryPurpose,
    cellSource: rec.cellSource,
    briefSummary: rec.briefSummary,
    description: rec.description,
    stages: rec.stages,
    outcomes: rec.outcomes,
    contacts: rec.contacts,
    locations: rec.locations,
    warnings: rec.warnings,
  };
  const checked = trialRecordSchema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError(`the normalized record is invalid: ${issue.message}`, { file: rec.file, field: issue.path.join(".") });
  }
  return checked.data;
}
