import { describe, expect, it } from "vitest";
import { parseSmallCount, parseWholeNumber } from "@/lib/ingest/normalize/numbers";

/** Cell counts are read by lib/ingest/prose/amounts.ts (tests/unit/ingest/prose/amounts.test.ts). */
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
