import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getTrial } from "@/lib/data/records";
import { doseChartData } from "@/lib/compare/chart-rows";
import { toCompareCsv } from "@/lib/compare/csv";
import { shapeComparison, toCompareApi } from "@/lib/compare/shape";
import { compareTableRows } from "@/lib/compare/table-rows";
import { toLandscapeCsv } from "@/lib/landscape/csv";
import { shapeLandscape } from "@/lib/landscape/shape";
import { toResearchStudy } from "@/lib/fhir/research-study";
import { formatDoseRange } from "@/lib/format";
import { trialRecordSchema, type TrialRecord } from "@/lib/record/schema";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * Issue 17: a dose stated as a range keeps both ends in the record, the database, the
 * comparison, the landscape and the FHIR export, and is never shown as one of them. The
 * record is the browser tests' (tests/e2e/support/range-trial.json): "2,5-5,0 10E6
 * cells/kg" on days 0, 7, 14; "Between 50 and 100 million" once; 1×10^6/kg "weekly for the
 * first month, then monthly for five months (9 doses in all)".
 */
const FILE = "tests/e2e/support/range-trial.json";
const record: TrialRecord = importSource(fs.readFileSync(FILE), "range-trial.json").record;
const [perKg, flat, phased] = record.arms;

describe("the record", () => {
  it("keeps both ends, says why no single amount, and keeps the phases", () => {
    expect(trialRecordSchema.parse(record)).toBeTruthy();
    expect(perKg!.doses[0]).toMatchObject({
      cellsPerKg: null, cellsPerInfusion: null, infusions: 3, dayOffsets: [0, 7, 14],
      range: { min: 2_500_000, max: 5_000_000, unit: "cells/kg" }, unstated: { amount: "stated as a range: 2.5–5 × 10^6 cells/kg" },
    });
    expect(flat!.doses[0]).toMatchObject({ range: { min: 50_000_000, max: 100_000_000, unit: "cells" }, infusions: 1 });
    expect(phased!.doses[0]).toMatchObject({
      cellsPerKg: 1_000_000, infusions: 9, dayOffsets: null,
      unstated: { dayOffsets: "schedule changes frequency: 9 infusions, days not stated" },
      schedulePhases: [{ text: "weekly for the first month", everyDays: 7, infusions: null }, { text: "monthly for five months", everyDays: null, infusions: 5 }],
    });
  });
  it("the summary is null for a range, never one end", () => {
    expect(perKg!.summary).toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 3, cumulativeCellsPerKg: null });
    expect(flat!.summary.cellsPerKgPerInfusion).toBeNull();
  });
  it("reads as a range in words", () => {
    expect(formatDoseRange(perKg!.doses[0]!.range!)).toBe("2.5–5×10⁶/kg (range)");
    expect(formatDoseRange(flat!.doses[0]!.range!)).toBe("5–10×10⁷ cells (range)");
  });
});

describe("stored and read back", () => {
  let scratch: ScratchDb;
  beforeAll(() => {
    scratch = scratchDatabase();
    const db = openDatabase(scratch.url);
    expect(importFiles(db, [FILE], loadCuration(null)).map((r) => r.ok)).toEqual([true]);
    db.close();
    process.env.DATABASE_URL = scratch.url;
  });
  afterAll(async () => {

    scratch?.cleanup();
  });
  it("the database gives back the same doses, additions included", async () => {
    const stored = await getTrial(record.id);
    expect(stored!.arms.map((a) => a.doses)).toEqual(record.arms.map((a) => a.doses));
    expect(stored!.arms[0]!.doses[0]!.range).toEqual({ min: 2_500_000, max: 5_000_000, unit: "cells/kg" });
  });
});

