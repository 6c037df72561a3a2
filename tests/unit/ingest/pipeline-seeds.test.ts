import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getAllTrials } from "@/lib/data/records";
import type { TrialRecord } from "@/lib/record/schema";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * Every value of the five seed records, asserted by name twice: from the pure pipeline
 * (`importSource`) and after a real import into a scratch database, read back through
 * Prisma (`getAllTrials`). The two must be identical.
 */

const F000 = "000_423415c0e2b20a3c.txt";
const F001 = "001_77e33fc44f0026eb.txt";
const F002 = "002_aca47ec262779fdb.txt";
const F003 = "003_380424067d6bdd53.txt";
const F004 = "004_e62994e7b8db9017.txt";
const SEEDS = [F000, F001, F002, F003, F004];
const curation = loadCuration("seeds/curation.json");

const pure: Record<string, TrialRecord> = Object.fromEntries(
  SEEDS.map((f) => [f, importSource(fs.readFileSync(`seeds/${f}`), f, curation).record]),
);
let stored: Record<string, TrialRecord> = {};
let scratch: ScratchDb;

beforeAll(async () => {
  scratch = scratchDatabase();
  const db = openDatabase(scratch.url);
  const results = importFiles(db, SEEDS.map((f) => `seeds/${f}`), curation);
  db.close();
  expect(results.map((r) => [r.file, r.ok, r.ok ? "" : r.line])).toEqual(SEEDS.map((f) => [f, true, ""]));
  process.env.DATABASE_URL = scratch.url;
  stored = Object.fromEntries((await getAllTrials()).map((r) => [r.source.file, r]));
});

afterAll(async () => {

  scratch?.cleanup();
});

/** Each arm's [route, cell source, origin] as [value, source words], null when not stated. */
const factsOf = (r: TrialRecord) => r.arms.map((a) => [a.route, a.cellSource, a.cellOrigin].map((f) => (f ? [f.value, f.text] : null)));

describe("the database round trip", () => {
  it("stores exactly the five seeds, in file order", () => {
    expect(Object.keys(stored)).toEqual(SEEDS);
  });

  it.each(SEEDS)("%s reads back equal to the pure record", (file) => {
    expect(stored[file]).toStrictEqual(pure[file]);
  });
});

const SOURCES = [
  ["importSource", () => pure],
  ["database", () => stored],
] as const;

const armsOf = (r: TrialRecord) => r.arms.map((a) => ({ label: a.label, type: a.type }));
const dosesOf = (r: TrialRecord, arm: number) =>
  r.arms[arm]!.doses.map(({ product, cellsPerKg, cellsPerInfusion, infusions, dayOffsets }) =>
    ({ product, cellsPerKg, cellsPerInfusion, infusions, dayOffsets }));

