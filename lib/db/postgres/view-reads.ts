import type pg from "pg";
import type { TrialRow } from "../trial-rows";
import { rowToRecord } from "../trial-rows";
import { recordRows } from "../record-rows";
import { landscapeFromView, screenFromView, viewOfRows, type TrialViewRow } from "../trial-views";
import { FACET_VIEW_FORMAT } from "../search-reads";
import { bumpDataVersion, upsertTrialView, WRITE_LOCK } from "./write-trial";
import { assembleTrialRows, groupRows, landscapeFromRows, screenFromRows, type LandscapeTrial, type ScreenTrial } from "../view-reads";
import { NOT_PRIMARY } from "./search-reads";

/**
 * lib/db/view-reads.ts on PostgreSQL: whole trials' rows (assembled by the same
 * assembleTrialRows, so rowToRecord decodes them to the same records), and the heavy views'
 * rows from TrialView, decoded by the same functions. Ids are one bound array each.
 */

type Db = pg.ClientBase;
type Row = Record<string, unknown>;

const all = async (db: Db, sql: string, params: unknown[]) => (await db.query(sql, params)).rows as Row[];

/** Whole trials' rows (any order; unknown ids left out), as lib/db/view-reads.ts readTrialRows gives them. */
export async function readTrialRows(db: Db, ids: string[]): Promise<TrialRow[]> {
  if (!ids.length) return [];
  const p = [ids];
  const byTrial = async (sql: string) => groupRows(await all(db, sql, p), "trialId");
  const IN = `"trialId" = ANY($1::text[])`;
  return assembleTrialRows({
    trials: await all(db, `SELECT * FROM "Trial" WHERE id = ANY($1::text[])`, p),
    phases: await byTrial(`SELECT * FROM "TrialPhase" WHERE ${IN}`),
    conditions: await byTrial(`SELECT * FROM "Condition" WHERE ${IN} ORDER BY ordinal`),
    otherIds: await byTrial(`SELECT * FROM "OtherId" WHERE ${IN} ORDER BY ordinal`),
    arms: await all(db, `SELECT * FROM "Arm" WHERE ${IN} ORDER BY ordinal`, p),
    doses: groupRows(await all(db, `SELECT d.* FROM "Dose" d JOIN "Arm" a ON a.id = d."armId" WHERE a."trialId" = ANY($1::text[]) ORDER BY d."armId", d.ordinal`, p), "armId"),
    criteria: await byTrial(`SELECT * FROM "Criterion" WHERE ${IN} ORDER BY kind COLLATE "C", ordinal`),
    outcomes: await byTrial(`SELECT * FROM "Outcome" WHERE ${IN} ORDER BY ordinal`),
    contacts: await byTrial(`SELECT * FROM "Contact" WHERE ${IN} ORDER BY ordinal`),
    locations: await byTrial(`SELECT * FROM "Location" WHERE ${IN} ORDER BY ordinal`),
    references: await byTrial(`SELECT * FROM "Reference" WHERE ${IN} ORDER BY ordinal`),
    stages: await all(db, `SELECT * FROM "Stage" WHERE ${IN} ORDER BY ordinal`, p),
    groups: groupRows(await all(db, `SELECT g.* FROM "StageGroup" g JOIN "Stage" s ON s.id = g."stageId" WHERE s."trialId" = ANY($1::text[]) ORDER BY g."stageId", g.ordinal`, p), "stageId"),
    evidence: await byTrial(`SELECT * FROM "FieldEvidence" WHERE ${IN} ORDER BY path COLLATE "C"`),
    thresholds: await byTrial(`SELECT * FROM "Threshold" WHERE ${IN} ORDER BY ordinal`),
  });
}

/**
 * The view rows of these stored trials as the writer makes them, from their stored rows
 * (the record they decode to, its rows, viewOfRows): for a trial stored without one.
 */
