import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLayout } from "@/lib/ingest/layouts";
import { importSource } from "@/lib/ingest/pipeline";
import type { TrialRecord } from "@/lib/record/schema";

/**
 * The key numbers of each golden variant (tests/fixtures/<layout>/<case>/input.txt), by
 * name: the goldens catch any change, these say which values matter.
 */

const read = (layout: string, name: string): TrialRecord =>
  importSource(fs.readFileSync(`tests/fixtures/${layout}/${name}/input.txt`), `${name}.txt`).record;
const doses = (r: TrialRecord) =>
  r.arms.map((a) => a.doses.map((d) => [d.product, d.cellsPerKg ?? d.cellsPerInfusion, d.infusions, d.dayOffsets]));
const summaries = (r: TrialRecord) => r.arms.map((a) => [a.summary.cellsPerKgPerInfusion, a.summary.activeInfusions, a.summary.cumulativeCellsPerKg]);

describe("ctgov-classic variants", () => {
  it("two arms with a placebo comparator, days 1, 8 and 15, recruiting, Phase 1, actual enrollment", () => {
    const r = read("ctgov-classic", "two-arms-placebo");
    expect(r.source.format).toBe("ctgov-classic");
    expect(r.id).toBe("NCT05000001");
    expect(r.overallStatus).toBe("RECRUITING");
    expect(r.phases).toEqual(["PHASE1"]);
    expect(r.enrollment).toEqual({ count: 40, type: "ACTUAL" });
    expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "DOUBLE" });
    expect(r.dates).toEqual({ start: "2022-03", primaryCompletion: "2024-06-30", completion: "2024-07-21" });
    expect(r.arms.map((a) => [a.label, a.type])).toEqual([["MSC group", "EXPERIMENTAL"], ["placebo group", "PLACEBO_COMPARATOR"]]);
    expect(r.arms[0]!.doses[0]!.cellsPerKg).toBe(1_000_000); // 1.0×10^6/kg
    expect(doses(r)).toEqual([[["MSC", 1_000_000, 3, [0, 7, 14]]], [["PLACEBO", null, 3, [0, 7, 14]]]]);
    expect(summaries(r)).toEqual([[1_000_000, 3, 3_000_000], [null, 0, null]]);
  });

  it("five arms: 5*10^5, 1 x 10^6, 2 x 10^6, 4.0×10\\^6 per kg once a week for 3 weeks, and standard care", () => {
    const r = read("ctgov-classic", "five-arms");
    expect(r.overallStatus).toBe("COMPLETED");
    expect(r.phases).toEqual(["PHASE1", "PHASE2"]);
    expect(r.enrollment).toEqual({ count: 50, type: "ACTUAL" });
    expect(r.dates).toEqual({ start: "2020-01-05", primaryCompletion: "2022-06", completion: "2023-12" });
    expect(r.eligibility.maxAgeYears).toBe(75);
    expect(r.eligibility.sex).toBe("FEMALE");
    expect(r.arms).toHaveLength(5);
    expect(r.arms.map((a) => a.doses[0]?.cellsPerKg ?? null)).toEqual([500_000, 1_000_000, 2_000_000, 4_000_000, null]);
    for (const arm of r.arms.slice(0, 4)) {
      expect(arm.doses[0]!.infusions).toBe(3);
      expect(arm.doses[0]!.dayOffsets).toEqual([0, 7, 14]);
    }
    expect(r.arms[4]!.type).toBe("NO_INTERVENTION");
    expect(r.arms[4]!.doses).toEqual([]);
    expect(r.arms.map((a) => a.summary.cumulativeCellsPerKg)).toEqual([1_500_000, 3_000_000, 6_000_000, 12_000_000, null]);
  });

  it("an active comparator of standard care gets no dose; every 4 weeks for 3 infusions", () => {
    const r = read("ctgov-classic", "active-comparator");
    expect(r.overallStatus).toBe("ENROLLING_BY_INVITATION");
    expect(r.phases).toEqual(["PHASE2", "PHASE3"]);
    expect(r.design.masking).toBe("SINGLE");
    expect(doses(r)).toEqual([[["MSC", 2_000_000, 3, [0, 28, 56]]], []]); // 2×10⁶ cells/kg
    expect(r.arms[1]!.type).toBe("ACTIVE_COMPARATOR");
    expect(r.arms[1]!.summary.activeInfusions).toBe(0);
  });
});

describe("ctgov-classic enrollment wordings", () => {
  it.each([
    ["Estimated Enrollment : | 16 patients |", { count: 16, type: "ESTIMATED" }],
    ["Actual Enrollment : | 1,200 participants |", { count: 1200, type: "ACTUAL" }],
    ["Enrollment : | 30 |", { count: 30, type: null }],
  ])("%s", (line, enrollment) => {
    const text = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8").replace("Estimated Enrollment : | 16 participants |", line);
    expect(importSource(Buffer.from(text), "001-enrollment.txt").record.enrollment).toEqual(enrollment);
  });
});

