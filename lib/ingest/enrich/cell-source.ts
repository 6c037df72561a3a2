import type { ParsedTrial } from "../parsed-record";
import type { SourceTrial } from "../source-record";

/**
 * The trial's tissue words. Not yet the arm facts' (arm-facts/cell-source.ts): those read
 * "BM MSC", "amniotic", "HUC-MSCs" too, and would give 4 of the ../shared/ctgov studies a
 * trial cell source they do not have today and change the words of 11 more (see the
 * branch's report); kept apart so that this change moves code only.
 */
const CELL_SOURCES: [RegExp, string][] = [
  [/umbilical cord blood|cord blood/i, "CORD_BLOOD"],
  [/umbilical cord|\bUC-?MSCs?\b|Wharton/i, "UMBILICAL_CORD"],
  [/bone marrow|\bBM-?MSCs?\b/i, "BONE_MARROW"],
  [/adipose|\bAD-?MSCs?\b/i, "ADIPOSE"],
  [/placenta/i, "PLACENTA"],
  [/menstrual/i, "MENSTRUAL_BLOOD"],
];

/**
 * The trial's cell source: the tissue named first by its interventions, its titles and its
 * arms' words, then a page's summary and description (a study's are not read: they cite
 * earlier studies' cells). Marked derived, with the words it was read from.
 */
export function readTrialCellSource(rec: ParsedTrial, src: Pick<SourceTrial, "kind">): ParsedTrial {
  const trial = src.kind === "page" ? [rec.briefSummary, rec.description] : [];
  const found = findCellSource([...rec.interventions, rec.title, rec.officialTitle, ...rec.arms.map((a) => a.description), ...trial]);
  if (!found) return rec;
  return { ...rec, cellSource: found.value, evidence: { ...rec.evidence, cellSource: { origin: "derived", text: found.text } } };
}

/** The tissue named by the first text that names one, with its words. */
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
