import { z } from "zod";
import { armFieldsSchema, evidenceSchema, trialFieldsSchema, type Dose } from "../record/schema";
import { TRIAL_ID } from "../record/id";

export type { Evidence, Stage } from "../record/schema";
export type ParsedDose = Dose;
/**
 * An arm as a layout reads it; `interventionTexts` are the words (name and description) of
 * the interventions the source links to the arm, where the layout links them.
 */
export const parsedArmSchema = armFieldsSchema.extend({ interventionTexts: z.array(z.string()).optional() });
export type ParsedArm = z.infer<typeof parsedArmSchema>;

/**
 * The intermediate record every layout parser produces: the record's fields (one list,
 * lib/record/schema.ts) plus what only the importer needs: the source file and layout,
 * and the source words of each value in `evidence` (keyed by the contract's field path).
 */
export const parsedTrialSchema = trialFieldsSchema.extend({
  layout: z.string(),
  file: z.string(),
  arms: z.array(parsedArmSchema),
  /** The registry's own id when the record is not a ClinicalTrials.gov one (an ICTRP TrialID): the record's id. */
  registryId: z.string().regex(TRIAL_ID).nullable().optional(),
  evidence: z.record(z.string(), evidenceSchema),
});
export type ParsedTrial = z.infer<typeof parsedTrialSchema>;

/** A record with every field empty, for parsers to fill. */
export function emptyParsedTrial(layout: string, file: string): ParsedTrial {
  return {
    layout, file, nctId: null, otherIds: [], title: null, officialTitle: null, acronym: null, sponsor: null,
    overallStatus: null, phases: [], conditions: [], interventions: [], keywords: [], studyType: null,
    primaryPurpose: null, design: { allocation: null, interventionModel: null, masking: null }, enrollment: null,
    dates: { start: null, primaryCompletion: null, completion: null },
    eligibility: { minAgeYears: null, maxAgeYears: null, sex: null, healthyVolunteers: null, inclusion: [], exclusion: [] },
    briefSummary: null, description: null, cellSource: null, arms: [], stages: [], outcomes: [], contacts: [],
    locations: [], evidence: {}, warnings: [], firstPosted: null, lastUpdatePosted: null, statusVerified: null,
  };
}
