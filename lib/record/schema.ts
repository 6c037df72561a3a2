import { z } from "zod";
import { contactSchema, locationSchema, outcomeSchema, parsedDoseSchema, parsedTrialSchema, stageSchema } from "../ingest/parsed-record";

/**
 * The public trial record (shared/spec/trial-record.md, v1). Field names and enum
 * values are a contract; fields after `provenance` are additions (the contract allows
 * adding, never renaming).
 */
const p = parsedTrialSchema.shape;

export const armSummarySchema = z.object({
  cellsPerKgPerInfusion: z.number().positive().nullable(),
  estimated: z.boolean(),
  activeInfusions: z.number().int().nonnegative().nullable(),
  cumulativeCellsPerKg: z.number().positive().nullable(),
});
export type ArmSummary = z.infer<typeof armSummarySchema>;

export const doseSchema = parsedDoseSchema;
export type Dose = z.infer<typeof doseSchema>;

export const armSchema = z.object({
  label: z.string(),
  type: p.arms.element.shape.type,
  description: z.string().nullable(),
  doses: z.array(doseSchema),
  summary: armSummarySchema,
});
export type Arm = z.infer<typeof armSchema>;

export const trialRecordSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/),
  nctId: p.nctId,
  otherIds: p.otherIds,
  source: z.object({ file: z.string(), format: z.string() }),
  title: p.title,
  officialTitle: p.officialTitle,
  acronym: p.acronym,
  sponsor: p.sponsor,
  overallStatus: p.overallStatus,
  phases: p.phases,
  conditions: p.conditions,
  studyType: p.studyType,
  design: p.design,
  enrollment: p.enrollment,
  dates: p.dates,
  eligibility: p.eligibility,
  arms: z.array(armSchema),
  referenceWeightKg: z.number().positive(),
  provenance: z.record(z.string(), z.enum(["curated", "derived"])),
  // Additions to v1:
  interventions: p.interventions,
  keywords: p.keywords,
  primaryPurpose: p.primaryPurpose,
  cellSource: p.cellSource,
  briefSummary: p.briefSummary,
  description: p.description,
  stages: z.array(stageSchema),
  outcomes: z.array(outcomeSchema),
  contacts: z.array(contactSchema),
  locations: z.array(locationSchema),
  /** What the importer could not read or refused as implausible; shown on the trial page. */
  warnings: z.array(z.string()),
});
export type TrialRecord = z.infer<typeof trialRecordSchema>;
export type StageRecord = z.infer<typeof stageSchema>;
export type Contact = z.infer<typeof contactSchema>;
