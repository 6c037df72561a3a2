import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";

/**
 * Layouts whose record lists no arms read them from prose with readArmsFromProse:
 * a veeva-prose page whose full description is not a staged design.
 */
const seed003 = fs.readFileSync("seeds/003_380424067d6bdd53.txt", "utf8").split("\n");

function withDescription(text: string): Buffer {
  const lines = [...seed003];
  const at = lines.findIndex((l) => l.trim() === "Full description");
  const end = lines.findIndex((l, i) => i > at && l.trim() === "Enrollment");
  lines.splice(at + 1, end - at - 1, text);
  return Buffer.from(lines.join("\n"));
}

describe("veeva-prose without a staged design", () => {
  it("each group the full description names becomes an arm with its doses", () => {
    const { record } = importSource(withDescription(
      "Patients were randomized into two groups. The MSC group received 1×10^6 UC-MSCs/kg once a week for 4 weeks, while the control group received standard medical treatment only.",
    ), "variant.txt");
    expect(record.arms.map((a) => [a.label, a.type, a.doses.map((d) => [d.product, d.cellsPerKg, d.infusions, d.dayOffsets])])).toEqual([
      ["MSC group", "EXPERIMENTAL", [["MSC", 1_000_000, 4, [0, 7, 14, 21]]]],
      ["Control group", "NO_INTERVENTION", []],
    ]);
    expect(record.stages).toEqual([]);
  });
});
