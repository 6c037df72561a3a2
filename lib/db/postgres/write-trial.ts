import { createHash } from "node:crypto";
import type pg from "pg";
import {
  contactKey, COUNTED_FIELDS, countsOf, locationKey, MID_WORD, outcomeKey, refuseReplacement, repeatedBlock,
  type RecordCounts, type RecordLists,
} from "../../record/completeness";
import { inRecordOrder, type TrialRecord } from "../../record/schema";
import { slugForFile } from "../../ingest/resolve";
import { quoted, recordRows, type RecordRows } from "../record-rows";
import { viewOfRows, type TrialViewRow } from "../trial-views";
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

async function insertRows(db: Db, table: string, cols: readonly string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  // One statement for all rows of a table (pg's limit is 65,535 parameters: chunks of rows below it).
  const per = Math.max(1, Math.floor(60000 / cols.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const values = chunk.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(", ")})`).join(", ");
    await db.query(`INSERT INTO "${table}" (${cols.map(quoted).join(", ")}) VALUES ${values}`, chunk.flat());
  }
}

/** Writes (or replaces) a trial's view row, in the caller's transaction. */
export async function upsertTrialView(db: Db, trialId: string, v: TrialViewRow): Promise<void> {
  await db.query(`INSERT INTO "TrialView" ("trialId", landscape, screen, facet, "facetHash", "facetFormat") VALUES ($1, $2, $3, $4, $5, $6)
    ON CONFLICT ("trialId") DO UPDATE SET landscape = EXCLUDED.landscape, screen = EXCLUDED.screen, facet = EXCLUDED.facet,
      "facetHash" = EXCLUDED."facetHash", "facetFormat" = EXCLUDED."facetFormat"`,
  [trialId, v.landscape, v.screen, v.facet, v.facetHash, v.facetFormat]);
}

/** Inserts a record's rows (lib/db/record-rows.ts) and its view row (decoded from the same rows, as on SQLite), in the writer's transaction. */
async function insertRecordRows(db: Db, rows: RecordRows): Promise<void> {
  const trialColumns = Object.keys(rows.trial);
  await insertRows(db, "Trial", trialColumns, [trialColumns.map((c) => rows.trial[c])]);
  for (const t of rows.tables) await insertRows(db, t.table, t.columns, t.rows);
  for (const p of rows.parents) {
    const { id } = (await one<{ id: number }>(db, `INSERT INTO "${p.table}" (${p.columns.map(quoted).join(", ")})
      VALUES (${p.columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`, p.row))!;
    await insertRows(db, p.children.table, p.children.columns, p.children.rows.map((row) => [id, ...row.slice(1)]));
  }
  const view = viewOfRows(rows);
  await upsertTrialView(db, rows.trial.id as string, view);
}

/**
 * The data version readers key their caches on (Reader.dataVersion): one counter row,
 * bumped in every write transaction, so it moves exactly when a write commits and a
 * snapshot reads the count of the writes it sees.
 */
export async function bumpDataVersion(db: Db): Promise<void> {
  await db.query(`UPDATE registry_version SET n = n + 1`);
}

/**
 * Writes one imported trial in one transaction on `db` (a client of its own: the caller
 * must not be in a transaction). See lib/db/write-trial.ts writeTrial for what is written
 * and refused; the result is the same.
 */
export async function writeTrialPostgres(db: Db, { record: incoming, evidence, endsMidWord, sourceHash }: TrialToWrite, options: WriteOptions = {}): Promise<WriteResult> {
  // PostgreSQL's text cannot hold U+0000 (SQLite's can): refused by name, before anything is written.
  const nul = JSON.stringify({ incoming, evidence }).indexOf("\\u0000");
  if (nul >= 0) {
    throw new WriteRefusedError(`refused: the record holds a NUL character (U+0000), which PostgreSQL cannot store; remove it from the source (near "${JSON.stringify({ incoming, evidence }).slice(Math.max(0, nul - 40), nul).replace(/^[^"]*"/, "")}")`);
  }
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
    await insertRecordRows(db, recordRows(r, evidence, importedAt));
    await indexTrial(db, r);
    await linkTrial(db, r, formerMates);
    await bumpDataVersion(db);
    await db.query("COMMIT");
    return { replaced: replaced.filter((x) => !(x.id === r.id && x.sourceFile === r.source.file)), beside: other, sourceFile: r.source.file, unprotected, version };
  } catch (e) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
