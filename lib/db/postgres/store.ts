import type pg from "pg";
import type { Store } from "../store";
import { postgresPool } from "./pool";
import { postgresReader } from "./reader";

const stores = new Map<string, Store>();

/**
 * The client with its statements run one after another in the order asked: a Reader's
 * methods may be called together (`Promise.all` over ids), and a pg client runs one query
 * at a time (pg 8 queues a second one with a deprecation warning; pg 9 refuses it).
 */
function oneAtATime(client: pg.PoolClient): pg.ClientBase {
  let tail: Promise<unknown> = Promise.resolve();
  const query = (...args: unknown[]) => {
    const run = tail.then(() => (client.query as (...a: unknown[]) => Promise<unknown>).apply(client, args));
    tail = run.catch(() => undefined);
    return run;
  };
  return new Proxy(client, { get: (target, key) => (key === "query" ? query : Reflect.get(target, key)) });
}

/**
 * The PostgreSQL store of a postgresql:// URL: every `read` is one
 * `REPEATABLE READ READ ONLY` transaction on a client of the process's pool
 * (lib/db/postgres/pool.ts, DATABASE_POOL_SIZE connections): all its statements see one
 * committed state (the snapshot of its first statement), whatever imports commit meanwhile,
 * on this instance or another, and it never blocks a writer. One Store object per URL, so
 * that caches kept per store (the facet index) live as long as the pool.
 */
export function postgresStore(url: string): Store {
  let s = stores.get(url);
  if (!s) {
    s = {
      engine: "postgresql",
      read: async (fn) => {
        const client = await postgresPool(url).connect();
        let broken: Error | undefined;
        try {
          await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
          const result = await fn(postgresReader(oneAtATime(client)));
          await client.query("COMMIT");
          return result;
        } catch (e) {
          // A client whose rollback fails (its connection is gone) leaves the pool.
          await client.query("ROLLBACK").catch((r: Error) => (broken = r));
          throw e;
        } finally {
          client.release(broken);
        }
      },
    };
    stores.set(url, s);
  }
  return s;
}
