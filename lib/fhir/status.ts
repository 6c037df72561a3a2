import type { ResearchStudy } from "fhir/r4";
import type { OverallStatus } from "../record/vocabulary";

export type R4StudyStatus = ResearchStudy["status"];

/**
 * Our overall status (ClinicalTrials.gov's vocabulary) → R4 `ResearchStudy.status`.
 * `null`: R4 has no value for it; the export then leaves `status` empty with a
 * data-absent-reason (see ABSENT_STATUS_REASON). The table, with the reasons, is in docs/fhir.md.
 */
export const R4_STATUS: Record<OverallStatus, R4StudyStatus | null> = {
  NOT_YET_RECRUITING: "approved", // approved, not yet open to accrual
  RECRUITING: "active", // "opened for accrual"
  ENROLLING_BY_INVITATION: "active", // open for accrual, by invitation only
  ACTIVE_NOT_RECRUITING: "closed-to-accrual", // participants still treated or followed
  COMPLETED: "completed",
  SUSPENDED: "temporarily-closed-to-accrual", // stopped early, may start again
  TERMINATED: "administratively-completed", // stopped early, will not start again
  WITHDRAWN: "withdrawn", // stopped before the first participant
  UNKNOWN: null, // ClinicalTrials.gov no longer vouches for the last status it had
  AVAILABLE: "active", // expanded access: open to new patients
  NO_LONGER_AVAILABLE: "closed-to-accrual-and-intervention", // expanded access ended for good
  TEMPORARILY_NOT_AVAILABLE: "temporarily-closed-to-accrual",
  APPROVED_FOR_MARKETING: "completed", // expanded access ended: the product is on the market
  WITHHELD: null, // the registry hides the status
};

/** Why a status has no R4 value: the data-absent-reason code. */
export function absentStatusReason(status: OverallStatus | null): "unknown" | "masked" {
  return status === "WITHHELD" ? "masked" : "unknown";
}
