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
const REASONS: Record<string, string> = {
  EACCES: "permission denied", EPERM: "not permitted", EROFS: "read-only file system", ENOENT: "no such folder",
  ENOTDIR: "a parent is a file, not a folder", EEXIST: "a parent is a file, not a folder", ENOSPC: "no space left",
};

/**
 * Makes the folders above a database file, one level at a time from the nearest one that
 * exists. (Node 20's recursive mkdirSync never returns for a path under /proc.)
 */
function ensureFolder(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  if (!fs.statSync(at).isDirectory()) throw Object.assign(new Error(`${at} is a file`), { code: "ENOTDIR" });
  for (const d of missing) fs.mkdirSync(d);
  fs.accessSync(dir, fs.constants.W_OK);
}

export function openDatabase(url: string = databaseUrl()): Database.Database {
  const file = databasePath(url);
  try {
    ensureFolder(path.dirname(file));
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new DatabaseError(`DATABASE_URL ${url}: cannot write a database there (${REASONS[code] ?? (e as Error).message})`, { cause: e });
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
