import { describe, expect, it } from "vitest";
import { findAmounts, isDoseAmount, rangeWords } from "@/lib/ingest/prose/amounts";

/**
 * The cell-amount reader with the exact numbers: every spelling the importer's first dose
 * readers were tested with (they are gone; this reader serves every layout), and the
 * powers of ten it flags rather than drops.
 */
const one = (text: string) => {
  const found = findAmounts(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};
const flagged = (text: string) => findAmounts(text, { all: true }).filter((m) => m.problem).map((m) => [m.text, m.problem]);

describe("spellings of a cell count", () => {
  it.each([
    ["2.0×10^6 cells", 2_000_000], ["2.0×10\\^6 cells", 2_000_000], ["4*10^5 cells", 400_000], ["12*10^5 cells", 1_200_000],
    ["1 x 1000000 cells", 1_000_000], ["1.5×10^8 cells", 150_000_000], ["1×100000000 cells", 100_000_000], ["10^6 cells", 1_000_000],
    ["2×10⁶ cells", 2_000_000], ["2.0 × 10⁶ cells", 2_000_000], ["2e6 cells", 2_000_000], ["1.5E8 cells", 150_000_000],
    ["2 x 10^6 cells", 2_000_000], ["1X10^6 cells", 1_000_000], ["0.5×10^6 cells", 500_000], ["2.5 million cells", 2_500_000],
  ])("%s is %d", (text, value) => expect(one(text).value).toBe(value));

  it("is exact: the value is read from the decimal text, with no floating-point tail", () => {
    expect(4.1 * 1e5).not.toBe(410_000); // the trap the reader must avoid
    expect(one("4.1*10^5 cells").value).toBe(410_000);
    expect(one("1.15×10^8 cells").value).toBe(115_000_000);
    expect(one("1.2×10^6 cells").value).toBe(1_200_000);
    expect(one("1.1×10^6 cells").value).toBe(1_100_000);
  });

  it("plain integers are no cell counts: volumes, counts and days", () => {
    expect(findAmounts("This product is 10 ml, given 3 times on days 1, 4 and 7")).toEqual([]);
    expect(findAmounts("This product is 10 ml, 1×100000000 cells").map((m) => m.value)).toEqual([100_000_000]);
  });

  it("every count in order, in the source's own words and positions (superscripts too)", () => {
    const text = "first 1×10⁸ cells, then 2.0 × 10⁶ cells and 3*10^5 cells";
    expect(findAmounts(text).map((m) => [m.value, m.text, m.start])).toEqual([
      [100_000_000, "1×10⁸ cells", text.indexOf("1×10⁸")],
      [2_000_000, "2.0 × 10⁶ cells", text.indexOf("2.0 × 10⁶")],
      [300_000, "3*10^5 cells", text.indexOf("3*10^5")],
    ]);
  });
});

describe("per kg or flat", () => {
  it.each([
    ["hUC-MSCs 4*10^5/kg/each time", 400_000, "4*10^5/kg"],
    ["2.0×10\\^6/kg", 2_000_000, "2.0×10\\^6/kg"],
    ["1.0×10^6 cells/kg body weight", 1_000_000, "1.0×10^6 cells/kg"],
    ["4 x 10^6 cells per kg", 4_000_000, "4 x 10^6 cells per kg"],
    ["2×10^6 MSCs/kg", 2_000_000, "2×10^6 MSCs/kg"],
    ["1 x 1000000 cells/kg", 1_000_000, "1 x 1000000 cells/kg"],
    ["2×10⁶/kg", 2_000_000, "2×10⁶/kg"],
    ["2×10^6 UC-MSCs/kg", 2_000_000, "2×10^6 UC-MSCs/kg"],
    ["5×10^5 BM-MSCs/kg", 500_000, "5×10^5 BM-MSCs/kg"],
    ["1×10^6 mesenchymal stem cells/kg", 1_000_000, "1×10^6 mesenchymal stem cells/kg"],
    ["1×10^6 stem cells per kg", 1_000_000, "1×10^6 stem cells per kg"],
  ])("%s is %d per kg", (text, cellsPerKg, words) => {
    const m = one(text);
    expect([m.perKg, m.cellsPerKg, m.text]).toEqual([true, cellsPerKg, words]);
  });

  it.each([
    ["1.5×10^8, Peripheral IV, at week0", 150_000_000],
    ["1×10⁸ cells per infusion", 100_000_000],
    ["a fixed dose of 5*10^7 cells", 50_000_000],
    ["1×10^8 cells per infusion for a 60 kg adult", 100_000_000],
  ])("%s is a flat %d per infusion", (text, cellsPerInfusion) => {
    const m = one(text);
    expect([m.perKg, m.cellsPerInfusion]).toEqual([false, cellsPerInfusion]);
  });

  it("a flat amount and a per-kg amount in one sentence keep their own units", () => {
    expect(findAmounts("1×10⁸ cells flat, or 4×10⁶ cells/kg").map((m) => [m.perKg, m.value])).toEqual([[false, 100_000_000], [true, 4_000_000]]);
  });

  it("two levels in one sentence are two amounts", () => {
    expect(findAmounts("low 5*10^5 cells/kg and high 1*10^6 cells/kg").map((m) => m.cellsPerKg)).toEqual([500_000, 1_000_000]);
  });
});

describe("ranges are never a dose", () => {
  it.each(["1.0×10^6 to 2.0×10^6 cells/kg", "1×10^6-2×10^6 cells/kg", "1-2×10^6 cells/kg", "0.5 to 1×10^6 cells/kg"])("%s", (text) => {
    const m = one(text);
    expect(isDoseAmount(m)).toBe(false);
    expect(m.range).not.toBeNull();
  });
  it("a range then a single amount: only the second is a dose", () => {
    expect(findAmounts("1–5×10^6 cells/kg, or 2×10^6 cells/kg").map((m) => [m.range, m.value])).toEqual([
      [{ low: 1_000_000, high: 5_000_000, exp: 6 }, null], [null, 2_000_000],
    ]);
  });
  // Issue 17: each was read as one amount (1×10^6/kg, 2×10^6/kg, 1×10^8 cells) where the record gives a range.
  it.each([
    ["2,5-5,0 10E6 cells/kg", 2_500_000, 5_000_000, true, "2.5–5 × 10^6 cells/kg"],
    ["1,5 - 3,0 10^6 MSCs per kg", 1_500_000, 3_000_000, true, "1.5–3 × 10^6 cells/kg"],
    ["0,5-1,0 x 10E6 cells/kg", 500_000, 1_000_000, true, "0.5–1 × 10^6 cells/kg"],
    ["1-2 millions of cells per kilogram", 1_000_000, 2_000_000, true, "1–2 × 10^6 cells/kg"],
    ["3 to 5 millions cells/kg", 3_000_000, 5_000_000, true, "3–5 × 10^6 cells/kg"],
    ["between 50 and 100 million cells", 50_000_000, 100_000_000, false, "50–100 × 10^6 cells"],
    ["between 1×10^6 and 2×10^6 cells/kg", 1_000_000, 2_000_000, true, "1–2 × 10^6 cells/kg"],
  ])("%s is a range, both ends kept", (text, low, high, perKg, words) => {
    const m = one(text);
    expect([m.value, m.range?.low, m.range?.high, m.perKg, isDoseAmount(m)]).toEqual([null, low, high, perKg, false]);
    expect(rangeWords(m.range!, m.perKg)).toBe(words);
  });
  it("a factor before a number written out is part of it: 2×1,000,000 MSC/kg is 2×10^6 per kg (was read 10^6)", () => {
    expect([one("MSC 2×1,000,000 MSC/kg, IV").value, one("MSC 2×1,000,000 MSC/kg, IV").perKg]).toEqual([2_000_000, true]);
  });
  it("'per/kg' is per kg; 'kg' a few words after a range not read per kg makes its unit unclear", () => {
    expect(one("1.5×10^6 MSCs per/kg body weight").cellsPerKg).toBe(1_500_000);
    expect(one("1-2x10^6 million MSCs per/kg body weight").kgNearby).toBe(true);
    expect(one("1-2x10^6 UC-MSCs, intravenously").kgNearby).toBeUndefined();
  });
  it("'a total of' marks the amount of the whole course", () => {
    expect(one("10 injections for a total of 80-100 million cells").total).toBe(true);
    expect(one("80-100 million cells per injection").total).toBeUndefined();
  });
  it("a decimal comma with a power of ten and no sign is one amount: 2,5 10E6 cells/kg", () => {
    expect([one("2,5 10E6 cells/kg").value, one("2,5 10E6 cells/kg").perKg]).toEqual([2_500_000, true]);
  });
  it("a list with 'and' that is no 'between' stays a list of levels", () => {
    expect(one("50 and 100 million cells").alternatives).toEqual([50_000_000, 100_000_000]);
  });
});

describe("powers of ten the importer flags", () => {
  it("`4*10^` has no exponent", () => {
    expect(findAmounts("low dose 4*10^ cells/kg")).toEqual([]);
    expect(flagged("low dose 4*10^ cells/kg")).toEqual([["4*10^", "the power of ten has no exponent"]]);
  });
  it("`10^999` and `10⁹⁹⁹` are out of range, `10^20` no cell count, `1×10^-3` no whole number", () => {
    expect(flagged("10^999 cells/kg")).toEqual([["10^999", "it is out of range"]]);
    expect(flagged("dose 10⁹⁹⁹ cells")).toEqual([["10⁹⁹⁹", "it is out of range"]]);
    expect(flagged("10^20 cells")).toEqual([["10^20", "it is larger than any plausible cell count"]]);
    expect(flagged("1×10^-3 cells")).toEqual([["1×10^-3", "a cell count must be a whole number"]]);
  });
  it("a power of ten outside 10^3–10^11 is kept for the plausibility check, never silently dropped", () => {
    expect(findAmounts("1×10^0/kg")).toEqual([]);
    expect(findAmounts("1×10^0/kg", { all: true }).map((m) => [m.value, m.perKg])).toEqual([[1, true]]);
    expect(findAmounts("1×10^12 cells", { all: true }).map((m) => m.value)).toEqual([1e12]);
  });
});
