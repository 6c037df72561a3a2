import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "@/lib/csv";

describe("lib/csv", () => {
  it("quotes a cell with a comma and a quote, doubling the quote", () => {
    expect(csvCell('Group A, "high dose"')).toBe('"Group A, ""high dose"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
  });

  it("writes not reported as an empty cell and numbers in full", () => {
    expect(csvRow(["NCT04822922", null, undefined, 2142857.142857143, 0, true])).toBe("NCT04822922,,,2142857.142857143,0,true");
  });

  it("defuses text that starts like a formula, not negative numbers", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe("-1");
  });
});
