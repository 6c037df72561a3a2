import Database from "better-sqlite3";
import fs from "node:fs";
import { databasePath, databaseUrl } from "../db/url";

const cache = globalThis as unknown as { registrySearchDb?: { path: string; db: Database.Database } };

/**
 * A read-only connection for search. Search runs raw FTS5 SQL and reads tens of thousands
 * of rows; better-sqlite3 returns them synchronously, several times faster than going
 * through Prisma's adapter. Under WAL it never blocks on an import.
 */
export function searchDb(): Database.Database {
  const file = databasePath(databaseUrl());
  if (cache.registrySearchDb?.path !== file) {
    if (!fs.existsSync(file)) throw new Error(`no database at ${databaseUrl()}; run \`npm run import\``);
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    cache.registrySearchDb = { path: file, db };
  }
  return cache.registrySearchDb.db;
}
