import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { sqliteReader } from "@/lib/db/sqlite/reader";
import { importFiles, loadCuration, seedFiles } from "@/lib/import/run-import";
import { findTrials } from "@/lib/data/search";
import { parseSearchParams } from "@/lib/search/params";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

let scratch: ScratchDb;
let db: Database.Database;

beforeAll(() => {
  scratch = scratchDatabase("search-engine");
  const writer = openDatabase(scratch.url);
  const results = importFiles(writer, seedFiles(), loadCuration("seeds/curation.json"));
  expect(results.every((r) => r.ok)).toBe(true);
  writer.close();
  db = new Database(scratch.file, { readonly: true });
});

afterAll(() => {
  db.close();
  scratch.cleanup();
});

const search = (qs: string) => findTrials(sqliteReader(db), parseSearchParams(new URLSearchParams(qs)).query, db);

describe("runSearch on the seed trials", () => {
  it("lists all five without a query, newest start first, unknown dates last", async () => {
    const r = (await search(""));
    expect(r.total).toBe(5);
    expect(r.ids).toEqual(["NCT05985863", "NCT05948982", "NCT04822922", "NCT02812121", "NCT06884904"]);
  });

  it("hbv, HBV and hepatitis B find the three HBV trials; title hits rank first, newest first", async () => {
    for (const q of ["hbv", "HBV", "hepatitis%20B"]) {
      // 004's title says "Hepatitis B" and 002's "HBV" (title hits, 004 newer); 000 only in its criteria.
      expect((await search(`q=${q}`)).ids).toEqual(["NCT05948982", "NCT02812121", "NCT06884904"]);
    }
  });

  it("finds by identifier, sponsor, arm words and criteria", async () => {
    expect((await search("q=MSC-ACLF-1")).ids).toEqual(["NCT04822922"]);
    expect((await search("q=Beijing%20302")).ids).toEqual(["NCT05985863"]);
    expect((await search("q=prolonged")).ids).toEqual(["NCT05985863"]);
    expect((await search("q=bovine")).ids).toEqual(["NCT06884904"]);
    expect((await search('q="cord%20blood"')).ids).toEqual(["NCT02812121"]); // the phrase
    expect((await search("q=cord%20blood")).ids[0]).toBe("NCT02812121"); // both words: the phrase ranks first
  });

  it("filters: phase 3 leaves only NCT06884904", async () => {
    expect((await search("phase=PHASE3")).ids).toEqual(["NCT06884904"]);
    expect((await search("phase=PHASE1")).ids.sort()).toEqual(["NCT05948982", "NCT05985863"]);
    expect((await search("status=UNKNOWN")).ids).toEqual(["NCT02812121"]);
    expect((await search("masking=DOUBLE")).ids).toEqual(["NCT05985863"]);
    expect((await search("source=CORD_BLOOD")).ids).toEqual(["NCT02812121"]);
    expect((await search("allocation=NON_RANDOMIZED")).ids).toEqual(["NCT04822922"]);
    expect((await search("condition=Liver%20Failure")).ids).toEqual(["NCT02812121"]);
  });

  it("age admits: 72 only 004 (18–75); 66 excludes 002 (18–65)", async () => {
    expect((await search("age=72")).ids).toEqual(["NCT05948982"]);
    expect((await search("age=66")).ids.sort()).toEqual(["NCT04822922", "NCT05948982", "NCT05985863", "NCT06884904"]);
    expect((await search("age=17")).total).toBe(0);
  });

  it("dose range matches any arm's per-kg dose, estimated flat doses included", async () => {
    expect((await search("doseMin=4000000")).ids.sort()).toEqual(["NCT05948982", "NCT06884904"]);
    expect((await search("doseMin=2500000&doseMax=2500000")).ids).toEqual(["NCT05985863"]); // 1.5e8 / 60 kg
    expect((await search("doseMax=500000")).ids).toEqual(["NCT04822922"]);
  });

  it("infusions matches any arm's MSC infusion count", async () => {
    expect((await search("infusions=3")).ids.sort()).toEqual(["NCT05948982", "NCT05985863"]);
    expect((await search("infusions=8")).ids).toEqual(["NCT02812121"]);
  });

  it("sorts by highest dose per kg with not reported last, and by enrollment", async () => {
    expect((await search("sort=dose")).ids).toEqual(["NCT05948982", "NCT06884904", "NCT05985863", "NCT04822922", "NCT02812121"]);
    expect((await search("sort=enrollment")).ids).toEqual(["NCT02812121", "NCT05985863", "NCT06884904", "NCT04822922", "NCT05948982"]);
  });

  it("counts each facet option as the trials choosing it would give", async () => {
    const f = (await search("phase=PHASE3")).facets;
    // Phase counts ignore the phase filter itself...
    expect(f.phase).toEqual([{ value: "PHASE2", count: 5 }, { value: "PHASE1", count: 2 }, { value: "PHASE3", count: 1 }]);
    // ...other facets count within phase 3.
    expect(f.status).toEqual([{ value: "NOT_YET_RECRUITING", count: 1 }]);
    const g = (await search("q=hbv")).facets;
    expect(g.source).toEqual([{ value: "UMBILICAL_CORD", count: 2 }, { value: "CORD_BLOOD", count: 1 }]);
    expect((await search("")).facets.doseMin.find((o) => o.value === "4000000")!.count).toBe(2);
  });

  it("paginates", async () => {
    const r = (await search("pageSize=2&page=3"));
    expect(r.total).toBe(5);
    expect(r.ids).toEqual(["NCT06884904"]);
  });
});
