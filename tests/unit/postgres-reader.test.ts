import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FacetRow, Reader } from "@/lib/db/store";
import { loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { parseUserQuery } from "@/lib/search/fts-query";
import { engineDatabase, type EngineDb } from "../support/engines";

/**
 * Every Reader method answers the same on both engines, for the seeds and the real records
 * of ../shared/ctgov/classic imported by the import command's path into each: the same
 * plain objects (deep equality), in the same order. Two things differ by design and are
 * mapped before comparing: FacetRow.rowid (the integer key of each engine's full-text
 * table; matches are compared as trial ids) and the import times (each engine's import ran
 * at its own moment). dataVersion means "moves on each committed import" on both, checked as such.
 */

const CLASSIC = path.join("..", "shared", "ctgov", "classic");
let lite: EngineDb;
let pg: EngineDb;
let ids: string[] = [];

beforeAll(async () => {
  const curation = loadCuration(SEED_CURATION);
  [lite, pg] = [await engineDatabase("sqlite"), await engineDatabase("postgresql")];
  for (const db of [lite, pg]) {
    const results = await db.importFiles([...seedFiles(), CLASSIC], curation);
    expect(results.filter((r) => !r.ok).map((r) => r.line)).toEqual([]);
    expect(results).toHaveLength(58);
  }
  lite.use();
  ids = await lite.store.read((r) => r.recordIds());
}, 180_000);

afterAll(async () => {
  await lite?.cleanup();
  await pg?.cleanup();
});

/** The answer of `fn` on each engine, import times replaced by "T". */
async function both<T>(fn: (r: Reader) => Promise<T>): Promise<{ lite: T; pg: T }> {
  const scrub = (v: T) => JSON.parse(JSON.stringify(v, (k, x) => (k === "importedAt" || k === "latestImportedAt" ? "T" : x))) as T;
  return { lite: scrub(await lite.store.read(fn)), pg: scrub(await pg.store.read(fn)) };
}

const withoutRowid = (rows: FacetRow[]) => rows.map(({ rowid: _r, ...rest }) => rest);

describe("the Reader on SQLite and on PostgreSQL", () => {
  it("counts the same 56 trials and lists the same ids in the same orders", async () => {
    const r = await both(async (x) => ({ n: await x.trialCount(), records: await x.recordIds(), listed: await x.listedIds(), titles: await x.trialTitles() }));
    expect(r.lite.n).toBe(56);
    expect(r.lite.records).toHaveLength(56);
    expect(r.pg).toEqual(r.lite);
  });

  it("gives the same facet rows (every field, lists in the same order)", async () => {
    const r = await both((x) => x.facetRows());
    expect(r.lite.length).toBe(56);
    expect(withoutRowid(r.pg)).toEqual(withoutRowid(r.lite));
    // NCT05155657's arms as the filters read them: three labels, its per-kg doses.
    const t = r.pg.find((f) => f.id === "NCT05155657")!;
    expect(t.armLabels).toHaveLength(3);
  });

  it("matches the same trials for text queries (as ids)", async () => {
    const queries = ["hbv", "umbilical cord", '"acute-on-chronic liver failure"', "NCT0132", "cirrhosis OR fibrosis", "hôpital", "zzzz", ""];
    for (const q of queries) {
      const r = await both(async (x) => {
        const idOf = new Map((await x.facetRows()).map((f) => [f.rowid, f.id]));
        const m = await x.textMatches(parseUserQuery(q));
        return m === null ? null : m.map((rowid) => idOf.get(rowid)).sort();
      });
      expect(r.pg, q).toEqual(r.lite);
    }
  });

  it("gives the same list rows, whole records, evidence, registrations and suggestions", async () => {
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const r = await both(async (x) => ({
      list: sort(await x.listRows(ids)), trials: await x.trials(ids), withEvidence: await x.trialsWithEvidence(ids),
      registrations: await Promise.all(ids.map((id) => x.registrations(id))),
      suggestions: await Promise.all(ids.map((id) => x.suggestions(id))),
      unknown: await x.trials(["NCT00000000"]),
    }));
    expect(r.lite.trials).toHaveLength(56);
    expect(r.pg.list).toEqual(r.lite.list);
    expect(r.pg.trials).toEqual(r.lite.trials);
    expect(r.pg.withEvidence).toEqual(r.lite.withEvidence);
    expect(r.pg.registrations).toEqual(r.lite.registrations);
    expect(r.pg.suggestions).toEqual(r.lite.suggestions);
    expect(r.pg.unknown).toEqual([]);
  });

  it("resolves the same canonical ids (as stored, in another case, unknown)", async () => {
    const asked = [...ids, ...ids.map((id) => id.toLowerCase()), "NCT00000000", "nct0"];
    const r = await both((x) => Promise.all(asked.map((id) => x.canonicalId(id))));
    expect(r.pg).toEqual(r.lite);
    expect(r.pg[ids.length + ids.indexOf("NCT05155657")]).toBe("NCT05155657");
  });

  it("offers the same comparison candidates for every trial", async () => {
    const r = await both(async (x) => {
      const records = await x.trials(ids);
      return Promise.all(records.map((t) => x.compareCandidates(t.id, t.conditions, 12)));
    });
    expect(r.pg).toEqual(r.lite);
  });

  it("gives the same landscape and screen rows", async () => {
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const r = await both(async (x) => ({ landscape: sort(await x.landscapeTrials(ids)), screen: sort(await x.screenTrials(ids)) }));
    expect(r.lite.landscape).toHaveLength(56);
    expect(r.pg).toEqual(r.lite);
  });

  it("gives the same versions (two for each trial a classic file imported again)", async () => {
    const r = await both(async (x) => ({
      all: await Promise.all(ids.map((id) => x.versions(id))), first: await Promise.all(ids.map((id) => x.version(id, 1))),
      counts: await x.versionCounts(ids), pairs: await Promise.all(ids.map((id) => x.latestPair(id))),
    }));
    expect(r.lite.counts.filter((c) => c.versions === 2)).toHaveLength(2);
    expect(r.pg).toEqual(r.lite);
  });

  it("moves the data version when an import commits, on both", async () => {
    for (const db of [lite, pg]) {
      const before = await db.store.read((x) => x.dataVersion());
      // The seed's record from another file name: the same facts (no new version), its rows rewritten.
      const file = path.join(fs.mkdtempSync(path.join(path.dirname(seedFiles()[0]!), "..", "node_modules", ".tmp-dv-")), "copy.txt");
      fs.copyFileSync(seedFiles()[3]!, file);
      const [res] = await db.importFiles([file], loadCuration(SEED_CURATION));
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      expect(res!.ok, res!.line).toBe(true);
      const after = await db.store.read((x) => x.dataVersion());
      expect(after, db.engine).not.toBe(before);
    }
  });
});
