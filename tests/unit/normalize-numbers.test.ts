import { describe, expect, it } from "vitest";
import { NumberFormatError } from "@/lib/ingest/errors";
import { findCellCounts, parseCellCount, parseSmallCount, parseWholeNumber } from "@/lib/ingest/normalize/numbers";

describe("parseCellCount", () => {
  it.each([
    ["2.0×10^6", 2_000_000],
    ["2.0×10\\^6", 2_000_000], // Markdown-escaped caret (record 000)
    ["4*10^5", 400_000],
    ["12*10^5", 1_200_000],
    ["1 x 1000000", 1_000_000],
    ["1.5×10^8", 150_000_000],
    ["1×100000000", 100_000_000],
    ["10^6", 1_000_000],
    ["2×10⁶", 2_000_000],
    ["2.0 × 10⁶", 2_000_000],
    ["2e6", 2_000_000],
    ["1.5E8", 150_000_000],
    ["2 x 10^6", 2_000_000],
    ["1X10^6", 1_000_000],
    ["0.5×10^6", 500_000],
    ["2.5 million", 2_500_000],
  ])("reads %s as %d", (text, value) => {
    expect(parseCellCount(text)).toBe(value);
  });

  it("is exact: mantissa times power is read from the decimal text, with no floating-point tail", () => {
    expect(4.1 * 1e5).not.toBe(410_000); // the trap the parser must avoid
    expect(parseCellCount("4.1*10^5")).toBe(410_000);
    expect(parseCellCount("1.15×10^8")).toBe(115_000_000);
    expect(parseCellCount("1.2×10^6")).toBe(1_200_000);
    expect(parseCellCount("1.1×10^6")).toBe(1_100_000);
  });

  it("rejects text that is not one cell count", () => {
    expect(() => parseCellCount("10 ml")).toThrow(NumberFormatError);
    expect(() => parseCellCount("3 times")).toThrow(/not a cell count/);
  });
});

describe("malformed powers of ten", () => {
  it("`4*10^` throws NumberFormatError saying the exponent is missing", () => {
    let error: unknown;
    try {
      findCellCounts("low dose 4*10^ cells/kg");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NumberFormatError);
    expect((error as NumberFormatError).message).toBe('cannot read the number "4*10^": the power of ten has no exponent');
    expect((error as NumberFormatError).text).toBe("4*10^");
  });

  it("`10^999` throws NumberFormatError: out of range", () => {
    expect(() => findCellCounts("10^999 cells/kg")).toThrow(NumberFormatError);
    expect(() => findCellCounts("10^999 cells/kg")).toThrow('cannot read the number "10^999": it is out of range');
  });

  it("an implausibly large count (10^20) and a fractional count (10^-3) are refused", () => {
    expect(() => parseCellCount("10^20")).toThrow(/larger than any plausible cell count/);
    expect(() => parseCellCount("1×10^-3")).toThrow(/whole number/);
  });
});

describe("findCellCounts", () => {
  it("marks both ends of a range: 1-2×10^6 is no single count", () => {
    expect(findCellCounts("1-2×10^6 cells/kg").map((c) => [c.value, c.inRange])).toEqual([[2_000_000, true]]);
    expect(findCellCounts("0.5 to 1×10^6 cells/kg").map((c) => c.inRange)).toEqual([true]);
    expect(findCellCounts("1.0×10^6 to 2.0×10^6 cells/kg").map((c) => [c.value, c.inRange])).toEqual([[1_000_000, true], [2_000_000, true]]);
    expect(findCellCounts("1×10^6-2×10^6 cells/kg").map((c) => c.inRange)).toEqual([true, true]);
    expect(findCellCounts("1–5×10^6 cells/kg, or 2×10^6 cells/kg").map((c) => [c.value, c.inRange])).toEqual([[5_000_000, true], [2_000_000, undefined]]);
  });

  it("skips plain integers: volumes, counts and days are not cell counts", () => {
    expect(findCellCounts("This product is 10 ml, given 3 times on days 1, 4 and 7")).toEqual([]);
  });

  it("finds every count in order with its words and position", () => {
    const text = "low 4*10^5 cells/kg, medium 8*10^5 cells/kg, high 12*10^5 cells/kg";
    const counts = findCellCounts(text);
    expect(counts.map((c) => c.value)).toEqual([400_000, 800_000, 1_200_000]);
    expect(counts.map((c) => c.text)).toEqual(["4*10^5", "8*10^5", "12*10^5"]);
    expect(counts[0]!.index).toBe(text.indexOf("4*10^5"));
  });

  it("reads the record-004 product label `10 ml, 1×100000000 cells` as one count of 1e8", () => {
    expect(findCellCounts("This product is 10 ml, 1×100000000 cells").map((c) => c.value)).toEqual([100_000_000]);
  });

  it("reports a superscript count in the source's own words and positions", () => {
    expect(findCellCounts("1×10⁸ cells")).toEqual([{ value: 100_000_000, text: "1×10⁸", index: 0 }]);
    const text = "first 1×10⁸ cells, then 2.0 × 10⁶ cells and 3*10^5";
    expect(findCellCounts(text).map((c) => [c.value, c.text, c.index])).toEqual([
      [100_000_000, "1×10⁸", text.indexOf("1×10⁸")],
      [2_000_000, "2.0 × 10⁶", text.indexOf("2.0 × 10⁶")],
      [300_000, "3*10^5", text.indexOf("3*10^5")],
    ]);
  });

  it("a malformed superscript count is reported in the source's words", () => {
    expect(() => findCellCounts("dose 10⁹⁹⁹ cells")).toThrow('cannot read the number "10⁹⁹⁹": it is out of range');
  });
});

describe("small and whole numbers", () => {
  it("parseSmallCount reads digits and words", () => {
    expect(parseSmallCount("3")).toBe(3);
    expect(parseSmallCount("three")).toBe(3);
    expect(parseSmallCount("Twice")).toBe(2);
    expect(parseSmallCount("several")).toBeNull();
  });

  it("parseWholeNumber reads 96 and 1,200 and nothing else", () => {
    expect(parseWholeNumber("96")).toBe(96);
    expect(parseWholeNumber("1,200")).toBe(1200);
    expect(parseWholeNumber("12.5")).toBeNull();
    expect(parseWholeNumber("about 40")).toBeNull();
  });
});
