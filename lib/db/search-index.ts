import type Database from "better-sqlite3";
import type { TrialRecord } from "../record/schema";
import { FTS_COLUMNS, searchDocument } from "../record/search-fields";

/**
 * The full-text index (SQLite FTS5). It lives outside the Prisma schema because Prisma
 * cannot describe virtual tables, and a migration that created one would show up as drift
 * in every later `prisma migrate diff`. The importer keeps it in step, row by row, inside
 * the same transaction as the trial.
 */
export function ensureSearchIndex(db: Database.Database): void {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS trial_fts USING fts5(
    trial_id UNINDEXED, ${FTS_COLUMNS.join(", ")},
    tokenize = "unicode61 remove_diacritics 2"
  )`);
}

/**
 * Indexes a trial just written. The index row shares the Trial row's rowid, so a search
 * hit is joined to its trial by integer key (trial_id is kept for people reading the table).
 */
export function indexTrial(db: Database.Database, r: TrialRecord): void {
  const { rowid } = db.prepare("SELECT rowid FROM Trial WHERE id = ?").get(r.id) as { rowid: number };
  const doc = searchDocument(r);
  db.prepare(`INSERT OR REPLACE INTO trial_fts (rowid, trial_id, ${FTS_COLUMNS.join(", ")}) VALUES (?, ?, ${FTS_COLUMNS.map(() => "?").join(", ")})`)
    .run(rowid, r.id, ...FTS_COLUMNS.map((c) => doc[c]));
}

/** Removes a trial's index row; call before the Trial row is deleted. */
export function unindexTrial(db: Database.Database, id: string): void {
  db.prepare("DELETE FROM trial_fts WHERE rowid = (SELECT rowid FROM Trial WHERE id = ?)").run(id);
}