describe("veeva variants", () => {
  it("two arms, a flat 1×10⁸ dose every 2 weeks for four infusions, and a placebo", () => {
    const r = read("veeva", "two-arms-flat-dose");
    expect(r.source.format).toBe("veeva");
    expect(r.id).toBe("NCT05000003");
    expect(r.acronym).toBe("UCMSCLF");
    expect(r.overallStatus).toBe("RECRUITING");
    expect(r.phases).toEqual(["PHASE1"]);
    expect(r.enrollment).toEqual({ count: 40, type: null });
    expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "TRIPLE" });
    expect(r.eligibility.maxAgeYears).toBe(60);
    expect(doses(r)).toEqual([[["MSC", 100_000_000, 4, [0, 14, 28, 42]]], [["PLACEBO", null, 4, [0, 14, 28, 42]]]]);
    expect(r.arms[0]!.doses[0]!.cellsPerInfusion).toBe(100_000_000);
    expect(r.arms[0]!.summary.estimated).toBe(true);
    expect(r.arms[0]!.summary.cellsPerKgPerInfusion).toBeCloseTo(1e8 / 60, 6);
    expect(r.arms[1]!.summary.activeInfusions).toBe(0);
    expect(r.stages.map((s) => s.groups.map((g) => [g.label, g.ratio, g.armOrdinals]))).toEqual([[["MSC group", 1, [0]], ["Placebo group", 1, [1]]]]);
  });

  it("five arms: four per-kg doses on days 1, 8 and 15 and a no-intervention group", () => {
    const r = read("veeva", "five-arms");
    expect(r.overallStatus).toBe("ACTIVE_NOT_RECRUITING");
    expect(r.phases).toEqual(["PHASE2"]);
    expect(r.enrollment).toEqual({ count: 1200, type: "ESTIMATED" });
    expect(r.design).toEqual({ allocation: "NON_RANDOMIZED", interventionModel: "SEQUENTIAL", masking: "NONE" });
    expect(r.eligibility).toMatchObject({ minAgeYears: 16, maxAgeYears: 80, sex: "MALE" });
    expect(r.arms.map((a) => a.doses[0]?.cellsPerKg ?? null)).toEqual([500_000, 1_000_000, 2_000_000, 4_000_000, null]);
    expect(r.arms.slice(0, 4).map((a) => a.doses[0]!.dayOffsets)).toEqual(Array(4).fill([0, 7, 14]));
    expect(r.arms[4]!.doses).toEqual([]);
    expect(r.arms.map((a) => a.summary.cumulativeCellsPerKg)).toEqual([1_500_000, 3_000_000, 6_000_000, 12_000_000, null]);
  });

  it("an active comparator of standard care gets no dose (record 002 with its control typed so)", () => {
    const text = fs.readFileSync("seeds/002_aca47ec262779fdb.txt", "utf8").replace("Group Control\nNo Intervention group", "Group Control\nActive Comparator group");
    const r = importSource(Buffer.from(text), "002-active.txt").record;
    expect(r.arms[2]!.type).toBe("ACTIVE_COMPARATOR");
    expect(r.arms[2]!.doses).toEqual([]);
    expect(r.arms[0]!.doses[0]!.infusions).toBe(8);
  });
});

describe("warnings", () => {
  it("a Veeva page that announces more groups than it has arm blocks says so", () => {
    const text = fs.readFileSync("seeds/000_423415c0e2b20a3c.txt", "utf8");
    const cut = text.replace(/High-dose placebo control group\nPlacebo Comparator group\n[\s\S]*?(?=\n\nTrial contacts and locations)/, "");
    expect(cut).not.toBe(text);
    const { record, warnings } = importSource(Buffer.from(cut), "000-three-arms.txt");
    expect(record.arms).toHaveLength(3);
    expect(warnings).toContain("the page announces 4 patient groups but 3 arm blocks were read");
  });

  it("a trial summary whose prose names no dose groups has no arms, and says so", () => {
    const text = fs.readFileSync("seeds/004_e62994e7b8db9017.txt", "utf8").replace(/ dose groups on a sequential entry basis/, " groups on a sequential entry basis");
    const { record, warnings } = importSource(Buffer.from(text), "004-no-groups.txt");
    expect(record.arms).toEqual([]);
    expect(warnings).toContain("no dose groups could be read from the description");
  });
});

