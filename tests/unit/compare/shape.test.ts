import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCuration } from "@/lib/ingest/curation";
import { importSource } from "@/lib/ingest/pipeline";
import { doseChartData, scheduleChartData, structureChartData } from "@/lib/compare/chart-rows";
import { shapeComparison, toCompareApi } from "@/lib/compare/shape";
import { compareTableRows } from "@/lib/compare/table-rows";
import { formatCells } from "@/lib/format";
import type { TrialRecord } from "@/lib/record/schema";

// The real seeds, read the way the importer reads them (pure: no database).
const seeds = path.join(process.cwd(), "seeds");
const curation = parseCuration(fs.readFileSync(path.join(seeds, "curation.json"), "utf8"), "curation.json");
const records = new Map<string, TrialRecord>(
  fs.readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort()
    .map((f) => importSource(fs.readFileSync(path.join(seeds, f)), f, curation).record)
    .map((r) => [r.source.file.slice(0, 3), r]),
);
const seed = (n: string) => records.get(n)!;

describe("shapeComparison on the seeds", () => {
  it("001 vs 004: per-kg doses and cumulative doses, in the order asked", () => {
    const c = shapeComparison([seed("001"), seed("004")], 60);
    expect(c.trials.map((t) => t.id)).toEqual(["NCT04822922", "NCT05948982"]);
    expect(c.trials[0]!.arms.map((a) => a.cellsPerKgPerInfusion)).toEqual([4e5, 8e5, 1.2e6]);
    expect(c.trials[1]!.arms.map((a) => a.cellsPerKgPerInfusion)).toEqual([1e6, 2e6, 4e6]);
    expect(c.trials[0]!.arms.map((a) => a.cumulativeCellsPerKg)).toEqual([1.6e6, 3.2e6, 4.8e6]);
    expect(c.trials[1]!.arms.map((a) => a.cumulativeCellsPerKg)).toEqual([3e6, 6e6, 1.2e7]);
    expect(c.trials[0]!.arms.every((a) => !a.estimated)).toBe(true);
    expect(c.trials[0]!.arms[0]!.mscDayOffsets).toEqual([0, 3, 6, 9]);
    expect(c.trials[1]!.arms[0]!.mscDayOffsets).toEqual([0, 28, 56]);
    // Order follows the ids, not the database.
    expect(shapeComparison([seed("004"), seed("001")], 60).trials.map((t) => t.id)).toEqual(["NCT05948982", "NCT04822922"]);
  });

  it("003: the flat 1.5×10^8 dose is 2.5×10^6/kg estimated at 60 kg, 2×10^6/kg at 75 kg", () => {
    const at60 = shapeComparison([seed("003")], 60).trials[0]!;
    const msc = at60.arms.find((a) => a.label === "MSC Prolonged treatment")!;
    expect(msc.cellsPerKgPerInfusion).toBe(2.5e6);
    expect(msc.estimated).toBe(true);
    expect(msc.activeInfusions).toBe(5);
    expect(msc.cumulativeCellsPerKg).toBe(1.25e7);
    const at75 = shapeComparison([seed("003")], 75).trials[0]!;
    expect(at75.arms.find((a) => a.label === "MSC Prolonged treatment")!.cellsPerKgPerInfusion).toBe(2e6);
    expect(at75.arms.find((a) => a.label === "MSC Prolonged control")!.cumulativeCellsPerKg).toBe(6e6);
    expect(formatCells(shapeComparison([seed("003")], 70).trials[0]!.arms[1]!.cellsPerKgPerInfusion)).toBe("2.14×10⁶");
  });

  it("003: MSC and placebo days are kept apart; the placebo arm has no MSC days", () => {
    const [placebo, prolonged, control] = shapeComparison([seed("003")], 60).trials[0]!.arms;
    expect(placebo).toMatchObject({ kind: "placebo", mscDayOffsets: [], placeboDayOffsets: [0, 7, 14], activeInfusions: 0, cellsPerKgPerInfusion: null });
    expect(prolonged).toMatchObject({ kind: "msc", mscDayOffsets: [0, 7, 14, 28, 35], placeboDayOffsets: [] });
    expect(control).toMatchObject({ kind: "msc", mscDayOffsets: [0, 7, 14], placeboDayOffsets: [28, 35], placeboInfusions: 2 });
  });

  it("002: doses not reported stay null; cumulative is null; the control is no intervention", () => {
    const t = shapeComparison([seed("002")], 60).trials[0]!;
    expect(t.arms.map((a) => a.cellsPerKgPerInfusion)).toEqual([null, null, null]);
    expect(t.arms.map((a) => a.cumulativeCellsPerKg)).toEqual([null, null, null]);
    expect(t.arms.map((a) => a.activeInfusions)).toEqual([8, 4, 0]);
    expect(t.arms[2]).toMatchObject({ kind: "none", type: "NO_INTERVENTION", mscDayOffsets: [], placeboDayOffsets: [] });
  });

  it("000: infusions not reported leave cumulative null and the schedule null", () => {
    const t = shapeComparison([seed("000")], 60).trials[0]!;
    expect(t.arms.map((a) => a.cellsPerKgPerInfusion)).toEqual([2e6, 4e6, null, null]);
    expect(t.arms.map((a) => a.cumulativeCellsPerKg)).toEqual([null, null, null, null]);
    expect(t.arms[0]!.mscDayOffsets).toBeNull();
    expect(t.arms[2]).toMatchObject({ kind: "placebo", placeboDayOffsets: null });
  });

  it("the API body has exactly the documented fields", () => {
    const body = toCompareApi(shapeComparison([seed("001"), seed("003")], 60));
    expect(Object.keys(body)).toEqual(["weightKg", "trials"]);
    expect(Object.keys(body.trials[0]!)).toEqual(["id", "title", "arms"]);
    expect(body.trials[1]!.arms[1]).toEqual({
      label: "MSC Prolonged treatment", type: "EXPERIMENTAL", cellsPerKgPerInfusion: 2.5e6, estimated: true,
      activeInfusions: 5, cumulativeCellsPerKg: 1.25e7, mscDayOffsets: [0, 7, 14, 28, 35], placeboDayOffsets: [],
      range: null, cellsPerKgPerInfusionRange: null, unstated: [],
    });
  });
});

