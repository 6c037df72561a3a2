import type Database from "better-sqlite3";
import {
  contactKey, COUNTED_FIELDS, countsOf, locationKey, MID_WORD, outcomeKey, refuseReplacement, repeatedBlock,
  type RecordCounts, type RecordLists,
} from "../record/completeness";
import type { Evidence, TrialRecord } from "../record/schema";
import { quoted, recordRows, type RecordRows } from "./record-rows";
import { indexTrial, unindexTrial } from "./search-index";
import { slugForFile } from "../ingest/resolve";
import { keepStoredVersion, keepVersion } from "./versions";
import { groupMembers, linkTrial } from "./trial-links";
import { viewOfRows } from "./trial-views";

const NCT = /^NCT\d{8}$/;

/** A trial as the importer hands it over: the record and the evidence behind its values. */
export interface TrialToWrite {
  record: TrialRecord;
  evidence: Record<string, Evidence>;
  /** The last word of a source file that seems cut off in the middle of it, or null. */
  endsMidWord: string | null;
  /** sha256 of the source's bytes (kept with the version it makes), when the caller has them. */
  sourceHash?: string | null;
}

/** A write refused to keep what is stored (another trial's file name, a cut-off copy). */
export class WriteRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefusedError";
  }
}

export interface WriteResult {
  /** The trial this write replaced under its own id when it came from another file. */
  replaced: { id: string; sourceFile: string }[];
  /**
   * Another trial stored from a file of this name, left as it is: with `force`, this
   * record is stored beside it under the name `file#id`.
   */
  beside: { id: string; sourceFile: string } | null;
  /** The name the record is stored under (its file's name, or `file#id` beside another trial). */
  sourceFile: string;
  /** Why the stored version was not protected by the cut-off check (it held a block twice), or null. */
  unprotected: string | null;
  /** The version this write added (1, 2, …), or null when the record equals the newest version. */
  version: number | null;
}

export interface WriteOptions {
  /**
   * Replace the stored trial even when the new record holds less of it (looks cut off);
   * store a record whose file name another trial holds beside that trial (never over it).
   */
  force?: boolean;
}

/** The stored trial's counts (as countsOf gives them for a record), or null if none is stored. */
function storedCounts(db: Database.Database, id: string): { counts: RecordCounts; endsMidWord: boolean } | null {
  const filled = COUNTED_FIELDS.map(([column]) => `(${column} IS NOT NULL)`).join(" + ");
  const count = (table: string, where = "") => `(SELECT count(*) FROM ${table} WHERE trialId = t.id${where})`;
  const row = db.prepare(`SELECT ${filled} AS fields,
      ${count("Criterion", " AND kind = 'INCLUSION'")} AS inclusion, ${count("Criterion", " AND kind = 'EXCLUSION'")} AS exclusion,
      ${count("Arm")} AS arms, (SELECT count(*) FROM Dose JOIN Arm ON Dose.armId = Arm.id WHERE Arm.trialId = t.id) AS doses,
      ${count("Outcome")} AS outcomes, ${count("Contact")} AS contacts, ${count("Location")} AS locations,
      json_array_length(keywords) AS keywords, ${count("OtherId")} AS otherIds, ${count("Condition")} AS conditions,
      warnings
    FROM Trial t WHERE id = ?`).get(id) as (RecordCounts & { warnings: string }) | undefined;
  if (!row) return null;
  const { warnings, ...counts } = row;
  return { counts, endsMidWord: (JSON.parse(warnings) as string[]).some((w) => w.startsWith(MID_WORD)) };
}

