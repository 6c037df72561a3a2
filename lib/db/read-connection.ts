import Database from "better-sqlite3";
import fs from "node:fs";
import { databasePath, databaseUrl } from "./url";

interface OpenSnapshot {
  /** Requests reading it now. */
  users: number;
  openedAt: number;
  /** Resolves when its transaction has ended. */
  closed: Promise<void>;
  close: () => void;
}

const cache = globalThis as unknown as { registryReadDb?: { path: string; db: Database.Database; open: OpenSnapshot | null } };

function connection(): NonNullable<typeof cache.registryReadDb> {
  const file = databasePath(databaseUrl());
  if (cache.registryReadDb?.path !== file) {
    if (!fs.existsSync(file)) throw new Error(`no database at ${databaseUrl()}; run \`npm run import\``);
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    cache.registryReadDb = { path: file, db, open: null };
  }
  return cache.registryReadDb;
}

/**
 * The app's read-only connection for search, lists and the reads of many trials. Search
 * runs raw FTS5 SQL and reads tens of thousands of rows; better-sqlite3 returns them
 * synchronously, several times faster than going through Prisma's adapter. Under WAL it
 * never blocks on an import.
 */
export function readDb(): Database.Database {
  return connection().db;
}

/**
 * Runs `read` in one read transaction: every statement in it sees the same committed
 * snapshot, even if an import commits in between. Synchronous: for reads of a few
 * milliseconds (inside a snapshot held by readSnapshotAsync, it reads that one).
 */
export function readSnapshot<T>(read: (db: Database.Database) => T, db: Database.Database = readDb()): T {
  return db.transaction(() => read(db))();
}

/** A snapshot joined by requests that start within this long of its opening; later ones wait for a fresh one. */
export const SNAPSHOT_JOIN_MS = 250;

/**
 * Runs `read` in one read transaction that stays open across its awaits, so that a read
 * of thousands of trials can go in slices, giving the event loop back between them (see
 * lib/data/cooperative.ts), and still see one committed state from start to end.
 *
 * better-sqlite3 has one transaction per connection, and the facet index is cached per
 * connection and data version: so requests running at once share the snapshot on the
 * app's one connection (a request that starts within SNAPSHOT_JOIN_MS of its opening joins
 * it; a later one waits until it ends and opens a fresh one), and a short synchronous read
 * (readSnapshot) made meanwhile reads it too. Every answer is of one committed state, at
 * most that long plus the running reads' time older than the newest.
 */
export async function readSnapshotAsync<T>(read: (db: Database.Database) => Promise<T>): Promise<T> {
  const conn = connection();
  while (conn.open && performance.now() - conn.open.openedAt > SNAPSHOT_JOIN_MS) await conn.open.closed;
  if (conn.open) {
    conn.open.users++;
  } else {
    conn.db.exec("BEGIN");
    // A deferred transaction takes its snapshot at its first read: take it now.
    conn.db.prepare("SELECT 1 FROM sqlite_master LIMIT 1").get();
    let close!: () => void;
    const closed = new Promise<void>((resolve) => (close = resolve));
    conn.open = { users: 1, openedAt: performance.now(), closed, close };
  }
  const open = conn.open;
  try {
    return await read(conn.db);
  } finally {
    if (--open.users === 0) {
      conn.open = null;
      if (conn.db.inTransaction) conn.db.exec("COMMIT");
      open.close();
    }
  }
}
