import { describe, expect, it } from "vitest";
import { enforcePlausibility } from "@/lib/ingest/normalize/plausible";
import { emptyParsedTrial } from "@/lib/ingest/parsed-record";

/** The plausibility enricher; the limits themselves: tests/unit/ingest/normalize/plausible-records.test.ts. */
describe("enforcePlausibility (enricher)", () => {
  it("nulls an implausible dose and appends its warning after the record's own", () => {
    const rec = {
      ...emptyParsedTrial("test", "t.txt"),
      warnings: ["an earlier warning"],
      arms: [{ label: "MSC", type: "EXPERIMENTAL" as const, description: null, doses: [
        { product: "MSC" as const, cellsPerKg: 1, cellsPerInfusion: null, infusions: 2, dayOffsets: [0, 7], text: "1×10^0 cells/kg twice" },
      ] }],
    };
    const out = enforcePlausibility(rec);
    expect(out.arms[0]!.doses[0]).toMatchObject({ cellsPerKg: null, infusions: 2, dayOffsets: [0, 7] });
    expect(out.warnings).toEqual(["an earlier warning", 'arms[0].doses[0].cellsPerKg: 1 cells is outside 1e3–1e11 ("1×10^0 cells/kg twice"); not stored']);
    expect(rec.arms[0]!.doses[0]!.cellsPerKg).toBe(1);
  });
});
