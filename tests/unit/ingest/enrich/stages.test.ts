import { describe, expect, it } from "vitest";
import { readTrialStages } from "@/lib/ingest/enrich/stages";
import { emptyParsedTrial, type ParsedArm } from "@/lib/ingest/parsed-record";

const arm = (label: string, type: ParsedArm["type"], description: string | null = null): ParsedArm => ({ label, type, description, doses: [] });
const SUMMARY = "Patients were randomized in a 2:1 ratio to receive either MSC or placebo.";

describe("readTrialStages (enricher)", () => {
  const rec = () => ({ ...emptyParsedTrial("veeva", "p.txt"), briefSummary: SUMMARY, arms: [arm("MSC", "EXPERIMENTAL"), arm("Placebo", "PLACEBO_COMPARATOR")] });

  it("reads a page's ratio from its summary, each group matched to its arm", () => {
    const out = readTrialStages(rec(), { armsFrom: "listed", kind: "page" });
    expect(out.stages).toEqual([{
      label: "Randomisation 1", description: "Randomised 2:1", text: SUMMARY,
      groups: [
        { label: "MSC", ratio: 2, count: null, armOrdinals: [0], fromGroup: null },
        { label: "Placebo", ratio: 1, count: null, armOrdinals: [1], fromGroup: null },
      ],
    }]);
  });

  it("reads a study's ratios from its arms' words only", () => {
    expect(readTrialStages(rec(), { armsFrom: "listed", kind: "study" }).stages).toEqual([]);
    const inArm = { ...rec(), briefSummary: null, arms: [arm("MSC", "EXPERIMENTAL", SUMMARY), arm("Placebo", "PLACEBO_COMPARATOR")] };
    expect(readTrialStages(inArm, { armsFrom: "listed", kind: "study" }).stages).toHaveLength(1);
  });

  it("leaves a prose record's stages to the dose reader", () => {
    const r = rec();
    expect(readTrialStages(r, { armsFrom: "prose", kind: "page" })).toBe(r);
  });

  it("warns of a ratio whose groups it cannot name", () => {
    const r = { ...rec(), briefSummary: "Patients will be randomized in a 2:2:1 ratio to one of three strategies." };
    expect(readTrialStages(r, { armsFrom: "listed", kind: "page" }).warnings)
      .toEqual(['a 2:2:1 ratio names 1 groups: "Patients will be randomized in a 2:2:1 ratio to one of three strategies."']);
  });
});
