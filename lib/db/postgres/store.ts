import type { Store } from "../store";
import { postgresPool } from "./pool";
import { postgresReader } from "./reader";

const stores = new Map<string, Store>();

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
          const result = await fn(postgresReader(client));
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
