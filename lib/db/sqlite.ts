import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databasePath, databaseUrl } from "./url";

/** A database problem a person can act on, in one line (unwritable location, corrupt file). */
export class DatabaseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DatabaseError";
  }

  /**
   * Any error met while using the database at `url`, as a DatabaseError of one line: the
   * messages SQLite gives for a damaged, foreign or read-only file are named for what they
   * mean, and nothing of a stack, code frame or source path is kept in the message.
   */
  static from(e: unknown, url: string): DatabaseError {
    if (e instanceof DatabaseError) return e;
    const raw = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string })?.code ?? "";
    const plain = raw.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? raw;
    const meaning =
      /SQLITE_NOTADB|not a database/i.test(code + raw) ? "not an SQLite database, or a damaged one; point DATABASE_URL at a registry database or a new file"
      : /SQLITE_CORRUPT|malformed/i.test(code + raw) ? "the database file is damaged; restore it from a backup or point DATABASE_URL at a new file"
      : /SQLITE_READONLY|readonly database|read-only/i.test(code + raw) ? "the database is read-only here; the registry needs to write to it"
      : /SQLITE_BUSY|database is locked/i.test(code + raw) ? "the database stayed locked by another writer; retry when its import has finished"
      // PostgreSQL (lib/db/postgres): a server that does not answer, a database without the registry's tables.
      : /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH/.test(code + raw) ? `cannot connect to the PostgreSQL server (${plain.slice(0, 200)})`
      : code === "42P01" || /relation "[^"]+" does not exist/.test(raw) ? "the database holds no registry tables; run `npm run import` (or `npm run db:setup`) first"
      : plain.slice(0, 300);
    return new DatabaseError(`DATABASE_URL ${url}: ${meaning}`, { cause: e });
  }
}

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

/** The `mode` a `file:` URL asks for (`?mode=ro`), if any. */
function urlMode(url: string): string | null {
  const query = url.split("?")[1];
  return query ? new URLSearchParams(query).get("mode") : null;
}

/**
 * Opens the registry database for writing: WAL so that readers (the app) never see
 * "database busy" while an import runs, and a busy timeout for a second writer.
 */
export function openDatabase(url: string = databaseUrl()): Database.Database {
  const file = databasePath(url);
  if (urlMode(url) === "ro") {
    throw new DatabaseError(`DATABASE_URL ${url}: asks for a read-only database (mode=ro), but migrating and importing write to it; remove "?mode=ro"`);
  }
  try {
    ensureFolder(path.dirname(file));
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new DatabaseError(`DATABASE_URL ${url}: cannot write a database there (${REASONS[code] ?? (e as Error).message})`, { cause: e });
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: 5000 });
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.pragma("foreign_keys = ON");
    return db;
  } catch (e) {
    db?.close();
    throw DatabaseError.from(e, url);
  }
}

/** Opens an existing database for reading only (the export); a missing file is an error. */
export function openDatabaseReadOnly(url: string = databaseUrl()): Database.Database {
  const file = databasePath(url);
  if (!fs.existsSync(file)) throw new DatabaseError(`no database at ${url}; run \`npm run import\` first`);
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    db.pragma("busy_timeout = 5000");
    return db;
  } catch (e) {
    throw DatabaseError.from(e, url);
  }
}

/**
 * `PRAGMA quick_check` before anything is written or exported: a damaged file is named as
 * such instead of failing later in some query, or worse, being written to.
 */
export function assertIntact(db: Database.Database, url: string): void {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma("quick_check(3)") as { quick_check: string }[];
  } catch (e) {
    throw DatabaseError.from(e, url);
  }
  // SQLite reports several problems in one row, on lines of their own.
  const problems = rows.flatMap((r) => r.quick_check.split("\n"))
    .map((l) => l.trim()).filter((l) => l && l !== "ok" && !l.startsWith("***"));
  if (problems.length) {
    throw new DatabaseError(`DATABASE_URL ${url}: the database file is damaged (quick_check: ${problems[0]!.slice(0, 120)}); restore it from a backup or point DATABASE_URL at a new file`);
  }
}

/**
 * The connection an import writes through (openDatabase's): the importer passes it on to
 * the writer (lib/db/write-trial.ts) without knowing the driver behind it.
 */
export type WriteConnection = Database.Database;
