import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { assertIntact, DatabaseError, openDatabase } from "./sqlite";
import { databaseUrl } from "./url";
import { ensureSearchIndex } from "./search-index";
import { relinkAll } from "./trial-links";
import { backfillTrialViews, trialsWithoutView } from "./trial-views";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

interface Migration {
  name: string;
  sql: string;
  /** What Prisma records: the SHA-256 of migration.sql, so `prisma migrate status` agrees. */
  checksum: string;
}

interface MigrationRow {
  migration_name: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

// The table Prisma's CLI keeps its history in, created the way it creates it.
const HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** The migrations in prisma/migrations, oldest first. */
export function migrations(): Migration[] {
  return fs.readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const hasTable = (db: Database.Database, name: string) =>
  !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);

function history(db: Database.Database): MigrationRow[] {
  if (!hasTable(db, "_prisma_migrations")) return [];
  return db.prepare("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations").all() as MigrationRow[];
}

const applied = (rows: MigrationRow[], name: string) =>
  rows.some((r) => r.migration_name === name && r.finished_at !== null && r.rolled_back_at === null);

/** Migrations in prisma/migrations that the database has not applied yet. */
export function pendingMigrations(db: Database.Database): string[] {
  const rows = history(db);
  return migrations().map((m) => m.name).filter((name) => !applied(rows, name));
}

/**
 * Refuses a database this registry did not make: tables but no migration history (another
 * application's file), or a history naming migrations this version does not have.
 */
function assertOurs(db: Database.Database, url: string, known: Migration[]): void {
  const tables = (db.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'trial_fts%'",
  ).all() as { name: string }[]).map((t) => t.name);
  if (!tables.includes("_prisma_migrations")) {
    if (tables.length) {
      throw new DatabaseError(`DATABASE_URL ${url}: this file holds tables the registry did not create (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}) and no migration history; point DATABASE_URL at a new file or at a registry database`);
    }
    return;
  }
  const names = new Set(known.map((m) => m.name));
  const foreign = history(db).map((r) => r.migration_name).filter((n) => !names.has(n));
  if (foreign.length) {
    throw new DatabaseError(`DATABASE_URL ${url}: the database was migrated by another application or a newer version of this one (unknown migration ${foreign[0]}); point DATABASE_URL at a new file or update the registry`);
  }
}

/**
 * Undoes what an interrupted run of a migration left behind. Prisma's CLI applies a
 * migration outside a transaction, so a run killed part way leaves its history row
 * without `finished_at` (and every later deploy stops with P3009) plus some of its tables.
 * Those tables are new and therefore empty: they are dropped, and the row is marked
 * rolled back. A table that already holds rows is never dropped.
 */
function rollBackInterrupted(db: Database.Database, url: string, m: Migration): void {
  const unfinished = history(db).some((r) => r.migration_name === m.name && r.finished_at === null && r.rolled_back_at === null);
  if (!unfinished) return;
  for (const [, kind, name] of m.sql.matchAll(/CREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX)\s+"([^"]+)"/gi)) {
    const type = kind!.toUpperCase() === "TABLE" ? "table" : "index";
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?").get(type, name)) continue;
    if (type === "table") {
      const { n } = db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number };
      if (n > 0) {
        throw new DatabaseError(`DATABASE_URL ${url}: migration ${m.name} was interrupted and its table ${name} already holds ${n} rows; restore a backup or point DATABASE_URL at a new file`);
      }
    }
    db.exec(`DROP ${type.toUpperCase()} IF EXISTS "${name}"`);
  }
  db.prepare("UPDATE _prisma_migrations SET rolled_back_at = ? WHERE migration_name = ? AND finished_at IS NULL").run(new Date().toISOString(), m.name);
}

/**
 * Applies each pending migration in its own `BEGIN IMMEDIATE` transaction, together with
 * its history row (SQLite's schema changes are transactional): a run that is killed part
 * way leaves the database as it was before that migration. The rows are the ones Prisma's
 * CLI writes, so `prisma migrate status` and `deploy` agree with this runner.
 */
function applyMigrations(db: Database.Database, url: string, all: Migration[]): void {
  // Inside a transaction SQLite ignores `PRAGMA foreign_keys`; a migration that rebuilds a
  // table must not cascade-delete its children, so the check is off for the run and the
  // keys are verified before each commit instead.
  db.pragma("foreign_keys = OFF");
  try {
    for (const m of all) {
      db.transaction(() => {
        db.exec(HISTORY);
        if (applied(history(db), m.name)) return; // another process got there first
        rollBackInterrupted(db, url, m);
        const started = new Date().toISOString();
        try {
          db.exec(m.sql);
        } catch (e) {
          throw new DatabaseError(`DATABASE_URL ${url}: migration ${m.name} failed (${(e as Error).message}); nothing of it was applied`, { cause: e });
        }
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length) throw new DatabaseError(`DATABASE_URL ${url}: migration ${m.name} would break ${broken.length} foreign keys; nothing of it was applied`);
        db.prepare(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
          VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, started);
      }).immediate();
    }
  } finally {
    db.pragma("foreign_keys = ON");
  }
}

/**
 * Creates the database if needed, checks that it is intact and the registry's own, brings
 * it to the latest migration and makes sure the full-text index and every trial's view row
 * (lib/db/trial-views.ts) exist. Safe to run on
 * every start and every import, also while the app has the database open.
 */
export function prepareDatabase(url: string = databaseUrl()): void {
  const db = openDatabase(url);
  try {
    assertIntact(db, url);
    const all = migrations();
    assertOurs(db, url, all);
    const rows = history(db);
    const pending = all.filter((m) => !applied(rows, m.name));
    if (pending.length) applyMigrations(db, url, pending);
    ensureSearchIndex(db);
    // Trials stored before records were linked across registries: their links, once.
    if (pending.some((m) => m.name.endsWith("_trial_links"))) relinkAll(db);
    // Trials stored before view rows existed (or by a version that did not write them): theirs, now.
    if (trialsWithoutView(db).length) backfillTrialViews(db);
  } catch (e) {
    throw DatabaseError.from(e, url);
  } finally {
    db.close();
  }
}
