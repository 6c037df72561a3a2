import type { ParsedTrial } from "../parsed-record";
import { readRatioStages } from "../prose/stages";
import type { SourceTrial } from "../source-record";

/**
 * Randomisation stages and ratios ("randomized in a 2:2:1:1 ratio during Phase IIb"), with a
 * warning for a ratio that does not fit the arms: read from the listed arms' words, and a
 * page's summary and description. A record whose arms are only in its prose has its stages
 * from the dose reader (a two-stage design), or none.
 */
export function readTrialStages(rec: ParsedTrial, src: Pick<SourceTrial, "armsFrom" | "kind">): ParsedTrial {
  if (src.armsFrom === "prose") return rec;
  const trial = src.kind === "page" ? [rec.briefSummary ?? "", rec.description ?? ""] : [];
  const text = [...rec.arms.map((a) => a.description ?? ""), ...trial].join(" ");
  const { stages, warnings } = readRatioStages(text, rec.arms);
  return { ...rec, stages, warnings: [...rec.warnings, ...warnings] };
}
