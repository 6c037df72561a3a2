import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { DatabaseError } from "../sqlite";
import { redactUrl } from "./url";

/**
 * The app's own migrator on PostgreSQL, as lib/db/migrate.ts is on SQLite: the migrations
 * of prisma/migrations-postgres (Prisma ties a migration folder to one provider), each in
 * its own transaction with its history row in Prisma's `_prisma_migrations` table, so a run
 * killed part way leaves the database as it was before that migration (PostgreSQL's schema
 * changes are transactional). A session advisory lock makes instances that start at once
 * take turns: the first applies, the others find nothing pending.
 */

export const POSTGRES_MIGRATIONS = path.join(process.cwd(), "prisma", "migrations-postgres");

/** pg_advisory_lock key of the migrator: the first 8 bytes of sha256("msc-liver-registry migrations"). */
export const MIGRATION_LOCK = createHash("sha256").update("msc-liver-registry migrations").digest().readBigInt64BE(0).toString();

export interface Migration {
  name: string;
  sql: string;
  /** What Prisma records: the SHA-256 of migration.sql. */
  checksum: string;
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// The history table as Prisma's CLI creates it on PostgreSQL.
const HISTORY = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The migrations of a folder (default prisma/migrations-postgres), oldest first. */
export function postgresMigrations(dir: string = POSTGRES_MIGRATIONS): Migration[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

async function history(c: pg.ClientBase): Promise<HistoryRow[]> {
  const { rows } = await c.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!rows[0]?.t) return [];
  return (await c.query<HistoryRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)).rows;
}

const appliedRow = (rows: HistoryRow[], name: string) =>
  rows.find((r) => r.migration_name === name && r.finished_at !== null && r.rolled_back_at === null);

/**
 * Refuses a database this registry did not make (tables but no migration history), one
 * migrated by another application or a newer version (unknown migrations), and one whose
 * applied migration differs from the file of that name (an edited migration: what the
 * database holds is not what the folder says).
 */
async function assertOurs(c: pg.ClientBase, where: string, known: Migration[]): Promise<void> {
  const tables = (await c.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
  )).rows.map((t) => t.name);
  if (!tables.includes("_prisma_migrations")) {
    if (tables.length) {
      throw new DatabaseError(`DATABASE_URL ${where}: this database holds tables the registry did not create (${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}) and no migration history; point DATABASE_URL at a new database or at a registry database`);
    }
    return;
  }
  const byName = new Map(known.map((m) => [m.name, m]));
  const rows = await history(c);
  const foreign = rows.map((r) => r.migration_name).filter((n) => !byName.has(n));
  if (foreign.length) {
    throw new DatabaseError(`DATABASE_URL ${where}: the database was migrated by another application or a newer version of this one (unknown migration ${foreign[0]}); point DATABASE_URL at a new database or update the registry`);
  }
  for (const r of rows) {
    const m = byName.get(r.migration_name)!;
    if (appliedRow(rows, r.migration_name) && r.checksum !== m.checksum) {
      throw new DatabaseError(`DATABASE_URL ${where}: migration ${m.name} was applied from a different migration.sql than prisma/migrations-postgres/${m.name}/migration.sql holds now (checksum ${r.checksum.slice(0, 12)}… vs ${m.checksum.slice(0, 12)}…); an applied migration must not be edited: restore the file and put the change in a new migration`);
    }
  }
}

/** Migrations of the folder that the database has not applied. */
export async function pendingPostgresMigrations(url: string, dir?: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = await history(c);
    return postgresMigrations(dir).map((m) => m.name).filter((n) => !appliedRow(rows, n));
  } finally {
    await c.end();
  }
}

export interface MigrateResult {
  /** The migrations this call applied (none when another instance or an earlier start did). */
  applied: string[];
}

/**
 * Brings the database at `url` to the latest migration: checks it is the registry's own,
 * then applies each pending migration in one transaction with its history row, holding the
 * migrator's advisory lock throughout. Safe to run on every start and import, from any
 * number of instances at once.
 */
export async function migratePostgres(url: string, dir?: string): Promise<MigrateResult> {
  const where = redactUrl(url);
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch (e) {
    throw new DatabaseError(`DATABASE_URL ${where}: cannot connect (${(e as Error).message})`, { cause: e });
  }
  const applied: string[] = [];
  try {
    await c.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    const all = postgresMigrations(dir);
    await assertOurs(c, where, all);
    for (const m of all) {
      await c.query("BEGIN");
      try {
        await c.query(HISTORY);
        if (appliedRow(await history(c), m.name)) {
          await c.query("COMMIT");
          continue;
        }
        const started = new Date();
        try {
          await c.query(m.sql);
        } catch (e) {
          throw new DatabaseError(`DATABASE_URL ${where}: migration ${m.name} failed (${(e as Error).message}); nothing of it was applied`, { cause: e });
        }
        await c.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
          VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`, [randomUUID(), m.checksum, m.name, started]);
        await c.query("COMMIT");
        applied.push(m.name);
      } catch (e) {
        await c.query("ROLLBACK").catch(() => undefined);
        throw e;
      }
    }
    return { applied };
  } catch (e) {
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(`DATABASE_URL ${where}: ${(e as Error).message}`, { cause: e });
  } finally {
    // Ending the session releases the advisory lock.
    await c.end().catch(() => undefined);
  }
}