describe.each(SOURCES)("seed values via %s", (_name, get) => {
  const rec = (file: string) => get()[file]!;

  describe("000: Veeva page, four arms, two randomisations", () => {
    it("identity, status, phases", () => {
      const r = rec(F000);
      expect(r.id).toBe("NCT06884904");
      expect(r.nctId).toBe("NCT06884904");
      expect(r.source).toEqual({ file: F000, format: "veeva" });
      expect(r.title).toBe("Umbilical Cord-derived Mesenchymal Stem Cell Infusion for Treating ACLF");
      expect(r.acronym).toBe("MSCTACLF");
      expect(r.sponsor).toBe("National Engineering Center of Cell Products");
      expect(r.otherIds).toEqual(["MSCTACLF-02"]);
      expect(r.overallStatus).toBe("NOT_YET_RECRUITING"); // "Not yet enrolling"
      expect(r.phases).toEqual(["PHASE2", "PHASE3"]);
      expect(r.studyType).toBe("INTERVENTIONAL");
      expect(r.conditions).toEqual(["Acute-On-Chronic Liver Failure"]);
    });

    it("design, enrollment, eligibility", () => {
      const r = rec(F000);
      expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "QUADRUPLE" });
      expect(r.enrollment).toEqual({ count: 96, type: "ESTIMATED" });
      expect(r.dates).toEqual({ start: null, primaryCompletion: null, completion: null });
      expect(r.eligibility.minAgeYears).toBe(18);
      expect(r.eligibility.maxAgeYears).toBe(70);
      expect(r.eligibility.sex).toBe("ALL");
      expect(r.eligibility.healthyVolunteers).toBe(false);
      expect(r.eligibility.inclusion).toHaveLength(4);
      expect(r.eligibility.exclusion).toHaveLength(12);
      expect(r.eligibility.inclusion[0]).toMatch(/^Age between 18 and 70 years/);
      expect(r.eligibility.exclusion[11]).toMatch(/^Any other condition that/);
    });

    it("arms: 2e6/kg and 4e6/kg experimental, two placebo comparators; no schedule stated", () => {
      const r = rec(F000);
      expect(armsOf(r)).toEqual([
        { label: "Low-dose experimental group", type: "EXPERIMENTAL" },
        { label: "High-dose experimental group", type: "EXPERIMENTAL" },
        { label: "Low-dose placebo control group", type: "PLACEBO_COMPARATOR" },
        { label: "High-dose placebo control group", type: "PLACEBO_COMPARATOR" },
      ]);
      expect(dosesOf(r, 0)).toEqual([{ product: "MSC", cellsPerKg: 2_000_000, cellsPerInfusion: null, infusions: null, dayOffsets: null }]);
      expect(dosesOf(r, 1)).toEqual([{ product: "MSC", cellsPerKg: 4_000_000, cellsPerInfusion: null, infusions: null, dayOffsets: null }]);
      for (const i of [2, 3]) {
        expect(dosesOf(r, i)).toEqual([{ product: "PLACEBO", cellsPerKg: null, cellsPerInfusion: null, infusions: null, dayOffsets: null }]);
        expect(r.arms[i]!.summary).toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 0, cumulativeCellsPerKg: null });
      }
      expect(r.arms[0]!.doses[0]!.text).toBe("2.0×10\\^6/kg");
      expect(r.arms[1]!.summary).toEqual({ cellsPerKgPerInfusion: 4_000_000, estimated: false, activeInfusions: null, cumulativeCellsPerKg: null });
    });

    it("stages: Phase IIb 2:2:1:1 over the four arms, Phase III 1:1", () => {
      const r = rec(F000);
      expect(r.stages.map((s) => s.label)).toEqual(["Phase IIb", "Phase III"]);
      expect(r.stages[0]!.groups.map((g) => [g.ratio, g.armOrdinals])).toEqual([[2, [1]], [2, [0]], [1, [3]], [1, [2]]]);
      expect(r.stages[1]!.groups.map((g) => [g.label, g.ratio, g.armOrdinals])).toEqual([
        ["Experimental group", 1, [0, 1]],
        ["Control group", 1, [2, 3]],
      ]);
    });

    it("provenance: the derived cell source, the MSC arms' cell source from the title", () => {
      expect(rec(F000).provenance).toEqual({ cellSource: "derived", "arms[0].cellSource": "derived", "arms[1].cellSource": "derived" });
      expect(rec(F000).cellSource).toBe("UMBILICAL_CORD");
      expect(factsOf(rec(F000))).toEqual([
        [null, ["UMBILICAL_CORD", "Umbilical Cord"], null], [null, ["UMBILICAL_CORD", "Umbilical Cord"], null],
        [null, null, null], [null, null, null],
      ]);
    });
  });

  describe("001: legacy ClinicalTrials.gov page, three dose levels", () => {
    it("identity, status, phases, dates", () => {
      const r = rec(F001);
      expect(r.id).toBe("NCT04822922");
      expect(r.source).toEqual({ file: F001, format: "ctgov-classic" });
      expect(r.title).toBe("Safety of UC-MSC Transfusion for ACLF Patients");
      expect(r.officialTitle).toMatch(/^Safety of Human Umbilical Cord-derived Mesenchymal Stem Cell \(UC-MSC\) Transfusion/);
      expect(r.otherIds).toEqual(["MSC-ACLF-1"]);
      expect(r.overallStatus).toBe("NOT_YET_RECRUITING");
      expect(r.phases).toEqual(["PHASE2"]);
      expect(r.studyType).toBe("INTERVENTIONAL");
      expect(r.dates).toEqual({ start: "2021-09-30", primaryCompletion: "2022-07-31", completion: "2024-07-21" });
    });

    it("design, enrollment, eligibility", () => {
      const r = rec(F001);
      expect(r.design).toEqual({ allocation: "NON_RANDOMIZED", interventionModel: "PARALLEL", masking: "NONE" });
      expect(r.enrollment).toEqual({ count: 16, type: "ESTIMATED" });
      expect(r.eligibility.minAgeYears).toBe(18);
      expect(r.eligibility.maxAgeYears).toBe(70);
      expect(r.eligibility.sex).toBe("ALL");
      expect(r.eligibility.healthyVolunteers).toBe(false);
      expect(r.eligibility.inclusion).toHaveLength(3);
      expect(r.eligibility.exclusion).toHaveLength(7);
      expect(r.eligibility.inclusion[0]).toBe("Age 18-70 years old");
      expect(r.eligibility.exclusion[0]).toBe("Those who intend to undergo artificial liver treatment");
    });

    it("arms: 4e5, 8e5, 1.2e6 /kg, 4 infusions on days 1, 4, 7, 10", () => {
      const r = rec(F001);
      expect(armsOf(r)).toEqual([
        { label: "low dose", type: "EXPERIMENTAL" },
        { label: "middle dose", type: "EXPERIMENTAL" },
        { label: "high dose", type: "EXPERIMENTAL" },
      ]);
      const perKg = [400_000, 800_000, 1_200_000];
      const cumulative = [1_600_000, 3_200_000, 4_800_000];
      perKg.forEach((dose, i) => {
        expect(dosesOf(r, i)).toEqual([{ product: "MSC", cellsPerKg: dose, cellsPerInfusion: null, infusions: 4, dayOffsets: [0, 3, 6, 9] }]);
        expect(r.arms[i]!.summary).toEqual({ cellsPerKgPerInfusion: dose, estimated: false, activeInfusions: 4, cumulativeCellsPerKg: cumulative[i] });
      });
      expect(r.arms[0]!.doses[0]!.text).toContain("4*10^5/kg/each time");
      expect(r.arms[0]!.doses[0]!.text).toContain("on the 1, 4, 7 and 10 days");
    });

    it("no stages; provenance the routes and cell sources", () => {
      expect(rec(F001).stages).toEqual([]);
      expect(rec(F001).provenance).toEqual({
        cellSource: "derived", "arms[0].cellSource": "derived", "arms[1].cellSource": "derived", "arms[2].cellSource": "derived",
        "arms[0].route": "derived", "arms[1].route": "derived", "arms[2].route": "derived",
      });
      // "The hUC-MSCs were injected intravenously …" is each arm's linked intervention text.
      expect(factsOf(rec(F001))).toEqual(Array(3).fill([["PERIPHERAL_VEIN", "intravenously"], ["UMBILICAL_CORD", "hUC-MSCs"], null]));
    });
  });

  describe("002: Veeva page, weekly schedules, a no-intervention arm", () => {
    it("identity, status, design, eligibility", () => {
      const r = rec(F002);
      expect(r.id).toBe("NCT02812121");
      expect(r.source.format).toBe("veeva");
      expect(r.otherIds).toEqual(["UCBMSC", "LBingliang"]);
      expect(r.overallStatus).toBe("UNKNOWN");
      expect(r.phases).toEqual(["PHASE2"]);
      expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "NONE" });
      expect(r.enrollment).toEqual({ count: 261, type: "ESTIMATED" });
      expect(r.eligibility.minAgeYears).toBe(18);
      expect(r.eligibility.maxAgeYears).toBe(65);
      expect(r.eligibility.sex).toBe("ALL");
      expect(r.eligibility.inclusion).toHaveLength(4);
      expect(r.eligibility.exclusion).toHaveLength(8);
      expect(r.eligibility.inclusion[3]).toBe("18-65 years of age.");
      expect(r.cellSource).toBe("CORD_BLOOD");
      expect(factsOf(r)).toEqual([
        [["PERIPHERAL_VEIN", "via peripheral veins"], ["CORD_BLOOD", "umbilical cord blood"], null],
        [["PERIPHERAL_VEIN", "via peripheral veins"], ["CORD_BLOOD", "umbilical cord blood"], null],
        [null, null, null],
      ]);
    });

    it("arms: MSC-1 8 weekly infusions, MSC-2 4 (by its heading, though its prose says MSC-1), Control no intervention", () => {
      const r = rec(F002);
      expect(armsOf(r)).toEqual([
        { label: "Group MSC-1", type: "EXPERIMENTAL" },
        { label: "Group MSC-2", type: "EXPERIMENTAL" },
        { label: "Group Control", type: "NO_INTERVENTION" },
      ]);
      expect(dosesOf(r, 0)).toEqual([{ product: "MSC", cellsPerKg: null, cellsPerInfusion: null, infusions: 8, dayOffsets: [0, 7, 14, 21, 28, 35, 42, 49] }]);
      expect(dosesOf(r, 1)).toEqual([{ product: "MSC", cellsPerKg: null, cellsPerInfusion: null, infusions: 4, dayOffsets: [0, 7, 14, 21] }]);
      expect(r.arms[1]!.description).toMatch(/^Patients in Group MSC-1 received/);
      expect(r.arms[2]!.doses).toEqual([]);
      expect(r.arms[0]!.summary).toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 8, cumulativeCellsPerKg: null });
      expect(r.arms[2]!.summary).toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 0, cumulativeCellsPerKg: null });
    });
  });

  describe("003: Veeva page with empty fields, two-stage design in prose", () => {
    it("curated identity, status, phases, ages", () => {
      const r = rec(F003);
      expect(r.id).toBe("NCT05985863");
      expect(r.nctId).toBe("NCT05985863");
      expect(r.source.format).toBe("veeva-prose");
      expect(r.title).toMatch(/^Human Umbilical Cord Mesenchymal Stem Cell Transplantation/);
      expect(r.sponsor).toBe("Beijing 302 Hospital");
      expect(r.overallStatus).toBe("RECRUITING");
      expect(r.phases).toEqual(["PHASE1", "PHASE2"]);
      expect(r.dates.start).toBe("2023-09-30");
      expect(r.conditions).toEqual(["Acute-On-Chronic Liver Failure"]);
      expect(r.eligibility.minAgeYears).toBe(18);
      expect(r.eligibility.maxAgeYears).toBe(70);
      expect(r.eligibility.sex).toBeNull();
      expect(r.eligibility.inclusion).toEqual([]);
      expect(r.eligibility.exclusion).toEqual([]);
    });

    it("derived design; enrollment 150 with no type", () => {
      const r = rec(F003);
      expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: null, masking: "DOUBLE" });
      expect(r.enrollment).toEqual({ count: 150, type: null });
    });

    it("arms: placebo 3×, MSC prolonged treatment 5× flat 1.5e8, MSC prolonged control 3 MSC then 2 placebo", () => {
      const r = rec(F003);
      expect(armsOf(r)).toEqual([
        { label: "Placebo short control", type: "PLACEBO_COMPARATOR" },
        { label: "MSC Prolonged treatment", type: "EXPERIMENTAL" },
        { label: "MSC Prolonged control", type: "EXPERIMENTAL" },
      ]);
      expect(dosesOf(r, 0)).toEqual([{ product: "PLACEBO", cellsPerKg: null, cellsPerInfusion: null, infusions: 3, dayOffsets: [0, 7, 14] }]);
      expect(dosesOf(r, 1)).toEqual([{ product: "MSC", cellsPerKg: null, cellsPerInfusion: 150_000_000, infusions: 5, dayOffsets: [0, 7, 14, 28, 35] }]);
      expect(dosesOf(r, 2)).toEqual([
        { product: "MSC", cellsPerKg: null, cellsPerInfusion: 150_000_000, infusions: 3, dayOffsets: [0, 7, 14] },
        { product: "PLACEBO", cellsPerKg: null, cellsPerInfusion: null, infusions: 2, dayOffsets: [28, 35] },
      ]);
      expect(r.arms[0]!.summary.activeInfusions).toBe(0);
      expect(r.arms[1]!.summary).toEqual({ cellsPerKgPerInfusion: 2_500_000, estimated: true, activeInfusions: 5, cumulativeCellsPerKg: 12_500_000 });
      expect(r.arms[2]!.summary).toEqual({ cellsPerKgPerInfusion: 2_500_000, estimated: true, activeInfusions: 3, cumulativeCellsPerKg: 7_500_000 });
      expect(r.referenceWeightKg).toBe(60);
    });

    it("stages: placebo vs MSC short treatment 50:100 (1:2), then re-randomisation of the MSC short treatment group", () => {
      const [s1, s2] = rec(F003).stages;
      expect(rec(F003).stages).toHaveLength(2);
      expect(s1!.label).toBe("Stage 1");
      expect(s1!.groups.map(({ label, ratio, count, armOrdinals, fromGroup }) => ({ label, ratio, count, armOrdinals, fromGroup }))).toEqual([
        { label: "Placebo short control", ratio: 1, count: 50, armOrdinals: [0], fromGroup: null },
        { label: "MSC short treatment", ratio: 2, count: 100, armOrdinals: [1, 2], fromGroup: null },
      ]);
      expect(s2!.label).toBe("Stage 2");
      expect(s2!.description).toBe("Re-randomisation of the MSC short treatment group");
      expect(s2!.groups.map((g) => [g.label, g.armOrdinals, g.fromGroup])).toEqual([
        ["MSC Prolonged treatment", [1], "MSC short treatment"],
        ["MSC Prolonged control", [2], "MSC short treatment"],
      ]);
    });

    it("provenance marks curated and derived fields", () => {
      expect(rec(F003).provenance).toEqual({
        nctId: "curated", title: "curated", sponsor: "curated", overallStatus: "curated", phases: "curated",
        conditions: "curated", "dates.start": "curated", "eligibility.minAgeYears": "curated", "eligibility.maxAgeYears": "curated",
        "design.allocation": "derived", "design.masking": "derived", "arms[0]": "derived", "arms[1]": "derived",
        "arms[2]": "derived", stages: "derived", cellSource: "derived",
        "arms[1].route": "derived", "arms[1].cellSource": "derived", "arms[2].route": "derived", "arms[2].cellSource": "derived",
      });
      expect(factsOf(rec(F003))).toEqual([
        [null, null, null],
        [["PERIPHERAL_VEIN", "Peripheral IV"], ["UMBILICAL_CORD", "hUC-MSC"], null],
        [["PERIPHERAL_VEIN", "Peripheral IV"], ["UMBILICAL_CORD", "hUC-MSC"], null],
      ]);
    });
  });

  describe("004: trial summary page, dose escalation in prose", () => {
    it("identity, status, phases, dates", () => {
      const r = rec(F004);
      expect(r.id).toBe("NCT05948982");
      expect(r.source.format).toBe("trial-summary");
      expect(r.title).toMatch(/^Safety of Umbilical Cord Mesenchymal Stem Cells \(UC-MSC\)/);
      expect(r.sponsor).toBe("Asia Cell Therapeutics (Shanghai) Co., Ltd.");
      expect(r.overallStatus).toBe("NOT_YET_RECRUITING");
      expect(r.phases).toEqual(["PHASE1", "PHASE2"]);
      expect(r.dates).toEqual({ start: "2023-07-30", primaryCompletion: null, completion: "2026-12-31" });
      expect(r.conditions).toEqual(["Decompensated Liver Cirrhosis"]);
    });

    it("derived design, no enrollment, curated ages", () => {
      const r = rec(F004);
      expect(r.design).toEqual({ allocation: null, interventionModel: "SEQUENTIAL", masking: "NONE" });
      expect(r.enrollment).toBeNull();
      expect(r.eligibility.minAgeYears).toBe(18);
      expect(r.eligibility.maxAgeYears).toBe(75);
      expect(r.eligibility.sex).toBeNull();
      expect(r.eligibility.inclusion).toEqual([]);
      expect(r.eligibility.exclusion).toEqual([]);
    });

    it("arms: 1e6, 2e6, 4e6 /kg, 3 infusions 4 weeks apart", () => {
      const r = rec(F004);
      expect(armsOf(r)).toEqual([
        { label: "Low dose", type: "EXPERIMENTAL" },
        { label: "Medium dose", type: "EXPERIMENTAL" },
        { label: "High dose", type: "EXPERIMENTAL" },
      ]);
      const perKg = [1_000_000, 2_000_000, 4_000_000];
      const cumulative = [3_000_000, 6_000_000, 12_000_000];
      perKg.forEach((dose, i) => {
        expect(dosesOf(r, i)).toEqual([{ product: "MSC", cellsPerKg: dose, cellsPerInfusion: null, infusions: 3, dayOffsets: [0, 28, 56] }]);
        expect(r.arms[i]!.summary).toEqual({ cellsPerKgPerInfusion: dose, estimated: false, activeInfusions: 3, cumulativeCellsPerKg: cumulative[i] });
      });
    });

    it("provenance marks curated and derived fields", () => {
      expect(rec(F004).provenance).toEqual({
        title: "curated", conditions: "curated", "eligibility.minAgeYears": "curated", "eligibility.maxAgeYears": "curated",
        "design.interventionModel": "derived", "design.masking": "derived", "arms[0]": "derived", "arms[1]": "derived",
        "arms[2]": "derived", cellSource: "derived",
        "arms[0].cellSource": "derived", "arms[1].cellSource": "derived", "arms[2].cellSource": "derived",
      });
      // From the curated title and the summary's own words in the derived arms.
      expect(factsOf(rec(F004))).toEqual(Array(3).fill([null, ["UMBILICAL_CORD", "Umbilical Cord … UC-MSC"], null]));
    });
  });
});

