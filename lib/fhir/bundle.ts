import type { Bundle, OperationOutcome } from "fhir/r4";
import type { TrialRecord } from "../record/schema";
import { toResearchStudy, type FhirResearchStudy } from "./research-study";

export type FhirBundle = Omit<Bundle, "entry"> & { entry: { resource: FhirResearchStudy }[] };

/** Every trial as one Bundle of type `collection`, one ResearchStudy entry each, in the order given. */
export function toFhirBundle(records: TrialRecord[], timestamp: Date): FhirBundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: timestamp.toISOString(),
    entry: records.map((r) => ({ resource: toResearchStudy(r) })),
  };
}

/** The 404 of the FHIR route, as FHIR says errors are told: an OperationOutcome. */
export function notFoundOutcome(id: string): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity: "error", code: "not-found", diagnostics: `no trial with id "${id}" (parameter: id)` }],
  };
}
