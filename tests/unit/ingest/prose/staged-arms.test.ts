import { describe, expect, it } from "vitest";
import { readStagedArms } from "@/lib/ingest/prose/staged-arms";

const TEXT = "A total of 90 patients would be enrolled, 60 patients would be assigned to the MSC group and the other 30 patients would be assigned to the placebo group. " +
  "At the first stage, the placebo group would receive standard care plus 2 times placebo (at week0 and week1), while the MSC group would receive standard care plus 2 times hUC-MSC (1×10^8, at week0 and week1). " +
  "At the second stage, the survived patients of the MSC group would be further randomized into two groups. " +
  "The MSC long group would receive another 2 times hUC-MSC (1×10^8, at week4 and week5), while the MSC stop group would receive 2 times placebo (at week4 and week5).";

describe("the staged-regimen reader, on clause mentions", () => {
  const { arms, stages, evidence } = readStagedArms(TEXT);

  it("makes the final groups arms, each with its parent's regimen", () => {
    expect(arms.map((a) => [a.label, a.type])).toEqual([["Placebo", "PLACEBO_COMPARATOR"], ["MSC long", "EXPERIMENTAL"], ["MSC stop", "EXPERIMENTAL"]]);
    expect(arms[1]!.doses).toEqual([{ product: "MSC", cellsPerKg: null, cellsPerInfusion: 1e8, infusions: 4, dayOffsets: [0, 7, 28, 35], text: "2 times hUC-MSC (1×10^8, at week0 and week1) … 2 times hUC-MSC (1×10^8, at week4 and week5)" }]);
    expect(arms[2]!.doses.map((d) => [d.product, d.infusions, d.dayOffsets])).toEqual([["MSC", 2, [0, 7]], ["PLACEBO", 2, [28, 35]]]);
    expect(arms[0]!.description).toBe("the placebo group would receive standard care plus 2 times placebo (at week0 and week1)");
    expect(evidence).toHaveLength(4);
  });

  it("reads the stages, the split and the planned numbers", () => {
    expect(stages.map((s) => [s.label, s.description])).toEqual([["Stage 1", "Randomisation"], ["Stage 2", "Re-randomisation of the MSC group"]]);
    expect(stages[0]!.groups.map((g) => [g.label, g.count, g.ratio, g.armOrdinals])).toEqual([["Placebo", 30, 1, [0]], ["MSC", 60, 2, [1, 2]]]);
    expect(stages[1]!.groups.map((g) => [g.label, g.fromGroup])).toEqual([["MSC long", "MSC"], ["MSC stop", "MSC"]]);
  });

  it("reads nothing from prose without a regimen per group", () => {
    expect(readStagedArms("Patients receive 1×10^6 cells/kg of MSCs once.")).toEqual({ arms: [], stages: [], evidence: [] });
  });
});
