import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/db/migrate";
import { registryCode } from "@/lib/db/trial-links";
import { liveLandscapeTrials, liveScreenTrials, trialsWithoutView } from "@/lib/db/trial-views";
import { readAllIds, readLandscapeTrials, readScreenTrials, type LandscapeTrial } from "@/lib/db/view-reads";
import { writeTrial, WriteRefusedError } from "@/lib/db/write-trial";
import type { TrialRecord } from "@/lib/record/schema";
import type { ScratchDb } from "@/tests/helpers/db";
import { CLASSIC, seed000, seedsAndClassic } from "@/tests/helpers/seeds-and-classic";

/**
 * The view rows (lib/db/trial-views.ts): what the landscape and the screen read of a trial,
 * written with it. Read through them, a trial is what the live read of its rows returned
 * (registries included, which follow the links to other trials); a write that changes
 * the trial changes its row in its own transaction; a database from before view rows gets
 * them when it is prepared, and reads right meanwhile.
 */

/** The old live read: the trial's rows decoded, its registries from the links now, whether it lists a results publication. */
function oldRead(db: Database.Database, ids: string[]): LandscapeTrial[] {
  const trials = liveLandscapeTrials(db, ids);
  for (const t of trials) {
    t.resultsPublication = db.prepare("SELECT 1 FROM Reference WHERE trialId = ? AND type = 'RESULT'").get(t.id) !== undefined;
    t.registries = [registryCode(t.id)];
    for (const m of db.prepare("SELECT trialId FROM TrialGroup WHERE groupId = ? AND trialId <> groupId").pluck().all(t.id) as string[]) {
      if (!t.registries.includes(registryCode(m))) t.registries.push(registryCode(m));
    }
  }
  return trials;
}
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
const viewRows = (db: Database.Database) => (db.prepare("SELECT count(*) FROM TrialView").pluck().get() as number);

let scratch: ScratchDb;
let db: Database.Database;
beforeAll(() => {
  ({ scratch, db } = seedsAndClassic("trial-views"));
}, 120_000);
afterAll(() => {
  db?.close();
  scratch?.cleanup();
});

describe("a trial read through its view row", () => {
  it("is what the live read of its rows returns, for the seeds and the real records of ../shared/ctgov/classic", () => {
    const ids = db.prepare("SELECT id FROM Trial").pluck().all() as string[];
    // 53 records, two of them the trials of seeds 001 and 002 (the classic file replaces the seed's), and seeds 000, 003, 004.
    expect(fs.readdirSync(CLASSIC).filter((f) => f.endsWith(".json")).length).toBe(53);
    expect(ids.length).toBe(56);
    expect(viewRows(db)).toBe(db.prepare("SELECT count(*) FROM Trial").pluck().get());
    for (let i = 0; i < ids.length; i += 40) {
      const chunk = ids.slice(i, i + 40);
      // toStrictEqual: the arms' sparse array too (an arm keeps its index among all the trial's arms).
      expect(byId(readLandscapeTrials(db, chunk))).toStrictEqual(byId(oldRead(db, chunk)));
      expect(byId(readScreenTrials(db, chunk))).toStrictEqual(byId(liveScreenTrials(db, chunk)));
    }
  });

  it("holds the record's exact values: seed 000's two doses, its age limits and its TBil threshold", () => {
    const [t] = readLandscapeTrials(db, ["NCT06884904"]);
    expect(t!.arms.map((a) => a.doses.map((d) => [d.product, d.cellsPerKg, d.text]))).toEqual([
      [["MSC", 2e6, "2.0×10\\^6/kg"]], [["MSC", 4e6, "4.0×10\\^6/kg"]],
    ]);
    expect(t!.enrollment).toEqual({ count: 96, type: "ESTIMATED" });
    expect(t!.registries).toEqual(["NCT"]);
    const [s] = readScreenTrials(db, ["NCT06884904"]);
    expect([s!.eligibility.minAgeYears, s!.eligibility.maxAgeYears]).toEqual([18, 70]);
    expect(s!.eligibility.thresholds.find((th) => th.analyte === "TBIL")).toMatchObject({ op: ">=", value: 12, unit: "mg/dL" });
  });

  it("a trial with a placebo arm first keeps its MSC arm at its own index", () => {
    const ids = readAllIds(db);
    const gap = readLandscapeTrials(db, ids).find((t) => t.arms.length > Object.keys(t.arms).length);
    expect(gap, "a trial whose first arm has no MSC dose").toBeTruthy();
    expect(0 in gap!.arms).toBe(false);
  });
});

