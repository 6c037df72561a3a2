import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath, databaseUrl } from "./url";

/** A database problem a person can act on (unwritable location, corrupt file). */
export class DatabaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseError";
  }
}

/**
 * Opens the registry database for writing: WAL so that readers (the app) never see
 * "database busy" while an import runs, and a busy timeout for a second writer.
 */
export function openDatabase(url: string = databaseUrl()): Database.Database {
  const file = databasePath(url);
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    throw new DatabaseError(`DATABASE_URL ${url}: cannot write there (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  }
  try {
    const db = new Database(file, { timeout: 5000 });
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    return db;
  } catch (e) {
    throw new DatabaseError(`DATABASE_URL ${url}: cannot open the database (${(e as Error).message})`, { cause: e });
  }
}
