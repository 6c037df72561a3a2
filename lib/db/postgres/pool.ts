import pg from "pg";
import { poolSize, redactUrl } from "./url";

/**
 * The process's connection pool of a postgresql:// URL (pg.Pool), one per URL and process
 * (a view worker thread has its own), of DATABASE_POOL_SIZE connections (default 10).
 * PostgreSQL's values arrive as SQLite's do where the types differ: a TIMESTAMP (written
 * as UTC, lib/db/postgres/write-trial.ts) is a Date of that UTC time whatever the
 * process's time zone, a BIGINT (counts, the data version) a number.
 */

const TIMESTAMP = 1114;
const INT8 = 20;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (s: string) => new Date(`${s.replace(" ", "T")}Z`);
    if (oid === INT8) return (s: string) => Number(s);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const pools = globalThis as unknown as { registryPgPools?: Map<string, pg.Pool> };

/** The pool of `url` in this process (made on first use). */
export function postgresPool(url: string): pg.Pool {
  const all = (pools.registryPgPools ??= new Map());
  let pool = all.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: poolSize(), types, idleTimeoutMillis: 30_000, application_name: "msc-liver-registry" });
    // An idle connection the server closed (a restart, a failover) is dropped from the pool, not a crash.
    pool.on("error", (e: Error) => console.error(`PostgreSQL ${redactUrl(url)}: idle connection lost (${e.message})`));
    all.set(url, pool);
  }
  return pool;
}

/** A client of its own (not pooled) with the same value types: the importer's writer, scripts. */
export function postgresClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types, application_name: "msc-liver-registry import" });
}

/** Ends the pools of this process (scripts, tests). */
export async function endPostgresPools(): Promise<void> {
  const all = pools.registryPgPools;
  if (!all) return;
  const list = [...all.values()];
  all.clear();
  await Promise.all(list.map((p) => p.end().catch(() => undefined)));
}

/** Ends the pool of one URL in this process, if it has one (a test's database before it is dropped). */
export async function endPostgresPool(url: string): Promise<void> {
  const pool = pools.registryPgPools?.get(url);
  if (!pool) return;
  pools.registryPgPools!.delete(url);
  await pool.end().catch(() => undefined);
}
