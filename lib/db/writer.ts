import { prepareDatabase } from "./migrate";
import { readTrialCount } from "./search-reads";
import { openDatabase, type WriteConnection } from "./sqlite";
import { engineOf } from "./store";
import { databaseUrl } from "./url";
import type { TrialToWrite, WriteOptions, WriteResult } from "./write-trial";
import { migratePostgres } from "./postgres/migrate";
import { postgresClient } from "./postgres/pool";
import { backfillTrialViews } from "./postgres/view-reads";
import { poolSize, redactUrl } from "./postgres/url";
import { writeTrialPostgres } from "./postgres/write-trial";
import { DatabaseError } from "./sqlite";

/**
 * Where an import writes, for the engine DATABASE_URL names: SQLite's connection (the
 * importer writes through it synchronously, as always), or an asynchronous writer
 * (PostgreSQL: one client of its own, each trial one transaction, lib/db/postgres/write-trial.ts).
 */
export interface AsyncTrialWriter {
  write(trial: TrialToWrite, options: WriteOptions): Promise<WriteResult>;
}
export type ImportTarget = WriteConnection | AsyncTrialWriter;

export const isAsyncWriter = (t: ImportTarget): t is AsyncTrialWriter => typeof (t as AsyncTrialWriter).write === "function" && !("prepare" in t);

export interface OpenedWriter {
  engine: "sqlite" | "postgresql";
  target: ImportTarget;
  /** The URL as it may be printed (PostgreSQL's password hidden). */
  where: string;
  trialCount(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Brings the database at `url` to the latest migration (and writes what a migration asks
 * to be rewritten), without opening a writer: run at every start and import. SQLite:
 * lib/db/migrate.ts; PostgreSQL: lib/db/postgres/migrate.ts, then the view rows of trials
 * stored without one.
 */
export async function prepareStore(url: string = process.env.DATABASE_URL?.trim() || databaseUrl()): Promise<void> {
  if (engineOf(url) === "sqlite") return prepareDatabase(databaseUrl({ DATABASE_URL: url } as unknown as NodeJS.ProcessEnv));
  poolSize(); // a bad DATABASE_POOL_SIZE stops the start here, named, not at the first request
  await migratePostgres(url);
  const c = postgresClient(url);
  await c.connect();
  try {
    await backfillTrialViews(c);
  } finally {
    await c.end();
  }
}

/** Prepares the database at `url` (prepareStore) and opens the import's writer on it. */
export async function openWriter(url: string = process.env.DATABASE_URL?.trim() || databaseUrl()): Promise<OpenedWriter> {
  await prepareStore(url);
  if (engineOf(url) === "sqlite") {
    const file = databaseUrl({ DATABASE_URL: url } as unknown as NodeJS.ProcessEnv);
    const db = openDatabase(file);
    return { engine: "sqlite", target: db, where: file, trialCount: async () => readTrialCount(db), close: async () => void db.close() };
  }
  const where = redactUrl(url);
  const client = postgresClient(url);
  try {
    await client.connect();
  } catch (e) {
    throw new DatabaseError(`DATABASE_URL ${where}: cannot connect (${(e as Error).message})`, { cause: e });
  }
  return {
    engine: "postgresql",
    target: { write: (trial, options) => writeTrialPostgres(client, trial, options) },
    where,
    trialCount: async () => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Trial"`)).rows[0]!.n,
    close: () => client.end(),
  };
}
