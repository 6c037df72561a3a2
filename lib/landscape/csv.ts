import { csvRow } from "../csv";
import type { Landscape } from "./shape";

/**
 * The landscape's points as CSV, one row per drawn arm, in lib/csv.ts's cell rules: a value not reported is an empty cell, numbers in full. `url` is the arm on its
 * trial page (relative to the site).
 */
export const LANDSCAPE_CSV_COLUMNS = [
  "trialId", "trialTitle", "armLabel", "cellsPerKgPerInfusion", "estimated", "flatCellsPerInfusion", "activeInfusions",
  "cumulativeCellsPerKg", "enrollment", "route", "routeWords", "cellSource", "cellSourceWords", "cellOrigin", "status",
  "doseWords", "url", "referenceWeightKg",
  // Added: a dose stated as a range (then cellsPerKgPerInfusion is empty): both ends per kg, and flat as stated.
  "cellsPerKgPerInfusionMin", "cellsPerKgPerInfusionMax", "flatCellsPerInfusionMin", "flatCellsPerInfusionMax",
] as const;

/** The CSV's lines, each ending in CRLF (a generator: a long CSV can be streamed line by line). */
export function* landscapeCsvLines(l: Landscape): Generator<string> {
  yield LANDSCAPE_CSV_COLUMNS.join(",") + "\r\n";
  for (const p of l.points) {
    yield csvRow([
      p.trialId, p.trialTitle, p.armLabel, p.x, p.estimated, p.flatCellsPerInfusion, p.infusions, p.cumulativeCellsPerKg,
      p.enrollment, p.route, p.routeText, p.cellSource, p.cellSourceText, p.cellOrigin, p.status, p.doseText, p.href, l.weightKg,
      p.range?.min, p.range?.max, p.statedRange?.unit === "cells" ? p.statedRange.min : null, p.statedRange?.unit === "cells" ? p.statedRange.max : null,
    ]) + "\r\n";
  }
}

export function toLandscapeCsv(l: Landscape): string {
  return [...landscapeCsvLines(l)].join("");
}
