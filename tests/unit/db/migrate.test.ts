import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations, pendingMigrations, prepareDatabase } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/sqlite";
import { importFiles, seedFiles } from "@/lib/import/run-import";

/** Databases in every state a person can leave one in: half-migrated, foreign, damaged. */
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-migrate-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileIn = (name: string) => path.join(dir, name);
const run = (script: string, url: string, args: string[] = []) => {
  const r = spawnSync(TSX, [script, ...args], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
/** One line, no stack frame, no source path, no Prisma code frame. */
const expectOneLine = (stderr: string) => {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at |\.ts:\d+|→|invocation/m);
};

describe("migrations", () => {
  it("a first migration interrupted part way (Prisma's CLI killed mid-run) is rolled back and applied again", () => {
    const file = fileIn("interrupted.db");
    const init = migrations()[0]!;
    const db = new Database(file);
    // What `prisma migrate deploy` leaves when it is killed after its third statement.
    db.exec(`CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    db.prepare("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', ?, ?)").run(init.checksum, init.name);
    for (const stmt of init.sql.split(";").slice(0, 3)) db.exec(stmt);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Trial'").get()).toEqual({ n: 1 });
    db.close();

    prepareDatabase(`file:${file}`);
    const after = openDatabase(`file:${file}`);
    expect(pendingMigrations(after)).toEqual([]);
    const rows = after.prepare(`SELECT migration_name, finished_at IS NOT NULL AS done, rolled_back_at IS NOT NULL AS undone
      FROM _prisma_migrations WHERE migration_name = ? ORDER BY started_at`).all(init.name);
    expect(rows).toEqual([
      { migration_name: init.name, done: 0, undone: 1 },
      { migration_name: init.name, done: 1, undone: 0 },
    ]);
    expect(importFiles(after, seedFiles(), {}).every((r) => r.ok)).toBe(true);
    expect(after.prepare("SELECT count(*) AS n FROM Trial").get()).toEqual({ n: 5 });
    after.close();
  });

  it("records each migration as Prisma's CLI does (checksum of migration.sql), so `prisma migrate status` agrees", () => {
    const file = fileIn("fresh.db");
    prepareDatabase(`file:${file}`);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT migration_name AS name, checksum, applied_steps_count AS steps FROM _prisma_migrations ORDER BY migration_name").all();
    db.close();
    expect(rows).toEqual(migrations().map((m) => ({ name: m.name, checksum: m.checksum, steps: 1 })));
    const status = spawnSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, encoding: "utf8", timeout: 60_000,
    });
    expect(status.stdout).toMatch(/Database schema is up to date/);
  });

  it("another application's database is refused by name, and left untouched", () => {
    const file = fileIn("foreign.db");
    const db = new Database(file);
    db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'A')");
    db.close();
    expect(() => prepareDatabase(`file:${file}`)).toThrow(/tables the registry did not create \(customers\) and no migration history/);
    const r = run("scripts/import.ts", `file:${file}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^import: DATABASE_URL .*foreign\.db: this file holds tables the registry did not create/);
    expectOneLine(r.stderr);
    const check = new Database(file, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([{ name: "customers" }]);
    check.close();
  });

  it("a read-only URL (?mode=ro) says that the import needs to write", () => {
    const r = run("scripts/import.ts", `file:${fileIn("ro.db")}?mode=ro`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/mode=ro\), but migrating and importing write to it; remove "\?mode=ro"/);
    expectOneLine(r.stderr);
  });

  it("a file that is not a database gives one accurate line to the import and the export", () => {
    const file = fileIn("notadb.db");
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    for (const script of ["scripts/import.ts", "scripts/export.ts"]) {
      const r = run(script, `file:${file}`);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/not an SQLite database, or a damaged one/);
      expectOneLine(r.stderr);
    }
    expect(fs.readFileSync(file).equals(Buffer.alloc(8192, 0x5a))).toBe(true);
  });

  it("a damaged database is found by quick_check before the import writes or the export prints", () => {
    const file = fileIn("damaged.db");
    prepareDatabase(`file:${file}`);
    const db = openDatabase(`file:${file}`);
    expect(importFiles(db, seedFiles(), {}).every((r) => r.ok)).toBe(true);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    const bytes = fs.readFileSync(file);
    for (let page = 2; page < 8; page++) bytes.fill(0xab, 4096 * page, 4096 * page + 64); // b-tree page headers
    fs.writeFileSync(file, bytes);
    for (const script of ["scripts/import.ts", "scripts/export.ts"]) {
      const r = run(script, `file:${file}`);
      expect(r.status, script).toBe(1);
      expect(r.stderr).toMatch(/damaged/);
      expect(r.stdout).not.toMatch(/^\[/);
      expectOneLine(r.stderr);
    }
  });
});