describe("veeva-prose variants", () => {
  it("two stages with a per-kg dose at weeks 0, 2, 4 (then 6, 8); 90:30 → 3:1", () => {
    const r = read("veeva-prose", "per-kg-two-stage");
    expect(r.source.format).toBe("veeva-prose");
    expect(r.id).toBe("per-kg-two-stage"); // no NCT id and no curation: the file's slug
    expect(r.enrollment).toEqual({ count: 120, type: null });
    expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: null, masking: "SINGLE" });
    expect(doses(r)).toEqual([
      [["PLACEBO", null, 3, [0, 14, 28]]],
      [["MSC", 2_000_000, 5, [0, 14, 28, 42, 56]]],
      [["MSC", 2_000_000, 3, [0, 14, 28]], ["PLACEBO", null, 2, [42, 56]]],
    ]);
    expect(summaries(r)).toEqual([[null, 0, null], [2_000_000, 5, 10_000_000], [2_000_000, 3, 6_000_000]]);
    expect(r.stages[0]!.groups.map((g) => [g.ratio, g.count])).toEqual([[1, 30], [3, 90]]);
    expect(r.stages[1]!.groups.map((g) => g.fromGroup)).toEqual(["MSC short treatment", "MSC short treatment"]);
  });

  it("one stage: 4 weekly infusions of a flat 1×10⁸ against placebo, 30:30", () => {
    const r = read("veeva-prose", "one-stage");
    expect(r.enrollment).toEqual({ count: 60, type: null });
    expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "SINGLE" });
    expect(r.arms.map((a) => [a.label, a.type])).toEqual([["Placebo", "PLACEBO_COMPARATOR"], ["MSC treatment", "EXPERIMENTAL"]]);
    expect(doses(r)).toEqual([[["PLACEBO", null, 4, [0, 7, 14, 21]]], [["MSC", 100_000_000, 4, [0, 7, 14, 21]]]]);
    expect(r.stages).toHaveLength(1);
    expect(r.stages[0]!.groups.map((g) => [g.label, g.ratio, g.count, g.armOrdinals])).toEqual([["Placebo", 1, 30, [0]], ["MSC treatment", 1, 30, [1]]]);
  });
});

describe("trial-summary variants", () => {
  it("two dose groups once a week for 3 weeks; recruiting, Phase 1, month dates", () => {
    const r = read("trial-summary", "two-doses-weekly");
    expect(r.source.format).toBe("trial-summary");
    expect(r.id).toBe("NCT05000005");
    expect(r.overallStatus).toBe("RECRUITING");
    expect(r.phases).toEqual(["PHASE1"]);
    expect(r.dates).toEqual({ start: "2024-03", primaryCompletion: "2025-06-30", completion: "2025-12" });
    expect(r.arms.map((a) => a.label)).toEqual(["Low dose", "High dose"]);
    expect(doses(r)).toEqual([[["MSC", 500_000, 3, [0, 7, 14]]], [["MSC", 1_000_000, 3, [0, 7, 14]]]]);
  });

  it("five dose groups every 2 weeks for four infusions; an impossible date is null", () => {
    const r = read("trial-summary", "five-doses-biweekly");
    expect(r.overallStatus).toBe("COMPLETED");
    expect(r.phases).toEqual(["PHASE2"]);
    expect(r.design).toEqual({ allocation: null, interventionModel: "SEQUENTIAL", masking: "DOUBLE" });
    expect(r.dates).toEqual({ start: "2021-05-01", primaryCompletion: null, completion: null }); // "February 30, 2023"
    expect(r.arms.map((a) => a.doses[0]!.cellsPerKg)).toEqual([250_000, 500_000, 1_000_000, 2_000_000, 4_000_000]);
    expect(r.arms.every((a) => JSON.stringify(a.doses[0]!.dayOffsets) === "[0,14,28,42]")).toBe(true);
    expect(r.arms.map((a) => a.summary.cumulativeCellsPerKg)).toEqual([1_000_000, 2_000_000, 4_000_000, 8_000_000, 16_000_000]);
  });
});

describe("layout detection", () => {
  it.each([
    ["ctgov-classic", "two-arms-placebo"], ["ctgov-classic", "five-arms"], ["veeva", "two-arms-flat-dose"], ["veeva", "five-arms"],
    ["veeva-prose", "one-stage"], ["veeva-prose", "per-kg-two-stage"], ["trial-summary", "two-doses-weekly"],
    ["trial-summary", "five-doses-biweekly"],
  ])("%s/%s is read by the %s parser", (layout, name) => {
    expect(detectLayout(fs.readFileSync(`tests/fixtures/${layout}/${name}/input.txt`, "utf8"), "x").layout).toBe(layout);
  });
});

// Cases found in review: each once stored a wrong number.
describe("arms and enrollment in records", async () => {
  const fs = await import("node:fs");
  const { importSource } = await import("@/lib/ingest/pipeline");
  const seed = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8");
  const read = (text: string) => importSource(new TextEncoder().encode(text), "variant.txt").record;

  it("an actual enrollment of 0 (a withdrawn trial) is 0, not not-reported", () => {
    const r = read(seed.replace("Estimated Enrollment : | 16 participants |", "Actual Enrollment : | 0 participants |"));
    expect(r.enrollment).toEqual({ count: 0, type: "ACTUAL" });
  });

  it("an active comparator of standard care gets no dose; the MSC arms keep theirs", () => {
    const start = seed.indexOf("Experimental: high dose");
    const end = seed.indexOf("- Safety of treatment");
    const r = read(`${seed.slice(0, start)}Active Comparator: standard care
Standard medical treatment
|
Other: standard medical treatment
Liver protection and supportive care. |
${seed.slice(end)}`);
    const care = r.arms.find((a) => a.label === "standard care")!;
    expect(care.type).toBe("ACTIVE_COMPARATOR");
    expect(care.doses).toEqual([]);
    expect(r.arms.find((a) => a.label === "low dose")!.summary.cellsPerKgPerInfusion).toBe(4e5);
  });
});
