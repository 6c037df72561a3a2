import { describe, expect, it } from "vitest";
import { parseWeight } from "@/lib/url/weight";

describe("lib/url/weight: the reference weight", () => {
  it("bounds the weight to 30–150 kg; absent or empty on a page is 60 kg", () => {
    expect(parseWeight(undefined)).toEqual({ weightKg: 60, problem: null });
    expect(parseWeight("")).toEqual({ weightKg: 60, problem: null });
    expect(parseWeight("30").weightKg).toBe(30);
    expect(parseWeight(" 150 ").weightKg).toBe(150);
    expect(parseWeight("72.5").weightKg).toBe(72.5);
    for (const bad of ["29.9", "151", "abc", "-60", "Infinity", "60kg"]) {
      const r = parseWeight(bad);
      expect(r.weightKg).toBe(60);
      expect(r.problem?.parameter).toBe("weightKg");
    }
  });

  it("a weight out of range is an error naming weightKg, in the page's and the API's words", () => {
    expect(parseWeight("200")).toEqual({
      weightKg: 60,
      problem: { parameter: "weightKg", message: "The reference weight must be a number of kilograms from 30 to 150; “200” is not. Using 60 kg." },
    });
    expect(parseWeight("200", "api").problem).toEqual({ parameter: "weightKg", message: "weightKg must be a number from 30 to 150, got “200”" });
    // An API refuses an empty weight; absent is the default.
    expect(parseWeight("", "api").problem).toEqual({ parameter: "weightKg", message: "weightKg must be a number from 30 to 150, got “”" });
    expect(parseWeight(undefined, "api")).toEqual({ weightKg: 60, problem: null });
  });
});
