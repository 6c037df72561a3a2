import { describe, expect, it } from "vitest";
import { fractionOf, logTicks, niceStep, valueDomain } from "@/lib/chart/domain";

describe("lib/chart/domain: axes", () => {
  it("log domains span whole powers of ten around the values", () => {
    expect(valueDomain([4e5, 4e6], "log")).toEqual({ domain: [1e5, 1e7], ticks: [1e5, 1e6, 1e7] });
    expect(valueDomain([1e6], "log").domain).toEqual([1e6, 1e7]);
    expect(valueDomain([], "log")).toEqual({ domain: [1e5, 1e7], ticks: [1e5, 1e6, 1e7] });
  });

  it("linear domains run from 0 to a round step", () => {
    expect(valueDomain([4e6], "linear")).toEqual({ domain: [0, 4e6], ticks: [0, 1e6, 2e6, 3e6, 4e6] });
    expect(valueDomain([1.25e7, 1.6e6], "linear")).toEqual({ domain: [0, 1.5e7], ticks: [0, 5e6, 1e7, 1.5e7] });
    expect(niceStep(3.1e6)).toBe(5e6);
    expect(niceStep(2.2e5)).toBe(2.5e5);
  });

  it("log ticks for a real domain: the seeds' doses at 60 kg with the Kabat band (1.17–3.17×10⁶ cells/kg)", () => {
    // The landscape's x axis on the seeds: doses from 5×10⁵ to 1×10⁷ cells/kg, and the band 70e6/60 to 190e6/60.
    const x = valueDomain([5e5, 1e6, 2.5e6, 1e7, 70e6 / 60, 190e6 / 60], "log");
    expect(x).toEqual({ domain: [1e5, 1e7], ticks: [1e5, 1e6, 1e7] });
    expect(logTicks(x.ticks)).toEqual([1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7]);
    // Five decades or more: the decades only.
    expect(logTicks([1e3, 1e4, 1e5, 1e6, 1e7])).toEqual([1e3, 1e4, 1e5, 1e6, 1e7]);
  });

  it("places a value along the axis", () => {
    expect(fractionOf(1e6, [1e5, 1e7], "log")).toBeCloseTo(0.5, 12);
    expect(fractionOf(3e6, [0, 4e6], "linear")).toBe(0.75);
  });
});
