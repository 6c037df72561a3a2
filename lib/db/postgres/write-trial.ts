import { createHash } from "node:crypto";
import type pg from "pg";
import {
  contactKey, COUNTED_FIELDS, countsOf, locationKey, MID_WORD, outcomeKey, refuseReplacement, repeatedBlock,
  type RecordCounts, type RecordLists,
} from "../../record/completeness";
import { inRecordOrder, type TrialRecord } from "../../record/schema";
import { slugForFile } from "../../ingest/resolve";
import { encodeDirectFields } from "../direct-fields";
import { LOCATION_COLUMNS, REFERENCE_COLUMNS, locationRows, referenceRows, resultsColumns, type ResultsColumns } from "../sites";
import { keysOf, primaryOf } from "../trial-links";
import { WriteRefusedError, type TrialToWrite, type WriteOptions, type WriteResult } from "../write-trial";
import { indexTrial } from "./fts";

/**
 * lib/db/write-trial.ts on PostgreSQL: one imported trial in one transaction, the same
 * tables and rows, the same refusals (another trial's file name, a cut-off copy), the
 * same versions (TrialVersion) and registry links (RegistryKey, TrialGroup), and the
 * full-text row (trial_fts) in the same transaction.
 *
 * Writers take turns: each write transaction first takes one transaction-level advisory
 * lock, as SQLite's `BEGIN IMMEDIATE` admits one writer at a time. Two imports of the same
 * trial from two machines at once therefore run one after the other, and end with one
 * trial (the second replaces the first, as a re-import does); the version numbers and the
 * registry groups, which span several trials, are computed by one writer at a time.
 * Readers are never blocked (MVCC).
 */

/** pg_advisory_xact_lock key of writers: the first 8 bytes of sha256("msc-liver-registry writes"). */
export const WRITE_LOCK = createHash("sha256").update("msc-liver-registry writes").digest().readBigInt64BE(0).toString();

const NCT = /^NCT\d{8}$/;
type Row = { id: string; sourceFile: string };
type Db = pg.ClientBase;

const one = async <T,>(db: Db, sql: string, params: unknown[]): Promise<T | undefined> =>
  (await db.query(sql, params)).rows[0] as T | undefined;

async function storedCounts(db: Db, id: string): Promise<{ counts: RecordCounts; endsMidWord: boolean } | null> {
  const filled = COUNTED_FIELDS.map(([column]) => `("${column}" IS NOT NULL)::int`).join(" + ");
  const count = (table: string, where = "") => `(SELECT count(*)::int FROM "${table}" WHERE "trialId" = t.id${where})`;
  const row = await one<RecordCounts & { warnings: string }>(db, `SELECT ${filled} AS fields,
      ${count("Criterion", ` AND kind = 'INCLUSION'`)} AS inclusion, ${count("Criterion", ` AND kind = 'EXCLUSION'`)} AS exclusion,
      ${count("Arm")} AS arms, (SELECT count(*)::int FROM "Dose" JOIN "Arm" ON "Dose"."armId" = "Arm".id WHERE "Arm"."trialId" = t.id) AS doses,
      ${count("Outcome")} AS outcomes, ${count("Contact")} AS contacts, ${count("Location")} AS locations,
      json_array_length(keywords::json) AS keywords, ${count("OtherId")} AS "otherIds", ${count("Condition")} AS conditions,
      warnings
    FROM "Trial" t WHERE id = $1`, [id]);
  if (!row) return null;
  const { warnings, ...counts } = row;
  return { counts, endsMidWord: (JSON.parse(warnings) as string[]).some((w) => w.startsWith(MID_WORD)) };
}