/** The stored trial's lists, as listsOf gives them for a record. */
function storedLists(db: Database.Database, id: string): RecordLists {
  const col = (sql: string) => (db.prepare(sql).all(id) as { v: string }[]).map((r) => r.v);
  const rows = <T,>(sql: string) => db.prepare(sql).all(id) as T[];
  const json = (column: string) => JSON.parse((db.prepare(`SELECT ${column} AS v FROM Trial WHERE id = ?`).get(id) as { v: string }).v) as string[];
  return {
    arms: col("SELECT label AS v FROM Arm WHERE trialId = ? ORDER BY ordinal"),
    inclusion: col("SELECT text AS v FROM Criterion WHERE trialId = ? AND kind = 'INCLUSION' ORDER BY ordinal"),
    exclusion: col("SELECT text AS v FROM Criterion WHERE trialId = ? AND kind = 'EXCLUSION' ORDER BY ordinal"),
    outcomes: rows<Parameters<typeof outcomeKey>[0]>("SELECT kind, measure, timeFrame, description FROM Outcome WHERE trialId = ? ORDER BY ordinal").map(outcomeKey),
    contacts: rows<Parameters<typeof contactKey>[0]>("SELECT role, name, phone, email, affiliation FROM Contact WHERE trialId = ? ORDER BY ordinal").map(contactKey),
    locations: rows<Parameters<typeof locationKey>[0]>("SELECT facility, city, region, country FROM Location WHERE trialId = ? ORDER BY ordinal").map(locationKey),
    keywords: json("keywords"),
    conditions: col("SELECT name AS v FROM Condition WHERE trialId = ? ORDER BY ordinal"),
    otherIds: col("SELECT value AS v FROM OtherId WHERE trialId = ? ORDER BY ordinal"),
    interventions: json("interventions"),
  };
}

const sqliteValue = (v: unknown) => (typeof v === "boolean" ? Number(v) : v);

/**
 * Inserts a record's rows (lib/db/record-rows.ts; booleans as 0/1) and its view row (what
 * the landscape, the screen and the list's facets read of it, decoded from the same rows),
 * in the writer's transaction.
 */
