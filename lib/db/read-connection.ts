import Database from "better-sqlite3";
import fs from "node:fs";
import { databasePath, databaseUrl } from "./url";

const cache = globalThis as unknown as { registryReadDb?: { path: string; db: Database.Database } };

/**
 * The app's read-only connection for search and lists. Search runs raw FTS5 SQL and reads
 * tens of thousands of rows; better-sqlite3 returns them synchronously, several times
 * faster than going through Prisma's adapter. Under WAL it never blocks on an import.
 */
export function readDb(): Database.Database {
  const file = databasePath(databaseUrl());
  if (cache.registryReadDb?.path !== file) {
    if (!fs.existsSync(file)) throw new Error(`no database at ${databaseUrl()}; run \`npm run import\``);
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    cache.registryReadDb = { path: file, db };
  }
  return cache.registryReadDb.db;
}

/**
 * Runs `read` in one read transaction: every statement in it sees the same committed
 * snapshot, even if an import commits in between.
 */
export function readSnapshot<T>(read: (db: Database.Database) => T, db: Database.Database = readDb()): T {
  return db.transaction(() => read(db))();
}