async function storedLists(db: Db, id: string): Promise<RecordLists> {
  const col = async (sql: string) => (await db.query<{ v: string }>(sql, [id])).rows.map((r) => r.v);
  const rows = async <T,>(sql: string) => (await db.query(sql, [id])).rows as T[];
  const json = async (column: string) => JSON.parse((await one<{ v: string }>(db, `SELECT ${column} AS v FROM "Trial" WHERE id = $1`, [id]))!.v) as string[];
  return {
    arms: await col(`SELECT label AS v FROM "Arm" WHERE "trialId" = $1 ORDER BY ordinal`),
    inclusion: await col(`SELECT text AS v FROM "Criterion" WHERE "trialId" = $1 AND kind = 'INCLUSION' ORDER BY ordinal`),
    exclusion: await col(`SELECT text AS v FROM "Criterion" WHERE "trialId" = $1 AND kind = 'EXCLUSION' ORDER BY ordinal`),
    outcomes: (await rows<Parameters<typeof outcomeKey>[0]>(`SELECT kind, measure, "timeFrame", description FROM "Outcome" WHERE "trialId" = $1 ORDER BY ordinal`)).map(outcomeKey),
    contacts: (await rows<Parameters<typeof contactKey>[0]>(`SELECT role, name, phone, email, affiliation FROM "Contact" WHERE "trialId" = $1 ORDER BY ordinal`)).map(contactKey),
    locations: (await rows<Parameters<typeof locationKey>[0]>(`SELECT facility, city, region, country FROM "Location" WHERE "trialId" = $1 ORDER BY ordinal`)).map(locationKey),
    keywords: await json("keywords"),
    conditions: await col(`SELECT name AS v FROM "Condition" WHERE "trialId" = $1 ORDER BY ordinal`),
    otherIds: await col(`SELECT value AS v FROM "OtherId" WHERE "trialId" = $1 ORDER BY ordinal`),
    interventions: await json("interventions"),
  };
}

const nullableMax = (xs: (number | null)[]) => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? Math.max(...known) : null;
};

async function trialOfFile(db: Db, r: TrialRecord): Promise<{ own: Row | null; other: Row | null }> {
  const row = await one<Row>(db, `SELECT id, "sourceFile" FROM "Trial" WHERE "sourceFile" = $1 AND id <> $2`, [r.source.file, r.id]);
  if (!row) return { own: null, other: null };
  const ownSlug = !NCT.test(row.id) && row.id === slugForFile(r.source.file) && NCT.test(r.id);
  return ownSlug ? { own: row, other: null } : { own: null, other: row };
}

function refuseOtherTrial(r: TrialRecord, other: Row): WriteRefusedError {
  const names = NCT.test(r.id) ? `names ${r.id}` : `names no NCT id (it would be the trial ${r.id})`;
  const lost = NCT.test(other.id) ? ` (has its "${other.id}" line been lost?)` : "";
  return new WriteRefusedError(`refused: ${other.id} was imported from a file of this name, but this file ${names}: ` +
    `it is not a copy of ${other.id} and must not replace it. Check the file${lost}, rename it to import it as another trial, ` +
    `or use --force to store it as ${r.id} beside ${other.id}`);
}

/** A record's facts, for "did anything change": everything but where it was read from (lib/db/versions.ts). */
function factsKey(r: TrialRecord): string {
  const { source: _s, ...facts } = inRecordOrder(r);
  return JSON.stringify(facts);
}

