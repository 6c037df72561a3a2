import { findCellCounts } from "./numbers";

export type DoseAmount =
  | { kind: "perKg"; cellsPerKg: number; text: string }
  | { kind: "flat"; cellsPerInfusion: number; text: string };

// After the count: up to four words naming the cells, then "/kg", "per kg", "/kilogram"
// or "·kg-1": "cells/kg", "UC-MSCs/kg", "mesenchymal stem cells per kg", "/kg body weight".
// Punctuation or digits before the unit end the search (", Peripheral IV" is no unit).
const PER_KG = /^\s*(?:[A-Za-z][A-Za-z-]*\s*){0,4}(?:\/\s*kg\b|\/\s*kilogram|per\s+(?:kg|kilogram)\b|[·•.]\s*kg\s*[-−⁻]\s*1|\bkg\s*[-−⁻]\s*1)/i;

/** A range ("1-2×10^6 cells/kg"): no single dose can be read from it. */
export interface DoseRange { kind: "range"; text: string }

/**
 * Every dose amount in `text`, in order: a cell count followed by a per-kg unit is per
 * kg, any other cell count a flat dose per infusion, and the ends of a range a range.
 * Throws NumberFormatError for `4*10^`.
 */
export function findDoseAmounts(text: string): (DoseAmount | DoseRange)[] {
  return findCellCounts(text).map((c): DoseAmount | DoseRange => {
    if (c.inRange) return { kind: "range", text: c.text };
    const after = text.slice(c.index + c.text.length, c.index + c.text.length + 60);
    const perKg = PER_KG.exec(after);
    return perKg
      ? { kind: "perKg", cellsPerKg: c.value, text: c.text + perKg[0] }
      : { kind: "flat", cellsPerInfusion: c.value, text: c.text };
  });
}

/** The single dose amount stated in `text`, or null when there is none or they disagree. */
export function readDoseAmount(text: string): DoseAmount | null {
  const found = findDoseAmounts(text);
  if (found.length === 0 || found.some((a) => a.kind === "range")) return null;
  const amounts = found as DoseAmount[];
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
