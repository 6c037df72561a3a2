import type Database from "better-sqlite3";
import { inRecordOrder, type TrialRecord } from "../record/schema";
import { rowToRecord } from "./trial-rows";
import { readTrialRows } from "./view-reads";

/**
 * The append-only table of every version of a trial (TrialVersion): written only by
 * `keepVersion`, inside the writer's transaction, and read by the history, a version's
 * permalink, the feeds and the comparison across time. No statement here updates or
 * deletes a version.
 */

/** A version as stored: its number, the record, where it came from and when. */
export interface TrialVersion {
  trialId: string;
  n: number;
  record: TrialRecord;
  sourceFile: string;
  /** sha256 of the source's bytes; null for a version kept from before versions were recorded. */
  sourceHash: string | null;
  importedAt: string;
  firstPosted: string | null;
  lastUpdatePosted: string | null;
  statusVerified: string | null;
}

/** Where a version came from: the source's hash (sha256 of its bytes), when known. */
export interface VersionSource {
  sourceHash?: string | null;
}

/** A version's row as an engine returns it (PostgreSQL's timestamps as Dates). */
export type VersionRow = Omit<TrialVersion, "record" | "importedAt"> & { record: string; importedAt: string | Date };

/** An import time as stored: SQLite's ISO text as it is, PostgreSQL's timestamp as the same ISO text. */
export const isoTime = (t: string | Date): string => (t instanceof Date ? t.toISOString() : t);

/** A version's row → the version (engine-neutral). */
export const decodeVersion = (r: VersionRow): TrialVersion => ({ ...r, importedAt: isoTime(r.importedAt), record: JSON.parse(r.record) as TrialRecord });
const decode = decodeVersion;

/** A record's facts, for "did anything change": everything but where it was read from. */
function factsKey(r: TrialRecord): string {
  const { source: _s, ...facts } = inRecordOrder(r);
  return JSON.stringify(facts);
}

function latestRow(db: Database.Database, id: string): VersionRow | undefined {
  return db.prepare("SELECT * FROM TrialVersion WHERE trialId = ? ORDER BY n DESC LIMIT 1").get(id) as VersionRow | undefined;
}

function insert(db: Database.Database, v: Omit<TrialVersion, "record"> & { record: TrialRecord }): void {
  db.prepare(`INSERT INTO TrialVersion (trialId, n, record, sourceFile, sourceHash, importedAt, firstPosted, lastUpdatePosted, statusVerified)
    VALUES (@trialId, @n, @record, @sourceFile, @sourceHash, @importedAt, @firstPosted, @lastUpdatePosted, @statusVerified)`)
    .run({ ...v, record: JSON.stringify(inRecordOrder(v.record)) });
}

/**
 * Before the writer removes a stored trial's rows: a trial stored before versions were kept
 * has none, so its stored record becomes its version 1 (as stored, no source hash), and
 * nothing is lost when the new record replaces it. Call inside the writer's transaction.
 */
export function keepStoredVersion(db: Database.Database, id: string): void {
  if (latestRow(db, id)) return;
  const [row] = readTrialRows(db, [id]);
  if (!row) return;
  const record = rowToRecord(row);
  const importedAt = (db.prepare("SELECT importedAt FROM Trial WHERE id = ?").get(id) as { importedAt: string | number }).importedAt;
  insert(db, {
    trialId: id, n: 1, record, sourceFile: record.source.file, sourceHash: null,
    importedAt: typeof importedAt === "number" ? new Date(importedAt).toISOString() : importedAt,
    firstPosted: record.firstPosted ?? null, lastUpdatePosted: record.lastUpdatePosted ?? null, statusVerified: record.statusVerified ?? null,
  });
}

/**
 * Appends the record as the trial's next version, unless its facts equal the newest
 * version's (the same source imported again, or another copy saying the same): then
 * nothing is added. Returns the version number added, or null. Call inside the writer's
 * transaction, after `keepStoredVersion`.
 */
export function keepVersion(db: Database.Database, record: TrialRecord, importedAt: string, source: VersionSource = {}): number | null {
  const latest = latestRow(db, record.id);
  if (latest && factsKey(JSON.parse(latest.record) as TrialRecord) === factsKey(record)) return null;
  const n = (latest?.n ?? 0) + 1;
  insert(db, {
    trialId: record.id, n, record, sourceFile: record.source.file, sourceHash: source.sourceHash ?? null, importedAt,
    firstPosted: record.firstPosted ?? null, lastUpdatePosted: record.lastUpdatePosted ?? null, statusVerified: record.statusVerified ?? null,
  });
  return n;
}

/** Every version of a trial, newest first. */
export function readVersions(db: Database.Database, id: string): TrialVersion[] {
  return (db.prepare("SELECT * FROM TrialVersion WHERE trialId = ? ORDER BY n DESC").all(id) as VersionRow[]).map(decode);
}

/** One version of a trial, or null. */
export function readVersion(db: Database.Database, id: string, n: number): TrialVersion | null {
  const row = db.prepare("SELECT * FROM TrialVersion WHERE trialId = ? AND n = ?").get(id, n) as VersionRow | undefined;
  return row ? decode(row) : null;
}

/** How many versions a trial has and when its newest was imported. */
export interface VersionCount { trialId: string; versions: number; latestImportedAt: string }

/** Each trial's version count and newest import time, for these ids (those with none are left out). */
export function readVersionCounts(db: Database.Database, ids: string[]): VersionCount[] {
  const out: VersionCount[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...(db.prepare(`SELECT trialId, max(n) AS versions, max(importedAt) AS latestImportedAt FROM TrialVersion
      WHERE trialId IN (${chunk.map(() => "?").join(", ")}) GROUP BY trialId`).all(...chunk) as VersionCount[]));
  }
  return out;
}

/** A trial's newest version and the one before it (null for a trial's first version). */
export function readLatestPair(db: Database.Database, id: string): { latest: TrialVersion; previous: TrialVersion | null } | null {
  const rows = (db.prepare("SELECT * FROM TrialVersion WHERE trialId = ? ORDER BY n DESC LIMIT 2").all(id) as VersionRow[]).map(decode);
  return rows[0] ? { latest: rows[0], previous: rows[1] ?? null } : null;
}
