import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * PostgreSQL for tests: TEST_POSTGRES_URL when set (a role that may CREATE DATABASE),
 * else the throwaway embedded cluster the run starts (tests/support/postgres-global.ts).
 * Each test takes a database of its own; nothing is shared between tests.
 */
export interface TestDatabase {
  /** postgresql://… of a new, empty database. */
  url: string;
  /** Drops the database (closing whatever still connects to it). */
  drop(): Promise<void>;
}

let server: Promise<{ url: string; startMs: number }> | null = null;

/** The server's maintenance URL and how long the embedded cluster took to start (0 when external). */
export function postgresServer(): Promise<{ url: string; startMs: number }> {
  server ??= (async () => {
    const res = await fetch(inject("postgresBroker"));
    const text = await res.text();
    if (!res.ok) throw new Error(`no PostgreSQL for the tests: ${text}`);
    return JSON.parse(text) as { url: string; startMs: number };
  })();
  return server;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function onServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database (UTF-8, C collation: text sorts by bytes, as on SQLite). */
export async function freshDatabase(): Promise<TestDatabase> {
  const { url } = await postgresServer();
  const name = `msc_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  // The name is made here of [a-z0-9_]: safe to write into the statement (CREATE DATABASE takes no parameters).
  await onServer(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`));
  return {
    url: withDatabase(url, name),
    drop: () => onServer(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
