import type { Comparison } from "./shape";

/**
 * The comparison as CSV, one row per arm. A value the record does not give is an EMPTY
 * cell, never "0" and never prose: spreadsheets then read the column as numbers, and an
 * empty cell is what they treat as missing. Day lists are "0;3;6;9" (semicolons, so the
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

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  // Text from a record that starts like a formula (=, +, -, @) is prefixed with ' so a
  // spreadsheet shows it instead of running it; numbers are written as they are.
  const s = typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const daysCell = (d: number[] | null) => (d === null ? null : d.join(";"));

export function toCompareCsv(c: Comparison): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const t of c.trials) {
    for (const a of t.arms) {
      lines.push([
        t.id, t.title, a.label, a.type, a.cellsPerKgPerInfusion, a.estimated, a.activeInfusions,
        a.cumulativeCellsPerKg, daysCell(a.mscDayOffsets), daysCell(a.placeboDayOffsets), c.weightKg,
        a.cellsPerKgRange?.min, a.cellsPerKgRange?.max, a.range?.min, a.range?.max, a.range?.unit, a.unstated.join("; ") || null,
      ].map(cell).join(","));
    }
  }
  return lines.join("\r\n") + "\r\n";
}

/** `msc-compare_NCT04822922_NCT05948982_60kg.csv`: ids are [A-Za-z0-9-] so the name is safe. */
export function csvFilename(ids: string[], weightKg: number): string {
  return `msc-compare_${ids.join("_")}_${String(weightKg).replace(".", "-")}kg.csv`;
}

/** One CSV cell, as the comparison writes them (the landscape's CSV uses the same). */
export { cell as csvCell };
