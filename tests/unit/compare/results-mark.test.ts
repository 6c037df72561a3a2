import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { readLandscapeTrials } from "@/lib/db/view-reads";
import { shapeLandscape } from "@/lib/landscape/shape";
import { shapeComparison } from "@/lib/compare/shape";
import { compareTableRows } from "@/lib/compare/table-rows";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * The mark for trials whose record lists a results publication, in words: a row of the
 * comparison's table, and each arm's row of the landscape (read from the database, as the
 * page reads it). NCT04939337 (../shared/ctgov/msc-other) lists PubMed 17560413 as reporting
 * its results; the seed NCT04822922 is a text record without references; NCT02552212 lists 2.
 */
const MSC_OTHER = path.join("..", "shared", "ctgov", "msc-other", "NCT04939337.json");
const V2 = path.join("..", "shared", "ctgov", "v2", "NCT02552212.json");
const SEED = "seeds/001_77e33fc44f0026eb.txt";
const read = (file: string) => importSource(fs.readFileSync(file), path.basename(file), loadCuration("seeds/curation.json")).record;

describe("compare: a results publication row, in words", () => {
  it("says yes with the PubMed ids, none, or not known for a copy without references", () => {
    const rows = compareTableRows(shapeComparison([read(MSC_OTHER), read(SEED), read(V2)], 60));
    const row = rows.find((r) => r.key === "results-publication")!;
    expect(row.label).toBe("Results publication (all its arms)");
    expect(row.cells.map((c) => c.map((l) => l.text))).toEqual([
      ["yes: PubMed 17560413 (the record lists it as reporting this trial's results)"],
      ["not known: this copy of the record does not include its references"],
      ["yes: PubMed 35296532, PubMed 35733363 (the record lists it as reporting this trial's results)"],
    ]);
    expect(row.differs).toBe(true);
  });
});

describe("landscape: each arm of a trial with a results publication is marked", () => {
  let scratch: ScratchDb;
  beforeAll(() => {
    scratch = scratchDatabase("results-mark");
    const db = openDatabase(scratch.url);
    expect(importFiles(db, [MSC_OTHER, SEED], loadCuration("seeds/curation.json")).every((r) => r.ok)).toBe(true);
    db.close();
  });
  afterAll(() => scratch?.cleanup());

  it("reads resultsPublication with the view row and carries it to every drawn arm", () => {
    const db = new Database(scratch.file, { readonly: true });
    try {
      const trials = readLandscapeTrials(db, ["NCT04939337", "NCT04822922"]);
      expect(Object.fromEntries(trials.map((t) => [t.id, t.resultsPublication]))).toEqual({ NCT04939337: true, NCT04822922: false });
      const land = shapeLandscape(trials, { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] } });
      const marks = new Map<string, boolean[]>();
      for (const p of land.points) marks.set(p.trialId, [...(marks.get(p.trialId) ?? []), p.resultsPublication]);
      expect(marks.get("NCT04939337")!.length).toBeGreaterThan(0);
      expect(marks.get("NCT04939337")!.every(Boolean)).toBe(true);
      expect(marks.get("NCT04822922")!.every((m) => !m)).toBe(true);
    } finally {
      db.close();
    }
  });
});