/** lib/db/versions.ts keepVersion: the record as the trial's next version unless its facts equal the newest's. */
async function keepVersion(db: Db, r: TrialRecord, importedAt: string, sourceHash: string | null): Promise<number | null> {
  const latest = await one<{ n: number; record: string }>(db, `SELECT n, record FROM "TrialVersion" WHERE "trialId" = $1 ORDER BY n DESC LIMIT 1`, [r.id]);
  if (latest && factsKey(JSON.parse(latest.record) as TrialRecord) === factsKey(r)) return null;
  const n = (latest?.n ?? 0) + 1;
  await db.query(`INSERT INTO "TrialVersion" ("trialId", n, record, "sourceFile", "sourceHash", "importedAt", "firstPosted", "lastUpdatePosted", "statusVerified")
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
  [r.id, n, JSON.stringify(inRecordOrder(r)), r.source.file, sourceHash, importedAt, r.firstPosted ?? null, r.lastUpdatePosted ?? null, r.statusVerified ?? null]);
  return n;
}

async function groupMembers(db: Db, id: string): Promise<string[]> {
  const { rows } = await db.query<{ trialId: string }>(`SELECT "trialId" FROM "TrialGroup" WHERE "groupId" = (SELECT "groupId" FROM "TrialGroup" WHERE "trialId" = $1)`, [id]);
  return rows.length ? rows.map((r) => r.trialId) : [id];
}

async function component(db: Db, start: string): Promise<string[]> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const { rows } = await db.query<{ trialId: string }>(`SELECT DISTINCT b."trialId" FROM "RegistryKey" a JOIN "RegistryKey" b ON a.key = b.key
      WHERE a."trialId" = $1 AND b."trialId" <> a."trialId" AND (a.own OR b.own)`, [queue.pop()!]);
    for (const { trialId } of rows) if (!seen.has(trialId)) (seen.add(trialId), queue.push(trialId));
  }
  return [...seen];
}

/** lib/db/trial-links.ts linkTrial: the record's registry keys, and the groups of it and its former group mates. */
async function linkTrial(db: Db, r: TrialRecord, formerMates: string[]): Promise<void> {
  await db.query(`DELETE FROM "RegistryKey" WHERE "trialId" = $1`, [r.id]);
  for (const k of keysOf(r.id, r.nctId, r.otherIds)) {
    await db.query(`INSERT INTO "RegistryKey" ("trialId", key, own, text) VALUES ($1, $2, $3, $4)`, [r.id, k.key, k.own, k.text]);
  }
  const done = new Set<string>();
  for (const id of [r.id, ...formerMates]) {
    if (done.has(id) || !(await one(db, `SELECT 1 FROM "Trial" WHERE id = $1`, [id]))) continue;
    const members = await component(db, id);
    const primary = primaryOf(members);
    for (const m of members) {
      done.add(m);
      await db.query(`INSERT INTO "TrialGroup" ("trialId", "groupId") VALUES ($1, $2) ON CONFLICT ("trialId") DO UPDATE SET "groupId" = EXCLUDED."groupId"`, [m, primary]);
    }
  }
}

/** The results columns with PostgreSQL's booleans for SQLite's 0/1. */
function postgresFlags(c: ResultsColumns): Record<string, unknown> {
  const b = (v: ResultsColumns["resultsPosted"]) => (v === null ? null : v === true || v === 1);
  return { ...c, resultsPosted: b(c.resultsPosted), referencesListed: b(c.referencesListed) };
}

async function insertRows(db: Db, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  // One statement for all rows of a table (pg's limit is 65,535 parameters: chunks of rows below it).
  const per = Math.max(1, Math.floor(60000 / cols.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(", ")})`).join(", ");
    await db.query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`, chunk.flat());
  }
}

/**
 * Writes one imported trial in one transaction on `db` (a client of its own: the caller
 * must not be in a transaction). See lib/db/write-trial.ts writeTrial for what is written
 * and refused; the result is the same.
 */
export async function writeTrialPostgres(db: Db, { record: incoming, evidence, endsMidWord, sourceHash }: TrialToWrite, options: WriteOptions = {}): Promise<WriteResult> {
  await db.query("BEGIN");
  try {
    await db.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
    let r = incoming;
    const same = await one<Row>(db, `SELECT id, "sourceFile" FROM "Trial" WHERE id = $1`, [r.id]);
    const besideName = `${r.source.file}#${r.id}`;
    const { own, other } = await trialOfFile(db, r);
    if (other && !options.force && same?.sourceFile !== besideName) throw refuseOtherTrial(r, other);
    if (other) r = { ...r, source: { ...r.source, file: besideName } };
    const stored = options.force ? null : await storedCounts(db, r.id);
    const unprotected = stored ? repeatedBlock(await storedLists(db, r.id))?.message ?? null : null;
    if (stored && !unprotected) {
      const refusal = refuseReplacement({
        id: r.id, stored: stored.counts, storedEndsMidWord: stored.endsMidWord,
        incoming: countsOf(r), incomingEndsMidWord: endsMidWord,
      });
      if (refusal) throw new WriteRefusedError(refusal);
    }
    const replaced = [same, own].filter((x): x is Row => !!x);
    const formerMates = (await Promise.all(replaced.map((old) => groupMembers(db, old.id)))).flat().filter((id) => id !== r.id);
    // A PostgreSQL database keeps versions from its first import: every stored trial has
    // its versions already (SQLite's keepStoredVersion is for files from before versions).
    const importedAt = new Date().toISOString();
    const version = await keepVersion(db, r, importedAt, sourceHash ?? null);
    for (const old of replaced) await db.query(`DELETE FROM "Trial" WHERE id = $1`, [old.id]); // children and trial_fts cascade
    const row: Record<string, unknown> = {
      ...encodeDirectFields(r),
      id: r.id, sourceFile: r.source.file, sourceFormat: r.source.format,
      allocation: r.design.allocation, interventionModel: r.design.interventionModel, masking: r.design.masking,
      enrollmentCount: r.enrollment?.count ?? null, enrollmentType: r.enrollment?.type ?? null,
      startDate: r.dates.start, primaryCompletionDate: r.dates.primaryCompletion, completionDate: r.dates.completion,
      minAgeYears: r.eligibility.minAgeYears, maxAgeYears: r.eligibility.maxAgeYears, sex: r.eligibility.sex,
      healthyVolunteers: r.eligibility.healthyVolunteers,
      referenceWeightKg: r.referenceWeightKg,
      maxCellsPerKg: nullableMax(r.arms.map((a) => a.summary.cellsPerKgPerInfusion)),
      ...postgresFlags(resultsColumns(r)),
      importedAt,
    };
    const columns = Object.keys(row);
    await insertRows(db, "Trial", columns, [columns.map((c) => row[c])]);
    await insertRows(db, "TrialPhase", ["trialId", "phase"], r.phases.map((p) => [r.id, p]));
    await insertRows(db, "Condition", ["trialId", "ordinal", "name"], r.conditions.map((c, i) => [r.id, i, c]));
    await insertRows(db, "OtherId", ["trialId", "ordinal", "value"], r.otherIds.map((v, i) => [r.id, i, v]));
    await insertRows(db, "Criterion", ["trialId", "kind", "ordinal", "text"], [
      ...r.eligibility.inclusion.map((t, i) => [r.id, "INCLUSION", i, t]),
      ...r.eligibility.exclusion.map((t, i) => [r.id, "EXCLUSION", i, t]),
    ]);
    await insertRows(db, "Threshold", ["trialId", "ordinal", "list", "criterion", "group", "analyte", "op", "value", "max", "unit", "relativeTo", "text", "start", "end"],
      r.eligibility.thresholds.map((t, i) => [r.id, i, t.list, t.criterion, t.group, t.analyte, t.op, t.value, t.max, t.unit, t.relativeTo, t.text, t.start, t.end]));
    await insertRows(db, "Outcome", ["trialId", "kind", "ordinal", "measure", "timeFrame", "description"],
      r.outcomes.map((o, i) => [r.id, o.kind ?? "UNSPECIFIED", i, o.measure, o.timeFrame, o.description]));
    await insertRows(db, "Contact", ["trialId", "ordinal", "role", "name", "phone", "email", "affiliation"],
      r.contacts.map((c, i) => [r.id, i, c.role, c.name, c.phone, c.email, c.affiliation]));
    await insertRows(db, "Location", [...LOCATION_COLUMNS], locationRows(r));
    await insertRows(db, "Reference", [...REFERENCE_COLUMNS], referenceRows(r));
    await insertRows(db, "FieldEvidence", ["trialId", "path", "origin", "text"],
      Object.entries(evidence).map(([path, e]) => [r.id, path, e.origin, e.text]));
    for (const [i, a] of r.arms.entries()) {
      const s = a.summary;
      const { id: armId } = (await one<{ id: number }>(db, `INSERT INTO "Arm" ("trialId", ordinal, label, type, description, "cellsPerKgPerInfusion",
        estimated, "activeInfusions", "cumulativeCellsPerKg", route, "routeText", "cellSource", "cellSourceText", "cellOrigin", "cellOriginText")
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [r.id, i, a.label, a.type, a.description, s.cellsPerKgPerInfusion, s.estimated, s.activeInfusions, s.cumulativeCellsPerKg,
        a.route?.value ?? null, a.route?.text ?? null, a.cellSource?.value ?? null, a.cellSource?.text ?? null,
        a.cellOrigin?.value ?? null, a.cellOrigin?.text ?? null]))!;
      await insertRows(db, "Dose", ["armId", "ordinal", "product", "cellsPerKg", "cellsPerInfusion", "infusions", "dayOffsets", "text", "rangeMin", "rangeMax", "rangeUnit", "unstated", "schedulePhases"],
        a.doses.map((d, j) => [armId, j, d.product, d.cellsPerKg, d.cellsPerInfusion, d.infusions,
          d.dayOffsets ? JSON.stringify(d.dayOffsets) : null, d.text, d.range?.min ?? null, d.range?.max ?? null, d.range?.unit ?? null,
          d.unstated ? JSON.stringify(d.unstated) : null, d.schedulePhases ? JSON.stringify(d.schedulePhases) : null]));
    }
    for (const [i, s] of r.stages.entries()) {
      const { id: stageId } = (await one<{ id: number }>(db, `INSERT INTO "Stage" ("trialId", ordinal, label, description, text) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [r.id, i, s.label, s.description, s.text]))!;
      await insertRows(db, "StageGroup", ["stageId", "ordinal", "label", "ratio", "count", "armOrdinals", "fromGroup"],
        s.groups.map((g, j) => [stageId, j, g.label, g.ratio, g.count, JSON.stringify(g.armOrdinals), g.fromGroup]));
    }
    await indexTrial(db, r);
    await linkTrial(db, r, formerMates);
    await db.query("COMMIT");
    return { replaced: replaced.filter((x) => !(x.id === r.id && x.sourceFile === r.source.file)), beside: other, sourceFile: r.source.file, unprotected, version };
  } catch (e) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
