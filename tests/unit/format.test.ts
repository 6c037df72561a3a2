import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { armWarnings } from "@/lib/format";
import { importSource } from "@/lib/ingest/pipeline";

describe("armWarnings: the import notes shown beside an arm's dose", () => {
  const warnings = [
    'arm "MSC": its description states "1×10^6 cells/kg" but a linked intervention states "2×10^6 cells/kg"; the arm\'s own is kept',
    'arm "MSC group": the dose is stated as "0.1-1x10E6 MSCs/kg", not as one amount',
    'arms[1].doses[0].cellsPerKg: 1 cells is outside 1e3–1e11 ("1×10^0/kg"); not stored',
    "enrollment: 0 participants is outside 1–1,000,000; not stored",
  ];
  it("picks the reader's notes by the arm's label and the plausibility check's by its index", () => {
    expect(armWarnings(warnings, "MSC", 0)).toEqual([warnings[0]]);
    expect(armWarnings(warnings, "MSC group", 1)).toEqual([warnings[1], warnings[2]]);
    expect(armWarnings(warnings, "Control", 2)).toEqual([]);
  });

  it("a conflict read from a record reaches its arm", () => {
    const text = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8")
      .replace("hUC-MSCs 4*10^5/kg/each time", "hUC-MSCs 5*10^5/kg/each time");
    const { record } = importSource(Buffer.from(text), "conflict.txt");
    expect(record.arms[0]!.doses[0]!.cellsPerKg).toBe(500_000);
    expect(armWarnings(record.warnings, "low dose", 0)).toEqual([
      'arm "low dose": its description states "5*10^5/kg" but a linked intervention states "4*10^5 cells/kg"; the arm\'s own is kept',
    ]);
  });
});
