import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolSize } from "@/lib/db/postgres/url";
import { postgresPool } from "@/lib/db/postgres/pool";
import { prepareStore } from "@/lib/db/writer";
import { engineOf } from "@/lib/db/store";
import { loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { engineDatabase, type EngineDb } from "@/tests/support/engines";

/**
 * The PostgreSQL store's own rules: the engine is chosen by the URL alone, the pool's size
 * is DATABASE_POOL_SIZE (refused by name when it is not a size), each read is one
 * REPEATABLE READ READ ONLY snapshot (an import that commits during it is not seen; the
 * next read sees it), and a read that fails gives its connection back.
 */

describe("choosing PostgreSQL", () => {
  it("by the URL's scheme alone", () => {
    expect(engineOf("postgresql://u:p@h/db")).toBe("postgresql");
    expect(engineOf("postgres://h/db")).toBe("postgresql");
    expect(engineOf("file:./data/registry.db")).toBe("sqlite");
    expect(engineOf("")).toBe("sqlite");
    expect(engineOf("data/x.db")).toBe("sqlite");
  });

  it("DATABASE_POOL_SIZE: default 10, a whole number from 1 to 1000, else an error naming it", async () => {
    expect(poolSize({} as NodeJS.ProcessEnv)).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: " 25 " } as unknown as NodeJS.ProcessEnv)).toBe(25);
    for (const bad of ["0", "-3", "2.5", "ten", "100000"]) {
      expect(() => poolSize({ DATABASE_POOL_SIZE: bad } as unknown as NodeJS.ProcessEnv)).toThrow(`DATABASE_POOL_SIZE "${bad}": expected a whole number of connections from 1 to 1000`);
    }
    const saved = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = "many";
    try {
      // The start (setup, import) stops on it before touching the database.
      await expect(prepareStore("postgresql://nobody@127.0.0.1:1/none")).rejects.toThrow(/DATABASE_POOL_SIZE "many"/);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_POOL_SIZE;
      else process.env.DATABASE_POOL_SIZE = saved;
    }
  });
});

describe("reads on PostgreSQL", () => {
  let db: EngineDb;
  beforeAll(async () => {
    db = await engineDatabase("postgresql");
    const results = await db.importFiles(seedFiles().slice(0, 2), loadCuration(SEED_CURATION));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
  }, 120_000);
  afterAll(() => db?.cleanup());

  it("the pool holds DATABASE_POOL_SIZE connections at most", async () => {
    const saved = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = "3";
    const url = `${db.url}?application_name=pool-size-test`;
    try {
      const pool = postgresPool(url);
      expect(pool.options.max).toBe(3);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_POOL_SIZE;
      else process.env.DATABASE_POOL_SIZE = saved;
    }
  });

  it("one read is one snapshot: a trial imported while it runs is not seen by it, and is by the next read", async () => {
    const seen = await db.store.read(async (r) => {
      const before = await r.trialCount();
      const version = await r.dataVersion();
      // An import commits on its own connection while this read is open.
      const [res] = await db.importFiles([seedFiles()[2]!], loadCuration(SEED_CURATION));
      expect(res!.ok).toBe(true);
      return { before, after: await r.trialCount(), ids: (await r.facetRows()).length, version, versionAfter: await r.dataVersion() };
    });
    expect(seen).toEqual({ before: 2, after: 2, ids: 2, version: seen.version, versionAfter: seen.version });
    const next = await db.store.read(async (r) => ({ n: await r.trialCount(), version: await r.dataVersion() }));
    expect(next.n).toBe(3);
    expect(next.version).toBeGreaterThan(seen.version);
  });

  it("a read that fails rejects with its error, and gives its connection back (the pool serves the next reads)", async () => {
    for (let i = 0; i < 12; i++) await expect(db.store.read(async (r) => (await r.trialCount(), Promise.reject(new Error(`failed read ${i}`))))).rejects.toThrow(`failed read ${i}`);
    // More failed reads than the pool has connections (10): none was kept.
    expect(await db.store.read((r) => r.trialCount())).toBe(3);
    expect(postgresPool(db.url).totalCount).toBeLessThanOrEqual(10);
    expect(postgresPool(db.url).waitingCount).toBe(0);
  });
});