describe("the comparison", () => {
  const c = shapeComparison([record], 60);
  it("API: range and per-kg range, no single dose", () => {
    const arms = toCompareApi(c).trials[0]!.arms;
    expect(arms[0]).toMatchObject({ cellsPerKgPerInfusion: null, cumulativeCellsPerKg: null, range: { min: 2.5e6, max: 5e6, unit: "cells/kg" },
      cellsPerKgPerInfusionRange: { min: 2.5e6, max: 5e6, estimated: false }, unstated: ["stated as a range: 2.5–5 × 10^6 cells/kg"] });
    expect(arms[1]!.cellsPerKgPerInfusionRange).toEqual({ min: 50e6 / 60, max: 100e6 / 60, estimated: true });
  });
  it("CSV: both ends in their columns, the single-dose column empty", () => {
    const lines = toCompareCsv(c).split("\r\n");
    expect(lines[1]).toBe("NCT09170017,Umbilical Cord MSC Doses Stated as Ranges in ACLF (browser-test record),UC-MSC per kg range,EXPERIMENTAL,,false,3,,0;7;14,,60,2500000,5000000,2500000,5000000,cells/kg,stated as a range: 2.5–5 × 10^6 cells/kg");
    expect(lines[2]).toBe(`NCT09170017,Umbilical Cord MSC Doses Stated as Ranges in ACLF (browser-test record),UC-MSC flat range,EXPERIMENTAL,,false,1,,0,,60,${50e6 / 60},${100e6 / 60},50000000,100000000,cells,stated as a range: 50–100 × 10^6 cells`);
  });
  it("table and chart: the interval, marked range", () => {
    const dose = compareTableRows(c).find((r) => r.key === "dose")!.cells[0]!;
    expect(dose.map((l) => l.text)).toEqual([
      "2.5–5×10⁶/kg (range)", "8.33–16.7×10⁵/kg (range, estimated) (5–10×10⁷ cells ÷ 60 kg)", "1×10⁶/kg", "no intervention",
    ]);
    const schedule = compareTableRows(c).find((r) => r.key === "schedule")!.cells[0]!;
    expect(schedule[2]!.text).toBe("MSC days not reported (schedule changes frequency: 9 infusions, days not stated)");
    const rows = doseChartData(c, "perInfusion", "log").rows.filter((r) => !r.header);
    expect(rows.map((r) => [r.status, r.low, r.value])).toEqual([
      ["range", 2.5e6, 5e6], ["range", 50e6 / 60, 100e6 / 60], ["value", null, 1e6], ["no-intervention", null, null],
    ]);
    const cumulative = doseChartData(c, "cumulative", "log").rows.filter((r) => !r.header);
    expect(cumulative[0]!.text).toBe("not reported (dose stated as a range)");
  });
});

describe("the landscape", () => {
  const l = shapeLandscape([record], { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] } });
  it("draws each range as an interval with no single x", () => {
    expect(l.points.map((p) => [p.armLabel, p.x, p.range, p.statedRange?.unit ?? null])).toEqual([
      ["UC-MSC per kg range", null, { min: 2.5e6, max: 5e6 }, "cells/kg"],
      ["UC-MSC flat range", null, { min: 50e6 / 60, max: 100e6 / 60 }, "cells"],
      ["UC-MSC changing schedule", 1e6, null, null],
    ]);
    const p = l.points[0]!;
    expect(p.plotX - p.errorX![0]).toBeCloseTo(2.5e6, 0);
    expect(p.plotX + p.errorX![1]).toBeCloseTo(5e6, 0);
    expect(l.noDose).toEqual([]);
    expect(l.summary).toContain("UC-MSC per kg range: 2.5–5×10⁶ cells/kg (range), 3 infusions.");
  });
  it("CSV: min and max columns, the single-dose column empty", () => {
    const lines = toLandscapeCsv(l).split("\r\n");
    const cols = lines[0]!.split(",");
    // Cells, quoted ones ("on days 0, 7 and 14") whole.
    const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, cols.length);
    const row = (i: number) => Object.fromEntries(cells(lines[i]!).map((v, k) => [cols[k], v]));
    expect(row(1)).toMatchObject({ cellsPerKgPerInfusion: "", cellsPerKgPerInfusionMin: "2500000", cellsPerKgPerInfusionMax: "5000000", flatCellsPerInfusionMin: "", flatCellsPerInfusionMax: "" });
    expect(row(2)).toMatchObject({ cellsPerKgPerInfusion: "", estimated: "true", cellsPerKgPerInfusionMin: String(50e6 / 60), flatCellsPerInfusionMin: "50000000", flatCellsPerInfusionMax: "100000000" });
  });
});

describe("FHIR arm-dose", () => {
  it("a Range with both ends, the reasons and the phases", () => {
    const arms = toResearchStudy(record).arm!;
    const ext = (i: number) => arms[i]!.extension![0]!.extension!;
    expect(ext(0).find((e) => e.url === "range")!.valueRange).toEqual({
      low: { value: 2.5e6, unit: "{cells}/kg", system: "http://unitsofmeasure.org", code: "{cells}/kg" },
      high: { value: 5e6, unit: "{cells}/kg", system: "http://unitsofmeasure.org", code: "{cells}/kg" },
    });
    expect(ext(0).filter((e) => e.url === "notReported")).toEqual([]);
    expect(ext(0).find((e) => e.url === "cells")).toBeUndefined();
    expect(ext(0).find((e) => e.url === "unstated")!.valueString).toBe("stated as a range: 2.5–5 × 10^6 cells/kg");
    expect(ext(2).filter((e) => e.url === "phase").map((e) => e.valueString)).toEqual(["weekly for the first month", "monthly for five months"]);
    expect(ext(2).filter((e) => e.url === "notReported").map((e) => e.valueCode)).toEqual(["schedule"]);
  });
});
