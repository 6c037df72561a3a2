import { describe, expect, it } from "vitest";
import { NumberFormatError } from "@/lib/ingest/errors";
import { findCellSource, findDoseAmounts, mentionsPlacebo, readDoseAmount } from "@/lib/ingest/normalize/doses";

describe("readDoseAmount: per kg or flat", () => {
  it.each([
    ["hUC-MSCs 4*10^5/kg/each time", 400_000, "4*10^5/kg"],
    ["2.0×10\\^6/kg", 2_000_000, "2.0×10\\^6/kg"],
    ["1.0×10^6 cells/kg body weight", 1_000_000, "1.0×10^6 cells/kg"],
    ["4 x 10^6 cells per kg", 4_000_000, "4 x 10^6 cells per kg"],
    ["2×10^6 MSCs/kg", 2_000_000, "2×10^6 MSCs/kg"],
    ["1 x 1000000 cells/kg", 1_000_000, "1 x 1000000 cells/kg"],
  ])("%s is %d per kg", (text, cellsPerKg, words) => {
    expect(readDoseAmount(text)).toEqual({ kind: "perKg", cellsPerKg, text: words });
  });

  it("a superscript exponent does not hide the /kg after it", () => {
    expect(readDoseAmount("2×10⁶/kg")).toEqual({ kind: "perKg", cellsPerKg: 2_000_000, text: "2×10⁶/kg" });
    expect(findDoseAmounts("1×10⁸ cells flat, or 4×10⁶ cells/kg")).toEqual([
      { kind: "flat", cellsPerInfusion: 100_000_000, text: "1×10⁸" },
      { kind: "perKg", cellsPerKg: 4_000_000, text: "4×10⁶ cells/kg" },
    ]);
  });

  it.each([
    ["1.5×10^8, Peripheral IV, at week0", 150_000_000],
    ["1×10⁸ cells per infusion", 100_000_000],
    ["a fixed dose of 5*10^7 cells", 50_000_000],
  ])("%s is a flat %d per infusion", (text, cellsPerInfusion) => {
    expect(readDoseAmount(text)).toMatchObject({ kind: "flat", cellsPerInfusion });
  });

  it("the same dose repeated is one dose; different doses are no single dose", () => {
    expect(readDoseAmount("4*10^5 cells/kg … low dose: 4*10^5 cells/kg")).toMatchObject({ cellsPerKg: 400_000 });
    expect(readDoseAmount("low 5*10^5 cells/kg and high 1*10^6 cells/kg")).toBeNull();
    expect(findDoseAmounts("low 5*10^5 cells/kg and high 1*10^6 cells/kg").map((d) => d.kind === "perKg" && d.cellsPerKg))
      .toEqual([500_000, 1_000_000]);
  });

  it("no dose stated → null", () => {
    expect(readDoseAmount("infusions of umbilical cord blood MSCs once a week for 8 weeks")).toBeNull();
  });

  it("a malformed dose throws NumberFormatError", () => {
    expect(() => readDoseAmount("hUC-MSCs 4*10^/kg/each time")).toThrow(NumberFormatError);
  });
});

describe("placebo and cell source", () => {
  it("recognises placebo words", () => {
    expect(mentionsPlacebo("Equivalent volume of solvent calculated at 2.0×10^6/kg")).toBe(true);
    expect(mentionsPlacebo("normal saline")).toBe(true);
    expect(mentionsPlacebo("hUC-MSCs 4*10^5/kg")).toBe(false);
  });

  it("names the tissue, cord blood before cord", () => {
    expect(findCellSource(["umbilical cord blood mesenchymal stem cells"])).toEqual({ value: "CORD_BLOOD", text: "umbilical cord blood" });
    expect(findCellSource([null, "Human umbilical cord-derived MSCs"])).toEqual({ value: "UMBILICAL_CORD", text: "umbilical cord" });
    expect(findCellSource(["bone marrow-derived"])?.value).toBe("BONE_MARROW");
    expect(findCellSource(["stem cells"])).toBeNull();
  });
});

// Cases found in review: each once stored a wrong number.
describe("dose amounts", () => {
  it.each([
    ["2×10^6 UC-MSCs/kg", 2e6],
    ["5×10^5 BM-MSCs/kg", 5e5],
    ["1×10^6 mesenchymal stem cells/kg", 1e6],
    ["1×10^6 stem cells per kg", 1e6],
    ["1×10^6 cells·kg-1", 1e6],
    ["hUC-MSCs 4*10^5/kg/each time", 4e5],
  ])("%s is per kg (%d), not a flat dose", (text, perKg) => {
    expect(readDoseAmount(text)).toMatchObject({ kind: "perKg", cellsPerKg: perKg });
  });

  it("a flat dose stays flat: the unit search stops at punctuation and numbers", () => {
    expect(readDoseAmount("1.5×10^8, Peripheral IV, at week0")).toMatchObject({ kind: "flat", cellsPerInfusion: 1.5e8 });
    expect(readDoseAmount("1×10^8 cells per infusion for a 60 kg adult")).toMatchObject({ kind: "flat", cellsPerInfusion: 1e8 });
  });

  it.each(["1.0×10^6 to 2.0×10^6 cells/kg", "1×10^6-2×10^6 cells/kg", "1-2×10^6 cells/kg"])("the range %s is no dose", (text) => {
    expect(readDoseAmount(text)).toBeNull();
  });
});
