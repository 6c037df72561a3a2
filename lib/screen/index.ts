import type { TrialRecord } from "../record/schema";
import { type CriterionResult, decideAgeLimits, decidePrepared, prepareCriterion, type PreparedCriterion, type Verdict } from "./decide";
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

/**
 * A record's criteria prepared for screening (lib/screen/decide.ts: thresholds grouped, limits
 * in SI units and in words), made once per record object and kept while it is: the screen's
 * trials are kept between requests (lib/data/view-cache.ts), so a request decides, it does
 * not prepare. The record must not change after it was screened.
 */
const preparedOf = new WeakMap<ScreenInput["eligibility"], PreparedCriterion[]>();

export function prepareScreen(e: ScreenInput["eligibility"]): PreparedCriterion[] {
  let prepared = preparedOf.get(e);
  if (!prepared) {
    // Each criterion's own thresholds, in their order.
    const of = new Map<string, ScreenInput["eligibility"]["thresholds"]>();
    for (const t of e.thresholds) {
      const key = `${t.list} ${t.criterion}`;
      const list = of.get(key);
      if (list) list.push(t);
      else of.set(key, [t]);
    }
    prepared = (["inclusion", "exclusion"] as const).flatMap((list) =>
      e[list].map((text, i) => prepareCriterion(list, i, text, of.get(`${list} ${i}`) ?? [])));
    preparedOf.set(e, prepared);
  }
  return prepared;
}

export function screenTrial(record: ScreenInput, patient: Patient): TrialScreen {
  const e = record.eligibility;
  const criteria = prepareScreen(e).map((c) => decidePrepared(c, patient));
  const ageLimits = decideAgeLimits(e, patient);
  let unknown = 0;
  let failed: CriterionResult | undefined;
  for (const c of criteria) {
    if (c.verdict === "unknown") unknown++;
    else if (c.verdict === "fail") failed ??= c;
  }
  const decisive = ageLimits?.verdict === "fail" ? ageLimits.reason : failed ? failed.reason : null;
  return {
    id: record.id,
    verdict: decisive === null ? "possible" : "excluded",
    unknown,
    criteria,
    ageLimits,
    decisive,
  };
}

/** Trials in the order given, each screened. */
export function screenTrials(records: ScreenInput[], patient: Patient): TrialScreen[] {
  return records.map((r) => screenTrial(r, patient));
}
