import { ImportError } from "../errors";
import { emptyParsedTrial, type ParsedTrial } from "../parsed-record";
import { readRatioStages } from "../prose/stages";
import { readStructuredArms } from "../prose/structured-arms";
import { lineOf, refuseRepeatedSections, requireComplete, toLines } from "../text";
import type { Layout } from "./types";
import { veevaSectionHeading, readGroupCount, readVeevaArmBlocks, readVeevaFields, readVeevaPage, sectionLines } from "./veeva-page";

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
    // "Treatment:" lines name the arm's interventions ("Drug: Low-dose experimental group"); the page gives no text for them.
    const read = readStructuredArms(
      blocks.map(({ label, type, description, treatments }) => ({
        label, type, description, line: lineOf(text, label),
        interventions: treatments.map((t) => ({ name: t.replace(/^[A-Z][A-Za-z ]{1,30}:\s*/, ""), description: null })),
      })),
      [rec.briefSummary, rec.description].filter(Boolean).join("\n\n"),
      file,
    );
    rec.arms = read.arms;
    rec.warnings.push(...read.warnings);
    Object.assign(rec.evidence, read.evidence);
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
