import type { ParsedTrial } from "../parsed-record";
import type { SourceTrial } from "../source-record";
import { CELL_SOURCE_READER } from "../arm-facts/cell-source";
import { findFactMentions, saidOfMsc } from "../arm-facts/mentions";
import type { CellSource } from "../../record/vocabulary";

/**
 * The trial's cell source: the tissue said of the MSCs first by its interventions, its titles
 * and its arms' words, then a page's summary and description (a study's are not read: they
 * cite earlier studies' cells). The tissue words and the rule that decides whose they are
 * ("bone marrow MSCs", not "bone-marrow aspiration" or "bone marrow mononuclear cells") are
 * the arm facts' (arm-facts/cell-source.ts, arm-facts/mentions.ts): one set of patterns for
 * the trial and its arms. Marked derived, with the words it was read from.
 */
export function readTrialCellSource(rec: ParsedTrial, src: Pick<SourceTrial, "kind">): ParsedTrial {
  const trial = src.kind === "page" ? [rec.briefSummary, rec.description] : [];
  const found = findCellSource([...rec.interventions, rec.title, rec.officialTitle, ...rec.arms.map((a) => a.description), ...trial]);
  if (!found) return rec;
  return { ...rec, cellSource: found.value, evidence: { ...rec.evidence, cellSource: { origin: "derived", text: found.text } } };
}

/**
 * The tissue said of the MSCs by the first text that names one, with its words; two tissues
 * in that text ("MSCs derived from bone marrow & umbilical cord") are OTHER, as for an arm.
 */
export function findCellSource(texts: (string | null | undefined)[]): { value: CellSource; text: string } | null {
  for (const t of texts) {
    if (!t) continue;
    const said = findFactMentions(t, CELL_SOURCE_READER.patterns).filter((m) => saidOfMsc(t, m, false, CELL_SOURCE_READER.reads));
    if (!said.length) continue;
    const values = [...new Set(said.map((m) => m.value))];
    const words = [...new Map(said.map((m) => [m.text.toLowerCase(), m.text])).values()].join(" … ");
    return { value: values.length === 1 ? values[0]! : "OTHER", text: words };
  }
  return null;
}
