import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresClient } from "@/lib/db/postgres/pool";
import { FACET_VIEW_FORMAT } from "@/lib/db/search-reads";
import type { FacetRow, Reader } from "@/lib/db/store";
import { loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { parseUserQuery } from "@/lib/search/fts-query";
import { findTrials } from "@/lib/data/search";
import { toSearchResult } from "@/lib/search/list-items";
import { parseSearchParams } from "@/lib/search/params";
import { engineDatabase, type EngineDb } from "@/tests/support/engines";

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
    // The site fields (issue 22) read through each engine's view rows: a seed's one site, placed by the gazetteer.
    expect(r.pg.find((f) => f.id === "NCT04822922")!.sites).toEqual([{ countryCode: "CN", city: "Shanghai", status: null, lat: 31.22222, lon: 121.45806, approximate: true }]);
    expect(r.pg.filter((f) => f.sites.length > 0).length).toBe(r.lite.filter((f) => f.sites.length > 0).length);
    expect(r.pg.filter((f) => f.sites.length > 0).length).toBeGreaterThan(40);
    expect(r.pg.filter((f) => f.hasResultsPublication).map((f) => f.id)).toEqual(r.lite.filter((f) => f.hasResultsPublication).map((f) => f.id));
    expect(r.pg.filter((f) => f.hasResultsPublication).length).toBeGreaterThan(0);
  });

  it("stores the same facet row text for every trial (TrialView.facet, its hash and format)", async () => {
    const file = new Database(lite.url.replace(/^file:/, ""), { readonly: true });
    const liteRows = file.prepare(`SELECT trialId, facet, facetHash, facetFormat FROM TrialView ORDER BY trialId`).all();
    file.close();
    const client = postgresClient(pg.url);
    await client.connect();
    const pgRows = (await client.query(`SELECT "trialId", facet, "facetHash", "facetFormat" FROM "TrialView" ORDER BY "trialId" COLLATE "C"`)).rows;
    await client.end();
    expect(liteRows).toHaveLength(56);
    expect(pgRows).toEqual(liteRows);
    expect(new Set(pgRows.map((r) => r.facetFormat))).toEqual(new Set([FACET_VIEW_FORMAT]));
  });

  it("searches near a place alike: the same trials in the same distance order, the same nearest sites, facets and map", async () => {
    const queries = ["near=Shanghai&sort=distance", "near=Hangzhou,%20China&radius=500&sort=distance&pageSize=100", "near=31.2,121.5&radius=1500&sort=distance",
      "country=CN&recruiting=1", "results=1", "q=cirrhosis&near=Beijing&sort=distance"];
    for (const qs of queries) {
      const { query } = parseSearchParams(new URLSearchParams(qs));
      const r = await both(async (x) => {
        const found = await findTrials(x, query, x, { withMap: true });
        return toSearchResult(query, found, found.ids.length ? await x.listRows(found.ids) : []);
      });
      expect(r.pg, qs).toEqual(r.lite);
      expect(r.lite.total, qs).toBeGreaterThan(0);
    }
    const { query } = parseSearchParams(new URLSearchParams("near=Shanghai&sort=distance"));
    const seed = await pg.store.read(async (x) => (await findTrials(x, { ...query, pageSize: 100 }, x)).nearest?.NCT04822922);
    // A seed's one site, placed at Shanghai's centre by the gazetteer (31.22222, 121.45806): within 1 km of it, approximate, its status the trial's.
    expect(seed).toMatchObject({ ordinal: 0, approximate: true, statusFromTrial: true });
    expect(seed!.km).toBeLessThan(1);
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
    // Each Location's facility in ordinal order, unnamed ones null (the site a distance is measured to).
    expect(r.pg.list.filter((l) => l.facilities.length > 0).length).toBeGreaterThan(40);
    expect(r.pg.list.find((l) => l.id === "NCT04822922")!.facilities).toEqual(r.lite.list.find((l) => l.id === "NCT04822922")!.facilities);
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
    // Whether a results publication is listed, read live on both.
    expect(r.pg.landscape.filter((t) => t.resultsPublication).map((t) => t.id)).toEqual(r.lite.landscape.filter((t) => t.resultsPublication).map((t) => t.id));
    expect(r.pg.landscape.every((t) => typeof t.resultsPublication === "boolean")).toBe(true);
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
