import { ImportError } from "../errors";
import { armDoses } from "../arm-doses";
import type { ArmType } from "../../record/vocabulary";
import { emptyParsedTrial, type ParsedDose, type ParsedTrial } from "../parsed-record";
import { mentionsPlacebo, readDoseAmount } from "../normalize/doses";
import { parseSchedule } from "../normalize/schedule";
import { readRatioStages } from "../prose/stages";
import { lineOf, refuseRepeatedSections, requireComplete, toLines } from "../text";
import type { Layout } from "./types";
import { veevaSectionHeading, readGroupCount, readVeevaArmBlocks, readVeevaFields, readVeevaPage, sectionLines } from "./veeva-page";

/** An arm block's doses: its placebo is named in its description. */
function blockDoses(type: ArmType | null, description: string | null, treatments: string[]): ParsedDose[] {
  const text = description ?? "";
  const placebo = type === "PLACEBO_COMPARATOR" || type === "SHAM_COMPARATOR" ||
    (mentionsPlacebo(text) && !/stem cell|MSC/i.test(text));
  return armDoses({
    type, placebo, amount: placebo ? null : readDoseAmount(text), schedule: parseSchedule(text),
    cellsText: `${text} ${treatments.join(" ")}`, text: text || "(no description)",
  });
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
    refuseRepeatedSections(toLines(text), file, veevaSectionHeading);
    const page = readVeevaPage(text);
    const rec = emptyParsedTrial("veeva", file);
    readVeevaFields(page, rec);
    if (!rec.title) throw new ImportError("no trial title before \"Status and phase\"", { file, field: "title" });

    const design = page.sections.get("Masking") ?? page.sections.get("Trial design");
    const blocks = readVeevaArmBlocks((design?.lines ?? []).map((l) => l.trim()).filter(Boolean));
    rec.arms = blocks.map(({ label, type, description, treatments }, i) => {
      try {
        return { label, type, description, doses: blockDoses(type, description, treatments) };
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