export async function liveViews(db: Db, ids: string[]): Promise<Map<string, TrialViewRow>> {
  const out = new Map<string, TrialViewRow>();
  for (const row of await readTrialRows(db, ids)) {
    const evidence = Object.fromEntries(row.evidence.map((e) => [e.path, { origin: e.origin, text: e.text }]));
    out.set(row.id, viewOfRows(recordRows(rowToRecord(row), evidence as Parameters<typeof recordRows>[1], row.importedAt.toISOString())));
  }
  return out;
}

/** The landscape's trials with these ids (any order; unknown ids are left out). */
export async function readLandscapeTrials(db: Db, ids: string[]): Promise<LandscapeTrial[]> {
  if (!ids.length) return [];
  const rows = (await all(db, `SELECT "trialId", landscape FROM "TrialView" WHERE "trialId" = ANY($1::text[])`, [ids])) as { trialId: string; landscape: string }[];
  const have = new Set(rows.map((r) => r.trialId));
  const missing = rows.length < ids.length ? await liveViews(db, ids.filter((id) => !have.has(id))) : new Map();
  const links = (await all(db, `SELECT "groupId", "trialId" FROM "TrialGroup" WHERE "groupId" = ANY($1::text[]) AND "trialId" <> "groupId"`, [ids])) as { groupId: string; trialId: string }[];
  const withResults = (await all(db, `SELECT DISTINCT "trialId" FROM "Reference" WHERE type = 'RESULT' AND "trialId" = ANY($1::text[])`, [ids])).map((r) => r.trialId as string);
  return landscapeFromRows(ids, rows, () => [...missing].map(([id, v]) => landscapeFromView(id, v.landscape)), links, withResults);
}

/** The screen's trials with these ids (any order; unknown ids are left out). */
export async function readScreenTrials(db: Db, ids: string[]): Promise<ScreenTrial[]> {
  if (!ids.length) return [];
  const rows = (await all(db, `SELECT "trialId", screen FROM "TrialView" WHERE "trialId" = ANY($1::text[])`, [ids])) as { trialId: string; screen: string }[];
  const have = new Set(rows.map((r) => r.trialId));
  const missing = rows.length < ids.length ? await liveViews(db, ids.filter((id) => !have.has(id))) : new Map();
  return screenFromRows(ids, rows, () => [...missing].map(([id, v]) => screenFromView(id, v.screen)));
}

/** Every listed trial's id in source-file order. */
export async function readAllIds(db: Db): Promise<string[]> {
  return (await all(db, `SELECT id FROM "Trial" WHERE id NOT IN (${NOT_PRIMARY}) ORDER BY "sourceFile" COLLATE "C"`, [])).map((r) => r.id as string);
}

/** Every stored record's id in source-file order. */
export async function readRecordIds(db: Db): Promise<string[]> {
  return (await all(db, `SELECT id FROM "Trial" ORDER BY "sourceFile" COLLATE "C"`, [])).map((r) => r.id as string);
}

/**
 * Writes the missing view rows (a database written before the writer wrote them) and those
 * whose facet row is of another format (FACET_VIEW_FORMAT), in one transaction on `db`;
 * returns how many. Run when the database is prepared.
 */
export async function backfillTrialViews(db: Db): Promise<number> {
  await db.query("BEGIN");
  try {
    // As a writer (lib/db/postgres/write-trial.ts): an import meanwhile waits, so no row written here is older than its trial.
    await db.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    const ids = (await all(db, `SELECT id FROM "Trial" t WHERE NOT EXISTS (SELECT 1 FROM "TrialView" v WHERE v."trialId" = t.id AND v."facetFormat" = $1)`,
      [FACET_VIEW_FORMAT])).map((r) => r.id as string);
    for (let i = 0; i < ids.length; i += 200) {
      for (const [id, v] of await liveViews(db, ids.slice(i, i + 200))) await upsertTrialView(db, id, v);
    }
    if (ids.length) await bumpDataVersion(db);
    await db.query("COMMIT");
    return ids.length;
  } catch (e) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
