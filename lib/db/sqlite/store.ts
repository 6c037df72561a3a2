import { readSnapshotAsync } from "../read-connection";
import type { Store } from "../store";
import { sqliteReader } from "./reader";

const stores = new Map<string, Store>();

/**
 * The SQLite store of a `file:` URL: every `read` is one read transaction on the process's
 * read-only connection (lib/db/read-connection.ts: under WAL it never blocks an import, and
 * requests starting together share the snapshot). One Store object per URL, so that
 * caches kept per store (the facet index) live as long as the connection.
 */
export function sqliteStore(url: string): Store {
  let s = stores.get(url);
  if (!s) {
    s = { engine: "sqlite", read: (fn) => readSnapshotAsync((db) => fn(sqliteReader(db))) };
    stores.set(url, s);
  }
  return s;
}
