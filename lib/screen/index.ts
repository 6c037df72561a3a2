import type { TrialRecord } from "../record/schema";
import { type CriterionResult, decideAgeLimits, decideCriterion, type Verdict } from "./decide";
import type { Patient } from "./params";

/**
 * Would this patient qualify? Each trial's criteria decided from its thresholds and the
 * patient's values (GET /api/screen, the list's Patient panel, the trial page). A stage
 * applied to records already found: search stays as it is.
 */

export interface TrialScreen {
  id: string;
  verdict: "possible" | "excluded";
  /** Criteria that could not be decided (no threshold read, or a value not given). */
  unknown: number;
  criteria: CriterionResult[];
  /** The record's own age limits (minAgeYears/maxAgeYears), when it states any. */
  ageLimits: { verdict: Verdict; reason: string } | null;
  /** The one line that decides: the first reason that excludes, else null. */
  decisive: string | null;
}

/** What screening reads of a record (whole records and the screen's lean reads, lib/db/view-reads.ts, both fit). */
export type ScreenInput = Pick<TrialRecord, "id"> & {
  eligibility: Pick<TrialRecord["eligibility"], "minAgeYears" | "maxAgeYears" | "inclusion" | "exclusion" | "thresholds">;
};

export function screenTrial(record: ScreenInput, patient: Patient): TrialScreen {
  const e = record.eligibility;
  const criteria = (["inclusion", "exclusion"] as const).flatMap((list) =>
    e[list].map((text, i) => decideCriterion(list, i, text, e.thresholds.filter((t) => t.list === list && t.criterion === i), patient)));
  const ageLimits = decideAgeLimits(e, patient);
  const failed = criteria.find((c) => c.verdict === "fail");
  const decisive = ageLimits?.verdict === "fail" ? ageLimits.reason : failed ? failed.reason : null;
  return {
    id: record.id,
    verdict: decisive === null ? "possible" : "excluded",
    unknown: criteria.filter((c) => c.verdict === "unknown").length,
    criteria,
    ageLimits,
    decisive,
  };
}

/** Trials in the order given, each screened. */
export function screenTrials(records: ScreenInput[], patient: Patient): TrialScreen[] {
  return records.map((r) => screenTrial(r, patient));
}
