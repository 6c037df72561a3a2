/**
 * The tissue the cells come from. (Cell amounts are read by the prose reader,
 * lib/ingest/prose/amounts.ts, for every layout.)
 */
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
