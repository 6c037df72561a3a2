import { ImportError } from "../errors";
import { emptySourceTrial, type SourceTrial } from "../source-record";
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
  parse(text, file): SourceTrial {
    requireComplete(text, file, this.description, [/^Trial contacts and locations$/m, /^Data sourced from clinicaltrials\.gov$/m], "its \"Trial contacts and locations\" section");
    refuseRepeatedSections(toLines(text), file, veevaSectionHeading);
    const page = readVeevaPage(text);
    const rec = emptySourceTrial("veeva", file);
    readVeevaFields(page, rec);
    if (!rec.title) throw new ImportError("no trial title before \"Status and phase\"", { file, field: "title" });

    const design = page.sections.get("Masking") ?? page.sections.get("Trial design");
    const blocks = readVeevaArmBlocks((design?.lines ?? []).map((l) => l.trim()).filter(Boolean));
    // "Treatment:" lines name the arm's interventions ("Drug: Low-dose experimental group"); the page gives no text for them.
    rec.arms = blocks.map(({ label, type, description, treatments }) => ({
      label, type, description, line: lineOf(text, label),
      interventions: treatments.map((t) => ({ name: t.replace(/^[A-Z][A-Za-z ]{1,30}:\s*/, ""), description: null })),
    }));
    rec.announcedGroups = readGroupCount(page)?.groups ?? null;
    return rec;
  },
};
