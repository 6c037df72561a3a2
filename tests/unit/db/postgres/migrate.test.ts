import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migratePostgres, pendingPostgresMigrations, postgresMigrations } from "@/lib/db/postgres/migrate";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "@/scripts/postgres-schema";
import { freshDatabase, postgresServer, type TestDatabase } from "@/tests/support/postgres";
import { scratchDatabase } from "@/tests/helpers/db";

const dbs: TestDatabase[] = [];
const fresh = async () => {
  const d = await freshDatabase();
  dbs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dbs) await d.drop();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const tablesOf = async (url: string) =>
  (await query<{ t: string }>(url, "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.t);

/** A copy of prisma/migrations-postgres to edit. */
function migrationsCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-migrations-"));
  fs.cpSync(path.join("prisma", "migrations-postgres"), dir, { recursive: true });
  return dir;
}

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma with the provider swapped, and up to date", () => {
    const generated = postgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(generated);
    expect(generated).toContain('provider = "postgresql"');
    expect(generated).not.toContain('"sqlite"');
    expect(generated).not.toContain("lib/generated/prisma");
  });

  it("gives PostgreSQL the same tables and columns (nullability included) as the SQLite migrations give SQLite", async () => {
    const { url } = await fresh();
    await migratePostgres(url);
    const sqlite = scratchDatabase();
    const lite = new Database(sqlite.file, { readonly: true });
    const liteTables = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'trial_fts%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const liteCols = liteTables.flatMap((t) => (lite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; notnull: number; pk: number }[])
      .map((c) => `${t}.${c.name} ${c.notnull || c.pk ? "NOT NULL" : "NULL"}`)).sort();
    lite.close();
    sqlite.cleanup();
    const pgCols = (await query<{ c: string }>(url, `SELECT table_name || '.' || column_name || ' ' || CASE WHEN is_nullable = 'NO' THEN 'NOT NULL' ELSE 'NULL' END AS c
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN ('trial_fts', 'registry_version')`)).map((r) => r.c).sort();
    expect(pgCols).toEqual(liteCols);
    // PostgreSQL's own: the full-text index and the data version counter (hand-written migrations).
    expect(await tablesOf(url)).toContain("trial_fts");
    expect(await query(url, `SELECT n::int AS n FROM registry_version`)).toEqual([{ n: 0 }]);
  });
});

describe("migratePostgres", () => {
  it("applies every migration once, each with Prisma's history row and checksum; a second run applies nothing", async () => {
    const { url } = await fresh();
    const all = postgresMigrations();
    expect(await pendingPostgresMigrations(url)).toEqual(all.map((m) => m.name));
    expect((await migratePostgres(url)).applied).toEqual(all.map((m) => m.name));
    const rows = await query<{ migration_name: string; checksum: string; done: boolean }>(url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AND rolled_back_at IS NULL AS done FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toEqual(all.map((m) => ({ migration_name: m.name, checksum: m.checksum, done: true })));
    expect((await migratePostgres(url)).applied).toEqual([]);
    expect(await pendingPostgresMigrations(url)).toEqual([]);
  });

  it("run by four instances at once, applies each migration exactly once (advisory lock)", async () => {
    const { url } = await fresh();
    const runs = await Promise.all([1, 2, 3, 4].map(() => migratePostgres(url)));
    expect(runs.flatMap((r) => r.applied).sort()).toEqual(postgresMigrations().map((m) => m.name).sort());
    const [{ n }] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`) as [{ n: number }];
    expect(n).toBe(postgresMigrations().length);
  });

  it("leaves nothing of a migration that fails, and keeps the ones before it", async () => {
    const { url } = await fresh();
    const dir = migrationsCopy();
    fs.mkdirSync(path.join(dir, "29991231000000_broken"));
    fs.writeFileSync(path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "Trial" ADD COLUMN "x" NO_SUCH_TYPE;\n`);
    await expect(migratePostgres(url, dir)).rejects.toThrow(/migration 29991231000000_broken failed \(type "no_such_type" does not exist\); nothing of it was applied/);
    expect(await tablesOf(url)).not.toContain("Half");
    expect(await tablesOf(url)).toContain("Trial");
    expect(await pendingPostgresMigrations(url, dir)).toEqual(["29991231000000_broken"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an applied migration whose file was edited since, naming it", async () => {
    const { url } = await fresh();
    await migratePostgres(url);
    const dir = migrationsCopy();
    const first = postgresMigrations()[0]!.name;
    fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited\n");
    await expect(migratePostgres(url, dir)).rejects.toThrow(new RegExp(`migration ${first} was applied from a different migration.sql`));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a database of another application's tables, and a history of unknown migrations", async () => {
    const foreign = await fresh();
    await query(foreign.url, `CREATE TABLE invoices (id int)`);
    await expect(migratePostgres(foreign.url)).rejects.toThrow(/holds tables the registry did not create \(invoices\) and no migration history/);
    const newer = await fresh();
    await migratePostgres(newer.url);
    await query(newer.url, `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('x', 'y', now(), '29990101000000_future', 1)`);
    await expect(migratePostgres(newer.url)).rejects.toThrow(/unknown migration 29990101000000_future/);
  });

  it("names the server without its password when it cannot connect", async () => {
    const { url } = await postgresServer();
    const bad = new URL(url);
    bad.password = "wrong-secret";
    bad.pathname = "/nowhere";
    const err = await migratePostgres(bad.toString()).catch((e: Error) => e);
    expect(String(err)).toMatch(/cannot connect/);
    expect(String(err)).not.toContain("wrong-secret");
  });
});