describe("eligibility thresholds side by side, in one unit", () => {
  it("000 and 002: bilirubin in µmol/L with the source words, INR or PTA as one alternative, MELD", () => {
    const rows = compareTableRows(shapeComparison([seed("000"), seed("002")], 60));
    const row = (k: string) => rows.find((r) => r.key === k)!;
    expect(row("bilirubin").cells.map((c) => c.map((l) => l.text))).toEqual([
      ["Inclusion: TBil ≥ 205.2 µmol/L", "“Total bilirubin (TBil) ≥12 mg/dL (equivalent to 205 μmol/L)”"],
      ["Inclusion: TBil ≥ 10×ULN", "“serum total bilirubin ≥ 10×ULN umol/L”"],
    ]);
    expect(row("inrPta").cells.map((c) => c[0]!.text)).toEqual(["Inclusion: INR ≥ 1.5 or PTA ≤ 40%", "Inclusion: INR ≥ 1.5 or PTA < 40%"]);
    expect(row("meld").cells.map((c) => c[0]!.text)).toEqual(["no limit read from its criteria", "Inclusion: MELD 17–30"]);
    expect(row("creatinine").cells.map((c) => c[0]!.text)).toEqual(["Excluded if: Creatinine ≥ 176.8 µmol/L", "no limit read from its criteria"]);
    expect(rows.some((r) => r.key === "albumin")).toBe(false); // neither trial limits albumin
  });
});

