import { findCellCounts } from "./numbers";

export type DoseAmount =
  | { kind: "perKg"; cellsPerKg: number; text: string }
  | { kind: "flat"; cellsPerInfusion: number; text: string };

// "/kg", "cells/kg", "cells per kg", "/kg body weight", "cells/kg/each time"
const PER_KG = /^\s*(?:(?:cells?|MSCs?|hUC-MSCs?)\s*)?(?:\/\s*kg|per\s*kg|\/\s*kilogram|per\s+kilogram)\b/i;

/**
 * Every dose amount in `text`, in order: a cell count followed by "/kg" is per kg, any
 * other cell count a flat dose per infusion. Throws NumberFormatError for `4*10^`.
 */
export function findDoseAmounts(text: string): DoseAmount[] {
  return findCellCounts(text).map((c) => {
    const after = text.slice(c.index + c.text.length, c.index + c.text.length + 24);
    const perKg = PER_KG.exec(after);
    return perKg
      ? { kind: "perKg", cellsPerKg: c.value, text: c.text + perKg[0] }
      : { kind: "flat", cellsPerInfusion: c.value, text: c.text };
  });
}

/** The single dose amount stated in `text`, or null when there is none or they disagree. */
export function readDoseAmount(text: string): DoseAmount | null {
  const amounts = findDoseAmounts(text);
  if (amounts.length === 0) return null;
  const first = amounts[0]!;
  const same = amounts.every((a) =>
    a.kind === first.kind &&
    (a.kind === "perKg" ? a.cellsPerKg === (first as { cellsPerKg: number }).cellsPerKg
      : a.cellsPerInfusion === (first as { cellsPerInfusion: number }).cellsPerInfusion),
  );
  return same ? first : null;
}

const PLACEBO = /\b(placebo|solvent|saline|vehicle|sham)\b/i;
const CELLS = /mesenchymal|\bstem cells?\b|\bstromal cells?\b|\b(?:h?UC-?|BM-?|AD-?)?MSCs?\b/i;

/** Whether an arm's words name the cells (a comparator of standard care names none). */
export function mentionsCells(text: string): boolean {
  return CELLS.test(text);
}

/** Whether an arm's words describe a placebo rather than cells. */
export function mentionsPlacebo(text: string): boolean {
  return PLACEBO.test(text);
}

const CELL_SOURCES: [RegExp, string][] = [
  [/umbilical cord blood|cord blood/i, "CORD_BLOOD"],
  [/umbilical cord|\bUC-?MSCs?\b|Wharton/i, "UMBILICAL_CORD"],
  [/bone marrow|\bBM-?MSCs?\b/i, "BONE_MARROW"],
  [/adipose|\bAD-?MSCs?\b/i, "ADIPOSE"],
  [/placenta/i, "PLACENTA"],
  [/menstrual/i, "MENSTRUAL_BLOOD"],
];

export const CELL_SOURCE_LABELS: Record<string, string> = {
  CORD_BLOOD: "Umbilical cord blood",
  UMBILICAL_CORD: "Umbilical cord",
  BONE_MARROW: "Bone marrow",
  ADIPOSE: "Adipose tissue",
  PLACENTA: "Placenta",
  MENSTRUAL_BLOOD: "Menstrual blood",
};

/** The tissue the cells come from, read from the first text that names one. */
export function findCellSource(texts: (string | null | undefined)[]): { value: string; text: string } | null {
  for (const t of texts) {
    if (!t) continue;
    for (const [re, value] of CELL_SOURCES) {
      const m = re.exec(t);
      if (m) return { value, text: m[0] };
    }
  }
  return null;
}
