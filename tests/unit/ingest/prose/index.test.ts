import { describe, expect, it } from "vitest";
import {
  readAllocationFromProse, readArmsFromProse, readEnrollmentFromProse, readInterventionModelFromProse, readMaskingFromProse,
  readRatioStages, readStagedArms,
} from "@/lib/ingest/prose";

const armDoses = (text: string) =>
  readStagedArms(text).arms.map((a) => [a.label, a.type, a.doses.map((d) => [d.product, d.cellsPerKg ?? d.cellsPerInfusion, d.infusions, d.dayOffsets])]);

describe("design read from prose", () => {
  it("allocation, masking and model, with their words", () => {
    expect(readAllocationFromProse("a randomized double-blind trial")).toEqual({ value: "RANDOMIZED", text: "randomized" });
    expect(readAllocationFromProse("a non-randomised study")?.value).toBe("NON_RANDOMIZED");
    expect(readMaskingFromProse("a randomized double-blind trial")).toEqual({ value: "DOUBLE", text: "double-blind" });
    expect(readMaskingFromProse("This study was a multiple-dose, open, dose-escalation design.")?.value).toBe("NONE");
    expect(readMaskingFromProse("an open-label study")?.value).toBe("NONE");
    expect(readInterventionModelFromProse("a dose-escalation design")?.value).toBe("SEQUENTIAL");
    expect(readInterventionModelFromProse("a parallel-group trial")?.value).toBe("PARALLEL");
    expect(readMaskingFromProse("a trial of cells")).toBeNull();
  });

  it("enrollment from 'a total of N … patients'", () => {
    expect(readEnrollmentFromProse("A total of 150 ACLF patients would be enrolled")).toEqual({ value: 150, text: "A total of 150 ACLF patients" });
    expect(readEnrollmentFromProse("Many patients")).toBeNull();
  });
});

describe("readStagedArms", () => {
  it('"N times X (…)" for two groups', () => {
    expect(armDoses("The placebo group would receive three times placebo (at week0, week1 and week2), while the MSC group would receive three times hUC-MSC (1.5×10^8, at week0, week1 and week2).")).toEqual([
      ["Placebo", "PLACEBO_COMPARATOR", [["PLACEBO", null, 3, [0, 7, 14]]]],
      ["MSC", "EXPERIMENTAL", [["MSC", 150_000_000, 3, [0, 7, 14]]]],
    ]);
  });

  it('"N infusions of X (…)" and a per-kg dose', () => {
    expect(armDoses("The placebo group will receive 4 infusions of placebo (at week0, week1, week2 and week3), while the MSC group will receive 4 infusions of hUC-MSC (1.0×10^6 cells/kg, at week0, week1, week2 and week3).")).toEqual([
      ["Placebo", "PLACEBO_COMPARATOR", [["PLACEBO", null, 4, [0, 7, 14, 21]]]],
      ["MSC", "EXPERIMENTAL", [["MSC", 1_000_000, 4, [0, 7, 14, 21]]]],
    ]);
  });

  it("saline is a placebo", () => {
    expect(armDoses("The control group would receive standard medical treatment plus 3 times saline (at week 0, 1 and 2), while the MSC group would receive 3 times hUC-MSC (1×10^8, at week 0, 1 and 2).")[0])
      .toEqual(["Control", "PLACEBO_COMPARATOR", [["PLACEBO", null, 3, [0, 7, 14]]]]);
  });

  it("prose with no regimen gives no arms", () => {
    expect(readStagedArms("Patients will be treated according to the guidelines.")).toEqual({ arms: [], stages: [], evidence: [] });
  });
});

describe("trial summaries", () => {
  const groups = (text: string) =>
    readArmsFromProse({ arms: [], trialText: text }).arms.map((a) => [a.label, a.type, a.description, a.doses.map((d) => [d.product, d.cellsPerKg, d.cellsPerInfusion])]);

  it("dose groups listed in one sentence, with or without 'group' after each", () => {
    expect(groups("Subjects will enter the low (1 x 1000000 cells/kg), medium (2 x 1000000 cells/kg), and high (4 x 1000000 cells/kg) dose groups.")).toEqual([
      ["Low dose", "EXPERIMENTAL", "low (1 x 1000000 cells/kg)", [["MSC", 1_000_000, null]]],
      ["Medium dose", "EXPERIMENTAL", "medium (2 x 1000000 cells/kg)", [["MSC", 2_000_000, null]]],
      ["High dose", "EXPERIMENTAL", "high (4 x 1000000 cells/kg)", [["MSC", 4_000_000, null]]],
    ]);
    expect(groups("Patients will be assigned to the low-dose group (1×10^6 cells/kg) or the high-dose group (2×10^6 cells/kg).").map((g) => [g[0], (g[3] as unknown[][])[0]![1]]))
      .toEqual([["Low-dose group", 1_000_000], ["High-dose group", 2_000_000]]);
  });

  it("the trial's schedule is the sentence about infusions with a count, applied to its one arm", () => {
    const [arm] = readArmsFromProse({
      arms: [{ label: "MSC", type: "EXPERIMENTAL", description: "hUC-MSCs 1×10^6 cells/kg" }],
      trialText: "The product is 10 ml. The frequency of treatment is one infusion every 4 weeks, for a total of three infusions, and the subjects will be hospitalized for 3-7 days after each infusion.",
    }).arms;
    expect(arm!.doses.map((d) => [d.cellsPerKg, d.infusions, d.dayOffsets])).toEqual([[1_000_000, 3, [0, 28, 56]]]);
    expect(arm!.scheduleWords).toBe("every 4 weeks, for a total of three infusions");
  });
});

describe("readRatioStages", () => {
  it("a 2:2:1:1 ratio during Phase IIb over four named arms", () => {
    const arms = [
      { label: "Low-dose experimental group", type: "EXPERIMENTAL" as const },
      { label: "High-dose experimental group", type: "EXPERIMENTAL" as const },
      { label: "Low-dose placebo control group", type: "PLACEBO_COMPARATOR" as const },
      { label: "High-dose placebo control group", type: "PLACEBO_COMPARATOR" as const },
    ];
    const { stages, warnings } = readRatioStages(
      "Patients were randomized in a 2:2:1:1 ratio during Phase IIb to receive either a high-dose experimental group (4.0×10^6/kg), a low-dose group (2.0×10^6/kg), a high-dose placebo control group, or a low-dose placebo control group.",
      arms,
    );
    expect(warnings).toEqual([]);
    expect(stages).toHaveLength(1);
    expect(stages[0]!.label).toBe("Phase IIb");
    expect(stages[0]!.groups.map((g) => [g.ratio, g.armOrdinals])).toEqual([[2, [1]], [2, [0]], [1, [3]], [1, [2]]]);
  });

  it("a ratio whose groups cannot be counted is a warning, not a stage", () => {
    const { stages, warnings } = readRatioStages("Patients were randomized in a 2:1 ratio to the treatment arms.", []);
    expect(stages).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^a 2:1 ratio names 1 groups/);
  });
});
