import { z } from "zod";
import { TRIAL_ID } from "./id";
import {
  ALLOCATIONS, ARM_TYPES, CELL_ORIGINS, CELL_SOURCES, ENROLLMENT_TYPES, INTERVENTION_MODELS, MASKINGS, OVERALL_STATUSES,
  PHASES, PRODUCTS, ROUTES, SEXES, STUDY_TYPES,
} from "./vocabulary";
import { ANALYTES, THRESHOLD_OPS } from "./analytes";

/**
 * The public trial record (shared/spec/trial-record.md, v1), each field written once.
 * Field names and enum values are a contract: fields may be added, never renamed. The
 * importer's intermediate record (lib/ingest/parsed-record.ts) extends these fields with
 * what only it needs.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "an ISO date (YYYY-MM or YYYY-MM-DD)");
const cells = z.number().positive().max(1e15);

export const ORIGINS = ["source", "derived", "curated"] as const;
export const evidenceSchema = z.object({ origin: z.enum(ORIGINS), text: z.string().nullable() });
export type Evidence = z.infer<typeof evidenceSchema>;
/** Where each of a record's values came from: field path ("design.masking", "arms[1].doses[0]") → its evidence. */
export type EvidenceMap = Record<string, Evidence>;


/** A dose stated as a range ("2,5-5,0 10E6 cells/kg"): both ends, cells per administration, per kg or flat. */
export const doseRangeSchema = z
  .object({ min: cells, max: cells, unit: z.enum(["cells/kg", "cells"]) })
  .refine((r) => r.min < r.max, "a range's min is below its max");
export type DoseRange = z.infer<typeof doseRangeSchema>;
/** Why a value is not given as one number, in words a person can check against the source. */
export const doseUnstatedSchema = z.object({
  amount: z.string().min(1).optional(),
  infusions: z.string().min(1).optional(),
  dayOffsets: z.string().min(1).optional(),
});
export type DoseUnstated = z.infer<typeof doseUnstatedSchema>;
/** One phase of a schedule that changes frequency ("weekly for the first month"), with its words. */
export const schedulePhaseSchema = z.object({
  text: z.string().min(1),
  everyDays: z.number().int().positive().nullable(),
  infusions: z.number().int().positive().nullable(),
});
export type SchedulePhase = z.infer<typeof schedulePhaseSchema>;

/**
 * A dose. `range`, `unstated` and `schedulePhases` (additions) are present only when set:
 * a record without them reads as null for each.
 */
export const doseSchema = z
  .object({
    product: z.enum(PRODUCTS),
    cellsPerKg: cells.nullable(),
    cellsPerInfusion: cells.nullable(),
    infusions: z.number().int().positive().nullable(),
    dayOffsets: z.array(z.number().int().nonnegative()).nullable(),
    text: z.string().min(1),
    range: doseRangeSchema.nullable().optional(),
    unstated: doseUnstatedSchema.nullable().optional(),
    schedulePhases: z.array(schedulePhaseSchema).min(2).nullable().optional(),
  })
  .refine((d) => d.cellsPerKg === null || d.cellsPerInfusion === null, "a dose is per kg or flat, not both")
  .refine((d) => !d.range || (d.cellsPerKg === null && d.cellsPerInfusion === null), "a dose stated as a range has no single amount")
  .refine((d) => d.product === "MSC" || (d.cellsPerKg === null && d.cellsPerInfusion === null), "a placebo has no cells")
  .refine((d) => d.dayOffsets === null || d.infusions === null || d.dayOffsets.length === d.infusions,
    "the number of day offsets must equal the number of infusions");
export type Dose = z.infer<typeof doseSchema>;