function insertRecordRows(db: Database.Database, rows: RecordRows): void {
  const insert = (table: string, cols: readonly string[]) =>
    db.prepare(`INSERT INTO ${table} (${cols.map(quoted).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
  const trialColumns = Object.keys(rows.trial);
  insert("Trial", trialColumns).run(...trialColumns.map((c) => sqliteValue(rows.trial[c])));
  for (const t of rows.tables) {
    const stmt = insert(t.table, t.columns);
    for (const row of t.rows) stmt.run(...row.map(sqliteValue));
  }
  for (const p of rows.parents) {
    const key = insert(p.table, p.columns).run(...p.row.map(sqliteValue)).lastInsertRowid;
    const stmt = insert(p.children.table, p.children.columns);
    for (const row of p.children.rows) stmt.run(key, ...row.slice(1).map(sqliteValue));
  }
  const view = viewOfRows(rows);
  db.prepare(`INSERT INTO TrialView (trialId, landscape, screen, facet, facetHash, facetFormat) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(trialId) DO UPDATE SET landscape = excluded.landscape, screen = excluded.screen, facet = excluded.facet,
      facetHash = excluded.facetHash, facetFormat = excluded.facetFormat`)
    .run(rows.trial.id, view.landscape, view.screen, view.facet, view.facetHash, view.facetFormat);
}

/**
 * The stored trial that holds this record's file name under another id: `own` when the
 * record names it, else `other`. A file names the trial of its id and, once it states an
 * NCT id, its own slug trial (stored when it had none, and known only as "the trial of
 * this file"). A copy that lost its NCT id, or a different trial saved under a stored
 * trial's file name, does not name the stored trial.
 */
function trialOfFile(db: Database.Database, r: TrialRecord): { own: Row | null; other: Row | null } {
  const row = db.prepare("SELECT id, sourceFile FROM Trial WHERE sourceFile = ? AND id <> ?").get(r.source.file, r.id) as Row | undefined;
  if (!row) return { own: null, other: null };
  const ownSlug = !NCT.test(row.id) && row.id === slugForFile(r.source.file) && NCT.test(r.id);
  return ownSlug ? { own: row, other: null } : { own: null, other: row };
}

type Row = { id: string; sourceFile: string };

function refuseOtherTrial(r: TrialRecord, other: Row): WriteRefusedError {
  const names = NCT.test(r.id) ? `names ${r.id}` : `names no NCT id (it would be the trial ${r.id})`;
  const lost = NCT.test(other.id) ? ` (has its "${other.id}" line been lost?)` : "";
  return new WriteRefusedError(`refused: ${other.id} was imported from a file of this name, but this file ${names}: ` +
    `it is not a copy of ${other.id} and must not replace it. Check the file${lost}, rename it to import it as another trial, ` +
    `or use --force to store it as ${r.id} beside ${other.id}`);
}

/**
 * Writes one imported trial in a single `BEGIN IMMEDIATE` transaction: the stored rows of
 * the same trial (its id) go, the new rows and the search index entry come in. If anything
 * fails, nothing of this file is written and what was stored stays. A record that holds
 * less of the trial than the stored version is refused unless `force`. A write never
 * removes a trial the record does not name: when another trial holds the file's name, the
 * record is refused, or with `force` stored beside it as `file#id`.
 */
export function writeTrial(db: Database.Database, { record: incoming, evidence, endsMidWord, sourceHash }: TrialToWrite, options: WriteOptions = {}): WriteResult {
  const run = db.transaction((): WriteResult => {
    let r = incoming;
    const same = db.prepare("SELECT id, sourceFile FROM Trial WHERE id = ?").get(r.id) as Row | undefined;
    const besideName = `${r.source.file}#${r.id}`;
    const { own, other } = trialOfFile(db, r);
    // Stored beside the other trial already (an earlier --force): a re-import keeps that place.
    if (other && !options.force && same?.sourceFile !== besideName) throw refuseOtherTrial(r, other);
    if (other) r = { ...r, source: { ...r.source, file: besideName } };
    // A cut-off copy must not replace the full record: compared here, in the transaction
    // that writes, so that no other import can change the stored trial in between.
    const stored = options.force ? null : storedCounts(db, r.id);
    // A stored version that holds a block twice (imported before such files were refused)
    // would be refused today: its counts protect nothing ("8 arms" of a 4-arm trial).
    const unprotected = stored ? repeatedBlock(storedLists(db, r.id))?.message ?? null : null;
    if (stored && !unprotected) {
      const refusal = refuseReplacement({
        id: r.id, stored: stored.counts, storedEndsMidWord: stored.endsMidWord,
        incoming: countsOf(r), incomingEndsMidWord: endsMidWord,
      });
      if (refusal) throw new WriteRefusedError(refusal);
    }
    // Only the rows of the trials this record names go: its id, and its file's slug trial.
    const replaced = [same, own].filter((x): x is Row => !!x);
    // The records linked to the ones replaced: their groups are recomputed below.
    const formerMates = replaced.flatMap((old) => groupMembers(db, old.id)).filter((id) => id !== r.id);
    // Every version is kept: a trial stored before versions were recorded keeps its record
    // as version 1 before its rows go, and the new record is the next version (in this
    // transaction: a killed import leaves neither the rows nor the version half-written).
    for (const old of replaced) keepStoredVersion(db, old.id);
    const importedAt = new Date().toISOString();
    const version = keepVersion(db, r, importedAt, { sourceHash });
    for (const old of replaced) {
      unindexTrial(db, old.id);
      db.prepare("DELETE FROM Trial WHERE id = ?").run(old.id); // children cascade
    }
    insertRecordRows(db, recordRows(r, evidence, importedAt));
    indexTrial(db, r);
    linkTrial(db, r.id, r.nctId, r.otherIds, formerMates);
    return { replaced: replaced.filter((x) => !(x.id === r.id && x.sourceFile === r.source.file)), beside: other, sourceFile: r.source.file, unprotected, version };
  });
  return run.immediate();
}
