import { engineOf, type Store } from "@/lib/db/store";
import { sqliteStore } from "@/lib/db/sqlite/store";
import { postgresStore } from "@/lib/db/postgres/store";
import { endPostgresPool } from "@/lib/db/postgres/pool";
import { openWriter, type OpenedWriter } from "@/lib/db/writer";
import { importFilesAsync, type FileResult, type ImportOptions } from "@/lib/import/run-import";
import type { Curation } from "@/lib/ingest/curation";
import { scratchDatabase } from "@/tests/helpers/db";
import { freshDatabase } from "./postgres";

/**
 * The database-level tests on both engines: `describe.each(ENGINES)` and, in the block,
 * `engineDatabase(engine)` for a new, migrated database of that engine (SQLite: a scratch
 * file; PostgreSQL: a database of its own on TEST_POSTGRES_URL or the run's embedded
 * server, tests/support/postgres.ts). `use()` points DATABASE_URL at it, so the app's
 * reads (lib/data, `store()`) and the import command's child processes go there.
 */
export const ENGINES = ["sqlite", "postgresql"] as const;
export type Engine = (typeof ENGINES)[number];

export interface EngineDb {
  engine: Engine;
  url: string;
  /** The store of this database (what `store()` gives while DATABASE_URL is `url`). */
  store: Store;
  /** Points DATABASE_URL at this database (the app's reads, child processes). */
  use(): void;
  /** The import command's files through this engine's writer (one writer per call). */
  importFiles(paths: string[], curation?: Curation, options?: ImportOptions): Promise<FileResult[]>;
  /** A writer kept open (lib/db/writer.ts), for tests that write record by record. */
  writer(): Promise<OpenedWriter>;
  cleanup(): Promise<void>;
}

export async function engineDatabase(engine: Engine, name = "registry"): Promise<EngineDb> {
  const made = engine === "sqlite" ? (() => {
    const s = scratchDatabase(name);
    return { url: s.url, drop: async () => s.cleanup() };
  })() : await freshDatabase();
  const url = made.url;
  if (engineOf(url) !== engine) throw new Error(`${url} is not a ${engine} URL`);
  const writers: OpenedWriter[] = [];
  const writer = async () => {
    const w = await openWriter(url);
    writers.push(w);
    return w;
  };
  await (await writer()).close();
  return {
    engine, url,
    // SQLite's store reads the file DATABASE_URL names (the app's one read connection): pointed here first.
    store: engine === "sqlite"
      ? { engine: "sqlite", read: (fn) => ((process.env.DATABASE_URL = url), sqliteStore(url).read(fn)) }
      : postgresStore(url),
    use: () => void (process.env.DATABASE_URL = url),
    importFiles: async (paths, curation = {}, options = {}) => {
      const w = await writer();
      try {
        return await importFilesAsync(w.target, paths, curation, options);
      } finally {
        await w.close();
      }
    },
    writer,
    cleanup: async () => {
      for (const w of writers) await w.close().catch(() => undefined);
      if (engine === "postgresql") await endPostgresPool(url);
      await made.drop();
    },
  };
}