describe("writing a trial writes its view row, in the same transaction", () => {
  const dose = (id: string) => readLandscapeTrials(db, [id])[0]!.arms[0]!.doses[0]!.cellsPerKg;
  const write = (record: TrialRecord, force = false) => writeTrial(db, { record, evidence: {}, endsMidWord: null }, { force });

  it("a re-import with another dose and status changes the row; a refused one leaves it", () => {
    const r = seed000();
    const edited = structuredClone(r);
    edited.arms[0]!.doses[0]!.cellsPerKg = 2.5e6;
    edited.overallStatus = "RECRUITING";
    edited.eligibility.maxAgeYears = 65;
    write(edited);
    expect(dose("NCT06884904")).toBe(2.5e6);
    expect(readLandscapeTrials(db, ["NCT06884904"])[0]!.overallStatus).toBe("RECRUITING");
    expect(readScreenTrials(db, ["NCT06884904"])[0]!.eligibility.maxAgeYears).toBe(65);
    // A cut-off copy (one arm fewer) is refused: nothing of it is written, the row stays.
    const cut = structuredClone(edited);
    cut.arms = cut.arms.slice(0, 1);
    cut.arms[0]!.doses[0]!.cellsPerKg = 9e6;
    expect(() => write(cut)).toThrow(WriteRefusedError);
    expect(dose("NCT06884904")).toBe(2.5e6);
    write(r);
    expect(dose("NCT06884904")).toBe(2e6);
  });

  it("a write that fails after its view row was written leaves the old row (one transaction)", () => {
    const edited = seed000();
    edited.arms[0]!.doses[0]!.cellsPerKg = 7e6;
    // The links are written after the view row: make that step fail.
    db.exec("CREATE TEMP TRIGGER fail_links BEFORE INSERT ON RegistryKey BEGIN SELECT RAISE(ABORT, 'links failed'); END");
    try {
      expect(() => write(edited)).toThrow(/links failed/);
    } finally {
      db.exec("DROP TRIGGER fail_links");
    }
    expect(dose("NCT06884904")).toBe(2e6);
    expect(readLandscapeTrials(db, ["NCT06884904"])).toStrictEqual(oldRead(db, ["NCT06884904"]));
  });

  it("another registry's record that names the trial adds its registry, and taking the link away removes it", () => {
    const other = seed000();
    other.id = "ChiCTR2000029990";
    other.nctId = null;
    other.otherIds = ["NCT06884904"];
    other.source = { ...other.source, file: "ChiCTR2000029990.txt" };
    write(other);
    expect(readLandscapeTrials(db, ["NCT06884904"])[0]!.registries).toEqual(["NCT", "ChiCTR"]);
    expect(readLandscapeTrials(db, ["NCT06884904"])).toStrictEqual(oldRead(db, ["NCT06884904"]));
    write({ ...other, otherIds: [] }, true); // fewer other ids: forced, as a person would
    expect(readLandscapeTrials(db, ["NCT06884904"])[0]!.registries).toEqual(["NCT"]);
    expect(readLandscapeTrials(db, ["ChiCTR2000029990"])[0]!.registries).toEqual(["ChiCTR"]);
    db.prepare("DELETE FROM Trial WHERE id = ?").run("ChiCTR2000029990");
    expect(db.prepare("SELECT count(*) FROM TrialView WHERE trialId = ?").pluck().get("ChiCTR2000029990")).toBe(0);
  });
});

describe("a database from before view rows", () => {
  it("reads right without them, and gets them when it is prepared", () => {
    const file = path.join(path.dirname(scratch.file), "old.db");
    db.pragma("wal_checkpoint(TRUNCATE)");
    fs.copyFileSync(scratch.file, file);
    // As the previous version left it: no TrialView table, its migration not applied.
    const old = new Database(file);
    old.exec("DROP TABLE TrialView");
    old.prepare("DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_trial_view%'").run(); // and the facet column's, which made the table again
    old.close();
    prepareDatabase(`file:${file}`);
    const upgraded = new Database(file, { readonly: true });
    try {
      expect(trialsWithoutView(upgraded)).toEqual([]);
      const ids = readAllIds(upgraded);
      expect(viewRows(upgraded)).toBe(upgraded.prepare("SELECT count(*) FROM Trial").pluck().get());
      expect(byId(readLandscapeTrials(upgraded, ids))).toStrictEqual(byId(readLandscapeTrials(db, ids)));
      expect(byId(readScreenTrials(upgraded, ids))).toStrictEqual(byId(readScreenTrials(db, ids)));
    } finally {
      upgraded.close();
    }
  });

  it("a trial whose row is missing (the table made, the rows not yet) is read from its rows", () => {
    const ids = readAllIds(db).slice(0, 30);
    const before = { l: byId(readLandscapeTrials(db, ids)), s: byId(readScreenTrials(db, ids)) };
    try {
      db.transaction(() => {
        db.prepare(`DELETE FROM TrialView WHERE trialId IN (${ids.slice(0, 10).map(() => "?").join(",")})`).run(...ids.slice(0, 10));
        expect(byId(readLandscapeTrials(db, ids))).toStrictEqual(before.l);
        expect(byId(readScreenTrials(db, ids))).toStrictEqual(before.s);
        expect(trialsWithoutView(db).sort()).toEqual([...ids.slice(0, 10)].sort());
        throw new Error("roll back");
      })();
    } catch (e) {
      expect((e as Error).message).toBe("roll back");
    }
    expect(trialsWithoutView(db)).toEqual([]);
  });
});
