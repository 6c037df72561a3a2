import { describe, expect, it } from "vitest";
import type { Dose } from "@/lib/record/schema";
import { DEFAULT_REFERENCE_WEIGHT_KG, summarizeArm } from "@/lib/record/summary";

const msc = (d: Partial<Dose>): Dose => ({
  product: "MSC", cellsPerKg: null, cellsPerInfusion: null, infusions: null, dayOffsets: null, text: "t", ...d,
});
const placebo = (d: Partial<Dose> = {}): Dose => msc({ product: "PLACEBO", ...d });

describe("summarizeArm", () => {
  it("an imported record estimates a flat dose at the 60 kg reference weight: 1.2×10^8 cells → 2×10^6/kg", () => {
    const flat = [msc({ cellsPerInfusion: 120_000_000, infusions: 1 })];
    expect(summarizeArm(flat, DEFAULT_REFERENCE_WEIGHT_KG)).toEqual({
      cellsPerKgPerInfusion: 2_000_000, estimated: true, activeInfusions: 1, cumulativeCellsPerKg: 2_000_000,
    });
  });

  it("a per-kg dose: stated, not estimated; cumulative = dose × infusions", () => {
    const s = summarizeArm([msc({ cellsPerKg: 400_000, infusions: 4, dayOffsets: [0, 3, 6, 9] })], 60);
    expect(s).toEqual({ cellsPerKgPerInfusion: 400_000, estimated: false, activeInfusions: 4, cumulativeCellsPerKg: 1_600_000 });
  });

  it("a flat 1.5e8 at 60 kg → 2.5e6/kg estimated; at 75 kg → 2e6/kg", () => {
    const doses = [msc({ cellsPerInfusion: 150_000_000, infusions: 5 })];
    const at60 = summarizeArm(doses, 60);
    expect(at60.cellsPerKgPerInfusion).toBe(2_500_000);
    expect(at60.estimated).toBe(true);
    expect(at60.cumulativeCellsPerKg).toBe(12_500_000);
    const at75 = summarizeArm(doses, 75);
    expect(at75.cellsPerKgPerInfusion).toBe(2_000_000);
    expect(at75.estimated).toBe(true);
    expect(at75.cumulativeCellsPerKg).toBe(10_000_000);
  });

  it("cumulative is null when the infusions are unknown", () => {
    const s = summarizeArm([msc({ cellsPerKg: 2_000_000 })], 60);
    expect(s).toEqual({ cellsPerKgPerInfusion: 2_000_000, estimated: false, activeInfusions: null, cumulativeCellsPerKg: null });
  });

  it("cumulative and dose are null when the dose is unknown", () => {
    const s = summarizeArm([msc({ infusions: 8 })], 60);
    expect(s).toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 8, cumulativeCellsPerKg: null });
  });

  it("a placebo arm has 0 active infusions and nothing else", () => {
    expect(summarizeArm([placebo({ infusions: 3, dayOffsets: [0, 7, 14] })], 60))
      .toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 0, cumulativeCellsPerKg: null });
    expect(summarizeArm([], 60).activeInfusions).toBe(0); // no intervention
  });

  it("MSC then placebo counts only the MSC infusions", () => {
    const s = summarizeArm([msc({ cellsPerInfusion: 150_000_000, infusions: 3 }), placebo({ infusions: 2 })], 60);
    expect(s.activeInfusions).toBe(3);
    expect(s.cumulativeCellsPerKg).toBe(7_500_000);
  });

  it("two MSC doses of different sizes have no single per-infusion figure", () => {
    const s = summarizeArm([msc({ cellsPerKg: 1_000_000, infusions: 2 }), msc({ cellsPerKg: 2_000_000, infusions: 2 })], 60);
    expect(s.cellsPerKgPerInfusion).toBeNull();
    expect(s.activeInfusions).toBe(4);
  });
});
