import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { loadCuration } from "@/lib/import/run-import";
import { toLandscapeCsv } from "@/lib/landscape/csv";
import { landscapeHref, parseLandscapeParams } from "@/lib/landscape/params";
import { shapeLandscape, type ShapeOptions } from "@/lib/landscape/shape";

const curation = loadCuration("seeds/curation.json");
const seeds = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort()
  .map((f) => importSource(fs.readFileSync(`seeds/${f}`), f, curation).record);
const NONE = { route: [], source: [], origin: [], dosing: [] };
const shape = (o: Partial<ShapeOptions> = {}) => shapeLandscape(seeds, { weightKg: 60, y: "infusions", colour: "route", filters: NONE, ...o });

describe("the seeds' landscape", () => {
  it("draws each MSC arm that states a dose once, at its exact per-kg dose and number of infusions", () => {
    const l = shape();
    expect(l.points.map((p) => [p.key, p.x, p.y, p.plotY, p.estimated])).toEqual([
      ["NCT06884904#arm-1", 2e6, null, -1, false], // infusions not stated: the "not reported" lane
      ["NCT06884904#arm-2", 4e6, null, -1, false],
      ["NCT04822922#arm-1", 4e5, 4, 4, false],
      ["NCT04822922#arm-2", 8e5, 4, 4, false],
      ["NCT04822922#arm-3", 1.2e6, 4, 4, false],
      ["NCT05985863#arm-2", 2.5e6, 5, 5, true], // 1.5×10^8 flat ÷ 60 kg
      ["NCT05985863#arm-3", 2.5e6, 3, 3, true],
      ["NCT05948982#arm-1", 1e6, 3, 3, false],
      ["NCT05948982#arm-2", 2e6, 3, 3, false],
      ["NCT05948982#arm-3", 4e6, 3, 3, false],
    ]);
    expect(new Set(l.points.map((p) => p.key)).size).toBe(10);
    expect(l.noY).toBe(2);
    expect(l.points[5]!.flatCellsPerInfusion).toBe(1.5e8);
    expect(l.points[5]!.href).toBe("/trials/NCT05985863#arm-2");
  });

  it("counts the MSC arms that state no dose, and links each", () => {
    const l = shape();
    expect(l.noDose.map((a) => [a.trialId, a.armLabel, a.href])).toEqual([
      ["NCT02812121", "Group MSC-1", "/trials/NCT02812121#arm-1"],
      ["NCT02812121", "Group MSC-2", "/trials/NCT02812121#arm-2"],
    ]);
    expect(l.noDoseTrials).toBe(1);
    expect(l.summary).toContain("2 arms in 1 trial state no single dose (none, two amounts or dose levels) and are not drawn.");
  });

  it("sizes points by enrollment, colours them by the switch, and puts the Kabat band at the reference weight", () => {
    const l = shape();
    expect(l.points.map((p) => [p.enrollment, p.radius])).toEqual([
      [96, 13.6], [96, 13.6], [16, 7.92], [16, 7.92], [16, 7.92], [150, 16], [150, 16], [null, 7], [null, 7], [null, 7],
    ]);
    expect(l.series).toEqual([
      { key: "PERIPHERAL_VEIN", label: "Peripheral vein", color: "#0072B2", count: 5 },
      { key: "NOT_REPORTED", label: "Route not reported", color: "#94a3b8", count: 5 },
    ]);
    expect(l.band).toEqual([70e6 / 60, 190e6 / 60]);
    expect([l.xDomain, l.xTicks, l.yDomain, l.yTicks]).toEqual([[1e5, 1e7], [1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7], [-1.6, 6], [1, 2, 3, 4, 5]]);
    expect(shape({ colour: "source" }).series).toEqual([{ key: "UMBILICAL_CORD", label: "Umbilical cord", color: "#0072B2", count: 10 }]);
    expect(shape({ colour: "status" }).series.map((s) => [s.key, s.count])).toEqual([
      ["NOT_YET_RECRUITING", 8], ["RECRUITING", 2],
    ]);
  });

  it("switches y to the cumulative dose, recomputed with x at another reference weight", () => {
    const l = shape({ y: "cumulative", weightKg: 50 });
    expect(l.points.map((p) => [p.key, p.x, p.y, p.plotY])).toEqual([
      ["NCT06884904#arm-1", 2e6, null, 1e5],
      ["NCT06884904#arm-2", 4e6, null, 1e5],
      ["NCT04822922#arm-1", 4e5, 1.6e6, 1.6e6],
      ["NCT04822922#arm-2", 8e5, 3.2e6, 3.2e6],
      ["NCT04822922#arm-3", 1.2e6, 4.8e6, 4.8e6],
      ["NCT05985863#arm-2", 3e6, 1.5e7, 1.5e7], // 1.5×10^8 ÷ 50 kg × 5
      ["NCT05985863#arm-3", 3e6, 9e6, 9e6],
      ["NCT05948982#arm-1", 1e6, 3e6, 3e6],
      ["NCT05948982#arm-2", 2e6, 6e6, 6e6],
      ["NCT05948982#arm-3", 4e6, 1.2e7, 1.2e7],
    ]);
    expect([l.yDomain, l.yTicks, l.laneY, l.band]).toEqual([[5e4, 1e8], [1e6, 1e7, 1e8], 1e5, [1.4e6, 3.8e6]]);
  });

  it("draws only the arms that match the list's arm filters", () => {
    const peripheral = shape({ filters: { ...NONE, route: ["PERIPHERAL_VEIN"] } });
    expect(peripheral.points.map((p) => p.key)).toEqual([
      "NCT04822922#arm-1", "NCT04822922#arm-2", "NCT04822922#arm-3", "NCT05985863#arm-2", "NCT05985863#arm-3",
    ]);
    expect(peripheral.noDose.map((a) => a.armLabel)).toEqual(["Group MSC-1", "Group MSC-2"]);
    expect(shape({ filters: { ...NONE, source: ["CORD_BLOOD"] } }).points).toEqual([]);
    expect(shape({ filters: { ...NONE, dosing: ["REPEATED_INFUSIONS"] } }).points).toHaveLength(8);
  });

  it("writes the same points as CSV, empty where not reported", () => {
    const lines = toLandscapeCsv(shape()).split("\r\n");
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe("trialId,trialTitle,armLabel,cellsPerKgPerInfusion,estimated,flatCellsPerInfusion,activeInfusions,cumulativeCellsPerKg,enrollment,route,routeWords,cellSource,cellSourceWords,cellOrigin,status,doseWords,url,referenceWeightKg,cellsPerKgPerInfusionMin,cellsPerKgPerInfusionMax,flatCellsPerInfusionMin,flatCellsPerInfusionMax");
    expect(lines[1]).toBe("NCT06884904,Umbilical Cord-derived Mesenchymal Stem Cell Infusion for Treating ACLF,Low-dose experimental group,2000000,false,,,,96,,,UMBILICAL_CORD,Umbilical Cord,,NOT_YET_RECRUITING,2.0×10\\^6/kg,/trials/NCT06884904#arm-1,60,,,,");
    expect(lines[6]).toContain("NCT05985863,Human Umbilical Cord Mesenchymal Stem Cell Transplantation for The Treatment of Acute-on-Chronic Liver Failure,MSC Prolonged treatment,2500000,true,150000000,5,12500000,150,PERIPHERAL_VEIN,Peripheral IV,UMBILICAL_CORD,hUC-MSC,,RECRUITING,");
  });
});

describe("the landscape's address", () => {
  it("keeps the list's filters and the switches; defaults are left out", () => {
    const { state, problems } = parseLandscapeParams({ source: "UMBILICAL_CORD", y: "cumulative", colour: "status", weightKg: "50", page: "3" });
    expect(problems).toEqual([]);
    expect(landscapeHref(state)).toBe("/landscape?source=UMBILICAL_CORD&y=cumulative&colour=status&weightKg=50");
    expect(landscapeHref(state, { y: "infusions", view: "table" })).toBe("/landscape?source=UMBILICAL_CORD&colour=status&view=table&weightKg=50");
  });

  it("names a bad switch and falls back to its default", () => {
    const { state, problems } = parseLandscapeParams({ y: "dose", weightKg: "500" });
    expect(state.y).toBe("infusions");
    expect(state.weightKg).toBe(60);
    expect(problems).toEqual([
      "The reference weight must be a number of kilograms from 30 to 150; “500” is not. Using 60 kg.",
      "Unknown y axis “dose”; expected one of infusions, cumulative. Showing infusions.",
    ]);
  });
});
