import { csvRow } from "../csv";
import type { Comparison } from "./shape";

/**
 * The comparison as CSV, one row per arm, in lib/csv.ts's cell rules: a value the record
 * does not give is an EMPTY cell, never "0" and never prose. Day lists are "0;3;6;9" (semicolons, so the
 * cell needs no quoting). Numbers are written in full (2142857.142857143), not rounded.
 * An arm with no MSC infusions has activeInfusions 0 and an empty mscDayOffsets; one whose
 * schedule is not reported has both empty. A dose stated as a range leaves
 * cellsPerKgPerInfusion empty and gives both ends (`…Min`/`…Max`, `rangeMin`/`rangeMax` as
 * stated, `rangeUnit` cells/kg or cells); `unstated` says in words why a value is not one number.
 */
export const CSV_COLUMNS = [
  "trialId", "trialTitle", "armLabel", "armType", "cellsPerKgPerInfusion", "estimated",
  "activeInfusions", "cumulativeCellsPerKg", "mscDayOffsets", "placeboDayOffsets", "referenceWeightKg",
  // Added: a dose stated as a range, both ends per kg per infusion (at the reference weight) and as stated.
  "cellsPerKgPerInfusionMin", "cellsPerKgPerInfusionMax", "rangeMin", "rangeMax", "rangeUnit", "unstated",
] as const;

const daysCell = (d: number[] | null) => (d === null ? null : d.join(";"));

export function toCompareCsv(c: Comparison): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const t of c.trials) {
    for (const a of t.arms) {
      lines.push(csvRow([
        t.id, t.title, a.label, a.type, a.cellsPerKgPerInfusion, a.estimated, a.activeInfusions,
        a.cumulativeCellsPerKg, daysCell(a.mscDayOffsets), daysCell(a.placeboDayOffsets), c.weightKg,
        a.cellsPerKgRange?.min, a.cellsPerKgRange?.max, a.range?.min, a.range?.max, a.range?.unit, a.unstated.join("; ") || null,
      ]));
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** `msc-compare_NCT04822922_NCT05948982_60kg.csv`: ids are [A-Za-z0-9-] so the name is safe. */
export function csvFilename(ids: string[], weightKg: number): string {
  return `msc-compare_${ids.join("_")}_${String(weightKg).replace(".", "-")}kg.csv`;
}
