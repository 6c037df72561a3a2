import type Database from "better-sqlite3";
import { NOT_PRIMARY, registryCode } from "./trial-links";
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
  /** The registries of the trial's registrations (registry codes). */
  registries?: string[];
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
  // Each trial's registries: its own id's and its group's other records' (lib/db/trial-links.ts).
  for (const t of byId.values()) t.registries = [registryCode(t.id)];
  for (const { groupId, trialId } of db.prepare(`SELECT groupId, trialId FROM TrialGroup WHERE groupId IN (${inIds}) AND trialId <> groupId`)
    .all(...ids) as { groupId: string; trialId: string }[]) {
    const t = byId.get(groupId);
    const code = registryCode(trialId);
    if (t && !t.registries!.includes(code)) t.registries!.push(code);
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
  return db.prepare(`SELECT id FROM Trial WHERE id NOT IN (${NOT_PRIMARY}) ORDER BY sourceFile`).pluck().all() as string[];
}

type Row = Record<string, unknown>;

function groupRows<T extends Row>(rows: T[], key: string): Map<unknown, T[]> {
  const out = new Map<unknown, T[]>();
  for (const r of rows) {
    const k = r[key];
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Whole trials' rows as Prisma's include (trialInclude) returns them, read with raw SQL on
 * better-sqlite3: so that a search and its records can be read in one snapshot of one
 * connection (GET /api/trials). SQLite's 0/1 become booleans where Prisma's are; the
 * orders are trialInclude's. (Any order; unknown ids are left out.)
 */
export function readTrialRows(db: Database.Database, ids: string[]): TrialRow[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  const all = (sql: string) => db.prepare(sql).all(...ids) as Row[];
  const byTrial = (sql: string) => groupRows(all(sql), "trialId");
  const trials = all(`SELECT * FROM Trial WHERE id IN (${inIds})`);
  const phases = byTrial(`SELECT * FROM TrialPhase WHERE trialId IN (${inIds})`);
  const conditions = byTrial(`SELECT * FROM Condition WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const otherIds = byTrial(`SELECT * FROM OtherId WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const arms = all(`SELECT * FROM Arm WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const doses = groupRows(db.prepare(`SELECT d.* FROM Dose d JOIN Arm a ON a.id = d.armId WHERE a.trialId IN (${inIds}) ORDER BY d.armId, d.ordinal`).all(...ids) as Row[], "armId");
  const criteria = byTrial(`SELECT * FROM Criterion WHERE trialId IN (${inIds}) ORDER BY kind, ordinal`);
  const outcomes = byTrial(`SELECT * FROM Outcome WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const contacts = byTrial(`SELECT * FROM Contact WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const locations = byTrial(`SELECT * FROM Location WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const references = byTrial(`SELECT * FROM Reference WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const stages = all(`SELECT * FROM Stage WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const groups = groupRows(db.prepare(`SELECT g.* FROM StageGroup g JOIN Stage s ON s.id = g.stageId WHERE s.trialId IN (${inIds}) ORDER BY g.stageId, g.ordinal`).all(...ids) as Row[], "stageId");
  const evidence = byTrial(`SELECT * FROM FieldEvidence WHERE trialId IN (${inIds})`);
  const thresholds = byTrial(`SELECT * FROM Threshold WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const armsOf = groupRows(arms.map((a) => ({ ...a, estimated: a.estimated === 1, doses: doses.get(a.id) ?? [] })), "trialId");
  const stagesOf = groupRows(stages.map((s) => ({ ...s, groups: groups.get(s.id) ?? [] })), "trialId");
  return trials.map((t) => ({
    ...t,
    healthyVolunteers: t.healthyVolunteers === null ? null : t.healthyVolunteers === 1,
    importedAt: new Date(t.importedAt as string),
    phases: phases.get(t.id) ?? [], conditions: conditions.get(t.id) ?? [], otherIds: otherIds.get(t.id) ?? [],
    arms: armsOf.get(t.id) ?? [], criteria: criteria.get(t.id) ?? [], outcomes: outcomes.get(t.id) ?? [],
    contacts: contacts.get(t.id) ?? [], locations: locations.get(t.id) ?? [], references: references.get(t.id) ?? [], stages: stagesOf.get(t.id) ?? [],
    evidence: evidence.get(t.id) ?? [], thresholds: thresholds.get(t.id) ?? [],
  })) as unknown as TrialRow[];
}