/** A numeric limit an eligibility criterion puts on a patient (shared/spec/screening.md). */
export const thresholdSchema = z.object({
  list: z.enum(["inclusion", "exclusion"]),
  criterion: z.number().int().nonnegative(),
  group: z.number().int().nonnegative(),
  analyte: z.enum(ANALYTES),
  op: z.enum(THRESHOLD_OPS),
  value: z.number(),
  max: z.number().nullable(),
  unit: z.string().nullable(),
  relativeTo: z.literal("ULN").nullable(),
  text: z.string().min(1),
  /** Where `text` stands in the criterion: criterion.slice(start, end) === text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type Threshold = z.infer<typeof thresholdSchema>;

export const armFieldsSchema = z.object({
  label: z.string().min(1),
  type: z.enum(ARM_TYPES).nullable(),
  description: z.string().nullable(),
  doses: z.array(doseSchema),
});

export const stageGroupSchema = z.object({
  label: z.string().min(1),
  ratio: z.number().positive().nullable(),
  count: z.number().int().positive().nullable(),
  armOrdinals: z.array(z.number().int().nonnegative()),
  fromGroup: z.string().nullable(),
});
export const stageSchema = z.object({
  label: z.string().min(1),
  description: z.string().nullable(),
  text: z.string(),
  groups: z.array(stageGroupSchema).min(1),
});
export type Stage = z.infer<typeof stageSchema>;

export const outcomeSchema = z.object({
  kind: z.enum(["PRIMARY", "SECONDARY", "OTHER"]).nullable(),
  measure: z.string().min(1),
  timeFrame: z.string().nullable(),
  description: z.string().nullable(),
});
export const contactSchema = z.object({
  role: z.string(),
  name: z.string().min(1),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  affiliation: z.string().nullable(),
});
/** A site's contact as the record gives it (additions, present only when the record names one). */
export const siteContactSchema = z.object({
  name: z.string().min(1),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
/**
 * Where a site is (addition): from the record (API v2 `geoPoint`: exact as registered), or
 * the gazetteer's town of the site's city and country (lib/geo: `approximate`, a town's
 * centre); a city that names several places and no state to choose ("ambiguous", with the
 * number of places), or none ("not found"), has no coordinates.
 */
export const siteGeoSchema = z.object({
  status: z.enum(["matched", "ambiguous", "not found"]),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  source: z.enum(["record", "gazetteer"]).nullable(),
  approximate: z.boolean(),
  /** How many places the name could be (the gazetteer's; absent for the record's own coordinates). */
  candidates: z.number().int().nonnegative().optional(),
});
export type SiteGeo = z.infer<typeof siteGeoSchema>;
export const locationSchema = z.object({
  facility: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  // Additions, present only when the record states them (or, for geo, when there is a city to place).
  postalCode: z.string().min(1).optional(),
  /** The country's ISO 3166-1 alpha-2 code: one form for "Korea, Republic of" and "South Korea" (lib/geo/countries.ts). */
  countryCode: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** The site's own recruitment status, in the overall status's vocabulary. */
  status: z.enum(OVERALL_STATUSES).optional(),
  contacts: z.array(siteContactSchema).min(1).optional(),
  geo: siteGeoSchema.optional(),
});
export type Location = z.infer<typeof locationSchema>;

/** The registry's reference types: a publication of this trial's results, background, or linked by the registry itself (derived). */
export const REFERENCE_TYPES = ["RESULT", "BACKGROUND", "DERIVED"] as const;
export type ReferenceType = (typeof REFERENCE_TYPES)[number];
export const referenceSchema = z.object({
  pmid: z.string().regex(/^\d+$/).nullable(),
  /** null: the source gives only the PubMed id. */
  citation: z.string().min(1).nullable(),
  /** null: the source lists the reference without a type. */
  type: z.enum(REFERENCE_TYPES).nullable(),
});
export type Reference = z.infer<typeof referenceSchema>;
/** Whether the registry has results posted for the trial, and since when (where the source says). */
export const resultsSchema = z.object({ posted: z.boolean(), firstPosted: isoDate.nullable() });

export const trialFieldsSchema = z.object({
  nctId: z.string().regex(/^NCT\d{8}$/).nullable(),
  otherIds: z.array(z.string()),
  title: z.string().nullable(),
  officialTitle: z.string().nullable(),
  acronym: z.string().nullable(),
  sponsor: z.string().nullable(),
  overallStatus: z.enum(OVERALL_STATUSES).nullable(),
  phases: z.array(z.enum(PHASES)),
  conditions: z.array(z.string()),
  studyType: z.enum(STUDY_TYPES).nullable(),
  design: z.object({
    allocation: z.enum(ALLOCATIONS).nullable(),
    interventionModel: z.enum(INTERVENTION_MODELS).nullable(),
    masking: z.enum(MASKINGS).nullable(),
  }),
  enrollment: z.object({ count: z.number().int().nonnegative(), type: z.enum(ENROLLMENT_TYPES).nullable() }).nullable(),
  dates: z.object({ start: isoDate.nullable(), primaryCompletion: isoDate.nullable(), completion: isoDate.nullable() }),
  eligibility: z.object({
    minAgeYears: z.number().nonnegative().nullable(),
    maxAgeYears: z.number().positive().nullable(),
    sex: z.enum(SEXES).nullable(),
    healthyVolunteers: z.boolean().nullable(),
    inclusion: z.array(z.string().min(1)),
    exclusion: z.array(z.string().min(1)),
  }),
  // Additions to v1 (the record's own keys id, source, arms, referenceWeightKg and
  // provenance stand before these: see RECORD_KEYS).
  interventions: z.array(z.string()),
  keywords: z.array(z.string()),
  primaryPurpose: z.string().nullable(),
  cellSource: z.string().nullable(),
  briefSummary: z.string().nullable(),
  description: z.string().nullable(),
  stages: z.array(stageSchema),
  outcomes: z.array(outcomeSchema),
  contacts: z.array(contactSchema),
  locations: z.array(locationSchema),
  /** What the importer could not read or refused as implausible; shown on the trial page. */
  warnings: z.array(z.string()),
  /**
   * The registry's own dates, where the source states them (additions; never guessed): when
   * the record was first posted, when its last update was posted, when its status was last
   * verified (often a month: YYYY-MM).
   */
  firstPosted: isoDate.nullable(),
  lastUpdatePosted: isoDate.nullable(),
  statusVerified: isoDate.nullable(),
  /**
   * Additions, present only where the layout has the field: the record's publications (JSON
   * `ReferencesModule`, XML `reference` / `results_reference`; [] when it lists none) and
   * its results status (API v2 `hasResults`, the classic JSON's and XML's results section and
   * first-posted date).
   */
  references: z.array(referenceSchema).optional(),
  results: resultsSchema.optional(),
});

export const armSummarySchema = z.object({
  cellsPerKgPerInfusion: z.number().positive().nullable(),
  estimated: z.boolean(),
  activeInfusions: z.number().int().nonnegative().nullable(),
  cumulativeCellsPerKg: z.number().positive().nullable(),
});
export type ArmSummary = z.infer<typeof armSummarySchema>;

/** A value read from an arm's words (always derived), with those words. */
const armFact = <T extends readonly [string, ...string[]]>(values: T) =>
  z.object({ value: z.enum(values), text: z.string().min(1) }).nullable();

export const armSchema = armFieldsSchema.extend({
  summary: armSummarySchema,
  // Additions to v1, read from the arm's words (lib/ingest/arm-facts); null when not stated.
  route: armFact(ROUTES),
  cellSource: armFact(CELL_SOURCES),
  cellOrigin: armFact(CELL_ORIGINS),
});
export type Arm = z.infer<typeof armSchema>;

/** Where a value came from, for the values that were not read from the source itself. */
export const provenanceSchema = z.record(z.string(), z.enum(["curated", "derived"]));

export const trialRecordSchema = trialFieldsSchema.extend({
  // Read from the criteria by lib/ingest/thresholds when the record is resolved (v1.1).
  eligibility: trialFieldsSchema.shape.eligibility.extend({ thresholds: z.array(thresholdSchema) }),
  id: z.string().regex(TRIAL_ID),
  source: z.object({ file: z.string(), format: z.string() }),
  arms: z.array(armSchema),
  referenceWeightKg: z.number().positive(),
  provenance: provenanceSchema,
});
export type TrialRecord = z.infer<typeof trialRecordSchema>;

/**
 * The order of a record's keys as the contract prints them (v1's fields, then the
 * additions): the fields in schema order, with the record's own keys where v1 has them.
 */
export const RECORD_KEYS: readonly (keyof TrialRecord)[] = (Object.keys(trialFieldsSchema.shape) as (keyof TrialRecord)[])
  .flatMap((k): (keyof TrialRecord)[] =>
    k === "nctId" ? ["id", k] : k === "otherIds" ? [k, "source"] : k === "eligibility" ? [k, "arms", "referenceWeightKg", "provenance"] : [k]);

/** A record with its keys in the contract's order (JSON prints keys in insertion order). */
export function inRecordOrder(r: TrialRecord): TrialRecord {
  // Optional additions that are absent stay absent (no `"references": undefined`).
  return Object.fromEntries(RECORD_KEYS.filter((k) => r[k] !== undefined).map((k) => [k, r[k]])) as TrialRecord;
}