describe("without curation", () => {
  it("003 gets the stable slug id of its file, with title and status null", () => {
    const { record } = importSource(fs.readFileSync(`seeds/${F003}`), F003, {});
    expect(record.id).toBe("003-380424067d6bdd53");
    expect(record.nctId).toBeNull();
    expect(record.title).toBeNull();
    expect(record.overallStatus).toBeNull();
    expect(record.phases).toEqual([]);
    expect(record.eligibility.minAgeYears).toBeNull();
    expect(Object.values(record.provenance)).not.toContain("curated");
    // The arms come from the prose, not from curation.
    expect(record.arms.map((a) => a.summary.activeInfusions)).toEqual([0, 5, 3]);
  });

  it("the slug is the same on every import", () => {
    const ids = [1, 2].map(() => importSource(fs.readFileSync(`seeds/${F003}`), F003, {}).record.id);
    expect(ids).toEqual(["003-380424067d6bdd53", "003-380424067d6bdd53"]);
  });

  it("a curated value that disagrees with the source is reported and the source kept", () => {
    const { record, warnings } = importSource(fs.readFileSync(`seeds/${F004}`), F004, {
      [F004]: { overallStatus: "COMPLETED", note: "test" },
    });
    expect(record.overallStatus).toBe("NOT_YET_RECRUITING");
    expect(record.provenance.overallStatus).toBeUndefined();
    expect(warnings).toContain('curation gives overallStatus = "COMPLETED" but the source says "NOT_YET_RECRUITING"; the source is kept');
  });
});
