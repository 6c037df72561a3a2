import type Database from "better-sqlite3";
import type { Arm, TrialRecord } from "../record/schema";
import { armFacts, doseFromRow, thresholdFromRow, type TrialRow } from "./trial-rows";

/**
 * The rows a view of many trials needs, and nothing else: the dose landscape reads one
 * row per MSC arm and its doses, the patient screen the criteria, thresholds and age
 * limits. Decoded by the same functions as whole records (trial-rows.ts), so a value
 * reads the same here as on the trial's page. Call with a chunk of ids at a time, inside
 * one snapshot (lib/db/read-connection.ts), to read thousands of trials in slices.
 */

const placeholders = (n: number) => Array(n).fill("?").join(",");

/** A trial as the landscape reads it. */
export type LandscapeTrial = Pick<TrialRecord, "id" | "title" | "overallStatus" | "enrollment" | "cellSource"> & {
  /**
   * Only its arms with an MSC dose, each at its index in the record's arm list (a sparse
   * array: `forEach` and `map` pass that index, as over the whole list).
   */
  arms: LandscapeArm[];
};
export type LandscapeArm = Pick<Arm, "label" | "doses" | "route" | "cellSource" | "cellOrigin">;

type ArmRow = Pick<TrialRow["arms"][number], "id" | "trialId" | "label" | "route" | "routeText" | "cellSource" | "cellSourceText" | "cellOrigin" | "cellOriginText"> & { armIndex: number };
type DoseRow = TrialRow["arms"][number]["doses"][number];

/** The landscape's trials with these ids (any order; unknown ids are left out). */
export function readLandscapeTrials(db: Database.Database, ids: string[]): LandscapeTrial[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  const trials = db.prepare(`SELECT id, title, overallStatus, enrollmentCount, enrollmentType, cellSource FROM Trial WHERE id IN (${inIds})`)
    .all(...ids) as { id: string; title: string | null; overallStatus: string | null; enrollmentCount: number | null; enrollmentType: string | null; cellSource: string | null }[];
  // An arm's index counts every arm of its trial; only those with an MSC dose are kept.
  const arms = db.prepare(`SELECT * FROM (SELECT id, trialId, label, route, routeText, cellSource, cellSourceText, cellOrigin, cellOriginText,
      row_number() OVER (PARTITION BY trialId ORDER BY ordinal) - 1 AS armIndex FROM Arm WHERE trialId IN (${inIds})) a
    WHERE EXISTS (SELECT 1 FROM Dose d WHERE d.armId = a.id AND d.product = 'MSC')`).all(...ids) as ArmRow[];
  const doses = db.prepare(`SELECT d.* FROM Dose d WHERE d.armId IN (SELECT value FROM json_each(?)) ORDER BY d.armId, d.ordinal`)
    .all(JSON.stringify(arms.map((a) => a.id))) as DoseRow[];
  const dosesOf = new Map<number, Arm["doses"]>();
  for (const d of doses) {
    const list = dosesOf.get(d.armId);
    if (list) list.push(doseFromRow(d));
    else dosesOf.set(d.armId, [doseFromRow(d)]);
  }
  const byId = new Map<string, LandscapeTrial>(trials.map((t) => [t.id, {
    id: t.id, title: t.title, overallStatus: t.overallStatus as TrialRecord["overallStatus"], cellSource: t.cellSource as TrialRecord["cellSource"],
    enrollment: t.enrollmentCount === null ? null : { count: t.enrollmentCount, type: t.enrollmentType as "ESTIMATED" | "ACTUAL" | null },
    arms: [],
  }]));
  for (const a of arms) {
    const t = byId.get(a.trialId);
    if (t) t.arms[a.armIndex] = { label: a.label, doses: dosesOf.get(a.id) ?? [], ...armFacts(a) };
  }
  return [...byId.values()];
}

/** A trial as the patient screen reads it. */
export type ScreenTrial = Pick<TrialRecord, "id"> & {
  eligibility: Pick<TrialRecord["eligibility"], "minAgeYears" | "maxAgeYears" | "inclusion" | "exclusion" | "thresholds">;
};

/** The screen's trials with these ids (any order; unknown ids are left out). */
export function readScreenTrials(db: Database.Database, ids: string[]): ScreenTrial[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  const trials = db.prepare(`SELECT id, minAgeYears, maxAgeYears FROM Trial WHERE id IN (${inIds})`).all(...ids) as { id: string; minAgeYears: number | null; maxAgeYears: number | null }[];
  const byId = new Map<string, ScreenTrial>(trials.map((t) => [t.id, {
    id: t.id, eligibility: { minAgeYears: t.minAgeYears, maxAgeYears: t.maxAgeYears, inclusion: [], exclusion: [], thresholds: [] },
  }]));
  const criteria = db.prepare(`SELECT trialId, kind, text FROM Criterion WHERE trialId IN (${inIds}) ORDER BY trialId, kind, ordinal`)
    .all(...ids) as { trialId: string; kind: string; text: string }[];
  for (const c of criteria) {
    const e = byId.get(c.trialId)?.eligibility;
    if (c.kind === "INCLUSION") e?.inclusion.push(c.text);
    else if (c.kind === "EXCLUSION") e?.exclusion.push(c.text);
  }
  const thresholds = db.prepare(`SELECT * FROM Threshold WHERE trialId IN (${inIds}) ORDER BY trialId, ordinal`).all(...ids) as TrialRow["thresholds"];
  for (const th of thresholds) byId.get(th.trialId)?.eligibility.thresholds.push(thresholdFromRow(th));
  return [...byId.values()];
}

/** Every trial's id in source-file order (the order of the export and of GET /api/screen without ids). */
export function readAllIds(db: Database.Database): string[] {
  return db.prepare("SELECT id FROM Trial ORDER BY sourceFile").pluck().all() as string[];
}