describe("chart rows", () => {
  const c = shapeComparison([seed("001"), seed("004"), seed("003"), seed("002"), seed("000")], 60);

  it("dose bars: one row per arm plus a header per trial; no zero bars", () => {
    const d = doseChartData(c, "perInfusion", "linear");
    expect(d.rows.filter((r) => r.header)).toHaveLength(5);
    const arms = d.rows.filter((r) => !r.header);
    expect(arms).toHaveLength(16);
    expect(arms.filter((r) => r.status === "estimated").map((r) => r.text)).toEqual(["2.5×10⁶/kg estimated", "2.5×10⁶/kg estimated"]);
    expect(arms.filter((r) => r.status === "not-reported").map((r) => r.key)).toEqual(["NCT02812121:0", "NCT02812121:1"]);
    expect(arms.filter((r) => r.status === "placebo")).toHaveLength(3);
    expect(arms.filter((r) => r.status === "no-intervention")).toHaveLength(1);
    for (const r of arms.filter((r) => r.value === null)) expect(r.plotted).toBe(d.domain[0]);
    expect(d.summary).toContain("Group MSC-1: not reported");
  });

  it("log scale spans whole powers of ten", () => {
    const d = doseChartData(c, "cumulative", "log");
    expect(d.domain).toEqual([1e6, 1e8]);
  });

  it("schedule: a mark per infusion day, MSC and placebo apart", () => {
    const s = scheduleChartData(c);
    const count = (id: string, product: string) => s.marks.filter((m) => m.key.startsWith(id) && m.product === product).length;
    expect(count("NCT04822922", "MSC")).toBe(12);
    expect(count("NCT05948982", "MSC")).toBe(9);
    expect(count("NCT05985863", "MSC")).toBe(8);
    expect(count("NCT05985863", "PLACEBO")).toBe(5);
    expect(count("NCT02812121", "MSC")).toBe(12);
    expect(count("NCT06884904", "MSC") + count("NCT06884904", "PLACEBO")).toBe(0);
    expect(s.notes.map((n) => n.text)).toContain("MSC days not reported");
    expect(s.maxDay).toBe(63);
  });

  it("structure: 000 is 2:2:1:1 then 1:1; 003 re-randomises its MSC group", () => {
    const s = structureChartData(c);
    const rows = (id: string) => s.rows.filter((r) => r.trialId === id && !r.header);
    const [iib, iii] = rows("NCT06884904");
    expect(iib!.label).toBe("Phase IIb 2:2:1:1");
    expect(iib!.segments.map((g) => [g.kind, Number(g.share!.toFixed(3))])).toEqual([["msc", 0.333], ["msc", 0.333], ["placebo", 0.167], ["placebo", 0.167]]);
    expect(iii!.segments.map((g) => [g.kind, g.share])).toEqual([["msc", 0.5], ["placebo", 0.5]]);
    const [stage1, stage2] = rows("NCT05985863");
    expect(stage1!.segments.map((g) => g.kind)).toEqual(["placebo", "msc"]);
    expect(stage2!.segments[0]!.start).toBeCloseTo(1 / 3);
    expect(stage2!.segments.map((g) => g.share)).toEqual([null, null]);
    expect(rows("NCT04822922")[0]!.segments.every((g) => g.share === null)).toBe(true);
  });
});

describe("side-by-side table", () => {
  it("flags rows that differ and keeps not reported", () => {
    const rows = compareTableRows(shapeComparison([seed("001"), seed("004")], 60));
    const row = (k: string) => rows.find((r) => r.key === k)!;
    expect(row("age").differs).toBe(true);
    expect(row("status").differs).toBe(false);
    expect(row("dose").cells[0]!.map((l) => l.text)).toEqual(["4×10⁵/kg", "8×10⁵/kg", "1.2×10⁶/kg"]);
    expect(row("bilirubin").cells.map((c) => c[0]!.text)).toEqual(["no limit read from its criteria", "not reported"]);
    const r3 = compareTableRows(shapeComparison([seed("003"), seed("002")], 50));
    expect(r3.find((r) => r.key === "dose")!.cells[0]![1]).toEqual({ arm: "MSC Prolonged treatment", text: "3×10⁶/kg estimated (1.5×10⁸ cells ÷ 50 kg)", tone: "estimated" });
    expect(r3.find((r) => r.key === "cumulative")!.cells[1]![0]).toMatchObject({ text: "not reported", tone: "missing" });
  });
});
