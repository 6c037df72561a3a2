import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";

/**
 * Layouts whose record lists no arms read them from prose with readArmsFromProse:
 * a veeva-prose page whose full description is not a staged design.
 */
const seed003 = fs.readFileSync("seeds/003_380424067d6bdd53.txt", "utf8").split("\n");

function withDescription(text: string): Buffer {
  const lines = [...seed003];
  const at = lines.findIndex((l) => l.trim() === "Full description");
  const end = lines.findIndex((l, i) => i > at && l.trim() === "Enrollment");
  lines.splice(at + 1, end - at - 1, text);
  return Buffer.from(lines.join("\n"));
}

describe("veeva-prose without a staged design", () => {
  it("each group the full description names becomes an arm with its doses", () => {
    const { record } = importSource(withDescription(
      "Patients were randomized into two groups. The MSC group received 1×10^6 UC-MSCs/kg once a week for 4 weeks, while the control group received standard medical treatment only.",
    ), "variant.txt");
    expect(record.arms.map((a) => [a.label, a.type, a.doses.map((d) => [d.product, d.cellsPerKg, d.infusions, d.dayOffsets])])).toEqual([
      ["MSC group", "EXPERIMENTAL", [["MSC", 1_000_000, 4, [0, 7, 14, 21]]]],
      ["Control group", "NO_INTERVENTION", []],
    ]);
    expect(record.stages).toEqual([]);
  });
});

/**
 * The legacy ClinicalTrials.gov page reads its arms table with the same reader: every arm
 * type prefix, every intervention line of a row with its own text, doses stated only in an
 * intervention's text, and a conflict between an arm's text and its intervention's.
 */
const seed001 = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8").split("\n");

function withArmsTable(rows: string[]): Buffer {
  const lines = [...seed001];
  const at = lines.findIndex((l) => /^Arm \| Intervention\/treatment \|/.test(l));
  const end = lines.findIndex((l, i) => i > at && l.startsWith("- "));
  lines.splice(at + 2, end - at - 2, ...rows);
  return Buffer.from(lines.join("\n"));
}
const armsOf = (rows: string[]) => importSource(withArmsTable(rows), "legacy.txt");
const summary = (r: ReturnType<typeof armsOf>) =>
  r.record.arms.map((a) => [a.label, a.type, a.doses.map((d) => [d.product, d.cellsPerKg ?? d.cellsPerInfusion, d.infusions, d.dayOffsets])]);

describe("legacy ClinicalTrials.gov arms table", () => {
  it("reads every arm type prefix", () => {
    const r = armsOf([
      "Experimental: BM-MSC", "Bone marrow MSCs 1×10^6 cells/kg once a week for 4 weeks", "|", "Biological: BM-MSC", "Infused through a peripheral vein. |",
      "Active Comparator: Plasma exchange", "Plasma exchange three times in the first week", "|", "Procedure: Plasma exchange", "Fresh frozen plasma, 2000 ml each session. |",
      "Placebo Comparator: Saline", "Normal saline of the same volume, once a week for 4 weeks", "|", "Drug: Saline", "0.9% sodium chloride. |",
      "Sham Comparator: Sham catheterisation", "Hepatic artery catheterisation with no infusion", "|", "Procedure: Sham procedure", "Catheter placed and withdrawn. |",
      "No Intervention: Standard care", "Standard medical treatment only", "|",
      "Other: Observation", "Observed for 24 weeks", "|", "Other: Observation", "Clinic visits. |",
    ]);
    expect(summary(r)).toEqual([
      ["BM-MSC", "EXPERIMENTAL", [["MSC", 1_000_000, 4, [0, 7, 14, 21]]]],
      ["Plasma exchange", "ACTIVE_COMPARATOR", []],
      ["Saline", "PLACEBO_COMPARATOR", [["PLACEBO", null, 4, [0, 7, 14, 21]]]],
      ["Sham catheterisation", "SHAM_COMPARATOR", [["PLACEBO", null, null, null]]],
      ["Standard care", "NO_INTERVENTION", []],
      ["Observation", "OTHER", []],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("reads every intervention line of a row, and a dose stated only in an intervention's text", () => {
    const r = armsOf([
      "Experimental: UC-MSC plus standard care", "Umbilical cord MSCs with standard medical treatment", "|",
      "Drug: Entecavir", "0.5 mg orally once daily. |",
      "Biological: UC-MSC", "5×10^7 UC-MSCs per infusion, at week 0, 2 and 4. |",
      "Other: Standard care", "Standard medical treatment", "|", "Drug: Entecavir", "0.5 mg orally once daily. |",
    ]);
    expect(summary(r)).toEqual([
      ["UC-MSC plus standard care", "EXPERIMENTAL", [["MSC", 50_000_000, 3, [0, 14, 28]]]],
      ["Standard care", "OTHER", []],
    ]);
    expect(r.record.arms[0]!.doses[0]!.text).toBe("Umbilical cord MSCs with standard medical treatment … 5×10^7 UC-MSCs … at week 0, 2 and 4");
  });

  it("an arm's text and its intervention's disagree: the arm's own is kept, with a warning naming both", () => {
    const r = armsOf([
      "Experimental: MSC", "hUC-MSCs 1×10^6 cells/kg at week 0, 1 and 2", "|",
      "Biological: hUC-MSC", "hUC-MSCs 2×10^6 cells/kg at week 0, 4 and 8. |",
    ]);
    expect(summary(r)).toEqual([["MSC", "EXPERIMENTAL", [["MSC", 1_000_000, 3, [0, 7, 14]]]]]);
    expect(r.warnings).toEqual([
      'arm "MSC": its description states "1×10^6 cells/kg" but a linked intervention states "2×10^6 cells/kg"; the arm\'s own is kept',
      'arm "MSC": its description gives the schedule "at week 0, 1 and 2" but a linked intervention gives "at week 0, 4 and 8"; the arm\'s own is kept',
    ]);
  });

  it("a flattened exponent in an intervention's text (2×105/Kg) is 2×10^5 per kg", () => {
    const r = armsOf([
      "Experimental: Low dose", "Allogeneic bone marrow MSCs", "|",
      "Biological: BM-MSC", "Bone marrow MSCs by peripheral vein (2×105/Kg, once a week, 4 times). |",
    ]);
    expect(summary(r)).toEqual([["Low dose", "EXPERIMENTAL", [["MSC", 200_000, 4, [0, 7, 14, 21]]]]]);
  });
});

describe("a power of ten the reader cannot read in a prose layout", () => {
  it("is a warning of the record (the trial summary's arms come from its prose)", () => {
    const seed004 = fs.readFileSync("seeds/004_e62994e7b8db9017.txt", "utf8");
    const { record } = importSource(Buffer.from(seed004.replace("4 x 1000000 cells/kg", "4 x 10^ cells/kg")), "004_broken.txt");
    expect(record.warnings).toContain('cannot read the number "4 x 10^" in the description: the power of ten has no exponent');
    expect(record.arms.map((a) => a.doses[0]?.cellsPerKg)).toEqual([1_000_000, 2_000_000]);
  });
});
