import type { ArmSummary, Dose, DoseRange } from "./schema";

/** The adult reference body weight of dose-conversion guidance. */
export const DEFAULT_REFERENCE_WEIGHT_KG = 60;

/** A plausible number of cells: per infusion, and per kg per infusion (lib/ingest/normalize/plausible.ts). */
export const CELL_RANGE = { min: 1e3, max: 1e11 } as const;

/** A flat dose's per-kg estimate at a weight, or null where it falls outside a plausible per-kg dose ("1000 cells" is 16.7 cells/kg). */
export function perKgEstimate(cellsPerInfusion: number, weightKg: number): number | null {
  const perKg = cellsPerInfusion / weightKg;
  return perKg >= CELL_RANGE.min && perKg <= CELL_RANGE.max ? perKg : null;
}

/**
 * An arm's summary, derived from its doses at a reference weight: the per-kg dose per
 * infusion (a flat dose divided by the weight, marked estimated, when that is a plausible
 * per-kg dose), the number of MSC infusions, and their product. Unknown stays null; it is
 * never read as zero.
 */
export function summarizeArm(doses: Dose[], weightKg: number): ArmSummary {
  const msc = doses.filter((d) => d.product === "MSC");
  if (msc.length === 0) {
    return { cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 0, cumulativeCellsPerKg: null };
  }
  const perKg = msc.map((d) =>
    d.cellsPerKg !== null ? { value: d.cellsPerKg, estimated: false }
      : d.cellsPerInfusion !== null && perKgEstimate(d.cellsPerInfusion, weightKg) !== null
        ? { value: perKgEstimate(d.cellsPerInfusion, weightKg)!, estimated: true }
        : null,
  );
  // Doses of different sizes within one arm have no single per-infusion figure.
  const first = perKg[0];
  const single = first && perKg.every((x) => x && x.value === first.value) ? first : null;
  const activeInfusions = msc.every((d) => d.infusions !== null)
    ? msc.reduce((sum, d) => sum + d.infusions!, 0) : null;
  const cumulative = single && activeInfusions !== null
    ? perKg.reduce((sum, x, i) => sum + x!.value * msc[i]!.infusions!, 0) : null;
  return {
    cellsPerKgPerInfusion: single?.value ?? null,
    estimated: single?.estimated ?? false,
    activeInfusions,
    cumulativeCellsPerKg: cumulative,
  };
}

/** An arm's one MSC dose stated as a range: as stated, and per kg per infusion at a weight (a flat range divided by it: `estimated`). */
export interface ArmRange {
  range: DoseRange | null;
  cellsPerKgRange: { min: number; max: number; estimated: boolean } | null;
}

/** The range of an arm whose one MSC dose is stated as a range (never one of its ends as the dose); else nulls. */
export function armRange(msc: Dose[], weightKg: number): ArmRange {
  const r = msc.length === 1 ? msc[0]!.range ?? null : null;
  if (!r) return { range: null, cellsPerKgRange: null };
  const flat = r.unit === "cells";
  return { range: r, cellsPerKgRange: { min: flat ? r.min / weightKg : r.min, max: flat ? r.max / weightKg : r.max, estimated: flat } };
}
