import type { ArmSummary, Dose } from "./schema";

/** The adult reference body weight of dose-conversion guidance. */
export const DEFAULT_REFERENCE_WEIGHT_KG = 60;

/**
 * An arm's summary, derived from its doses at a reference weight: the per-kg dose per
 * infusion (a flat dose divided by the weight, marked estimated), the number of MSC
 * infusions, and their product. Unknown stays null; it is never read as zero.
 */
export function summarizeArm(doses: Dose[], weightKg: number): ArmSummary {
  const msc = doses.filter((d) => d.product === "MSC");
  if (msc.length === 0) {
    return { cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 0, cumulativeCellsPerKg: null };
  }
  const perKg = msc.map((d) =>
    d.cellsPerKg !== null ? { value: d.cellsPerKg, estimated: false }
      : d.cellsPerInfusion !== null ? { value: d.cellsPerInfusion / weightKg, estimated: true }
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
