import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { DatabaseError, openDatabase } from "./sqlite";
import { databaseUrl } from "./url";
import { ensureSearchIndex } from "../search/index-table";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");

/** Migrations in prisma/migrations that the database has not applied yet. */
export function pendingMigrations(db: Database.Database): string[] {
  const all = fs.readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!table) return all;
  const applied = new Set((db.prepare(
    "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  ).all() as { name: string }[]).map((r) => r.name));
  return all.filter((m) => !applied.has(m));
}

/**
 * Creates the database if needed and brings it to the latest migration with
 * `prisma migrate deploy` (offline, with the JavaScript engine), then makes sure the
 * full-text index exists. Safe to run on every start and every import. Deploy runs only
 * when a migration is pending: it cannot lock a database that another process (the
 * running app) has open, and an up-to-date database should not need the app stopped.
 */
export function prepareDatabase(url: string = databaseUrl()): void {
  const probe = openDatabase(url); // clear message for an unwritable location, before Prisma's
  let pending: string[];
  try {
    pending = pendingMigrations(probe);
  } finally {
    probe.close();
  }
  if (pending.length) deploy(url, pending);
  const db = openDatabase(url);
  try {
    ensureSearchIndex(db);
  } finally {
    db.close();
  }
}

function deploy(url: string, pending: string[]): void {
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    const detail = `${err.stderr ?? ""}${err.stdout ?? ""}`.trim().split("\n").filter((l) => /error|P\d{4}/i.test(l)).slice(0, 3).join(" ");
    throw new DatabaseError(
      `DATABASE_URL ${url}: applying migration ${pending.join(", ")} failed; if the app is running on this database, stop it and retry${detail ? ` (${detail.slice(0, 200)})` : ""}`,
      { cause: e },
    );
  }
}
