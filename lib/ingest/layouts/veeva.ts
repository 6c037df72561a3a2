import { ImportError } from "../errors";
import { emptyParsedTrial, type ParsedDose, type ParsedTrial } from "../parsed-record";
import { mentionsCells, mentionsPlacebo, readDoseAmount } from "../normalize/doses";
import { parseSchedule, toDayOffsets } from "../normalize/schedule";
import { readRatioStages } from "../prose";
import { lineOf, requireComplete } from "../text";
import type { Layout } from "./types";
import { readGroupCount, readVeevaArmBlocks, readVeevaFields, readVeevaPage, sectionLines } from "./veeva-page";

/** An arm block's doses: placebo arms a placebo, no-intervention arms none, others MSCs. */
function armDoses(type: string | null, description: string | null, treatments: string[] = []): ParsedDose[] {
  if (type === "NO_INTERVENTION") return [];
  const text = description ?? "";
  const placebo = type === "PLACEBO_COMPARATOR" || type === "SHAM_COMPARATOR" ||
    (mentionsPlacebo(text) && !/stem cell|MSC/i.test(text));
  const amount = placebo ? null : readDoseAmount(text);
  // A comparator of standard care is given neither cells nor a placebo: no dose to record.
  // A comparator (active or other) that names no cells gets no MSC dose; an arm of unknown
  // type keeps its MSC dose with the unknowns unknown.
  if (!placebo && (type === "ACTIVE_COMPARATOR" || type === "OTHER") && !amount && !mentionsCells(`${text} ${treatments.join(" ")}`)) return [];
  const schedule = parseSchedule(text);
  return [{
    product: placebo ? "PLACEBO" : "MSC",
    cellsPerKg: amount?.kind === "perKg" ? amount.cellsPerKg : null,
    cellsPerInfusion: amount?.kind === "flat" ? amount.cellsPerInfusion : null,
    infusions: schedule?.infusions ?? null,
    dayOffsets: schedule?.days ? toDayOffsets(schedule.days) : null,
    text: text || "(no description)",
  }];
}

export const veeva: Layout = {
  layout: "veeva",
  description: "ClinicalTrials.Veeva trial page",
  detect(text) {
    if (!/^\s*ClinicalTrials\.Veeva\s*$/m.test(text.slice(0, 200))) return false;
    const page = readVeevaPage(text);
    return sectionLines(page, "Status and phase").length > 0;
  },
  parse(text, file): ParsedTrial {
    requireComplete(text, file, this.description, [/^Trial contacts and locations$/m, /^Data sourced from clinicaltrials\.gov$/m], "its \"Trial contacts and locations\" section");
    const page = readVeevaPage(text);
    const rec = emptyParsedTrial("veeva", file);
    readVeevaFields(page, rec);
    if (!rec.title) throw new ImportError("no trial title before \"Status and phase\"", { file, field: "title" });

    const design = page.sections.get("Masking") ?? page.sections.get("Trial design");
    const blocks = readVeevaArmBlocks((design?.lines ?? []).map((l) => l.trim()).filter(Boolean));
    rec.arms = blocks.map(({ label, type, description, treatments }, i) => {
      try {
        return { label, type, description, doses: armDoses(type, description, treatments) };
      } catch (e) {
        if (e instanceof ImportError) {
          throw new ImportError(e.message, { file, line: lineOf(text, label), field: `arms[${i}] "${label}"` }, { cause: e });
        }
        throw e;
      }
    });
    const count = readGroupCount(page);
    if (count && count.groups !== rec.arms.length) {
      rec.warnings.push(`the page announces ${count.groups} patient groups but ${rec.arms.length} arm blocks were read`);
    }
    const { stages, warnings } = readRatioStages(`${rec.briefSummary ?? ""} ${rec.description ?? ""}`, rec.arms);
    rec.stages = stages;
    rec.warnings.push(...warnings);
    return rec;
  },
};
