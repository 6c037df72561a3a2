import { ImportError } from "../errors";
import { emptySourceTrial, type SourceTrial } from "../source-record";
import { refuseRepeatedSections, requireComplete, toLines } from "../text";
import type { Layout } from "./types";
import { veevaSectionHeading, readGroupCount, readVeevaFields, readVeevaPage, sectionLines } from "./veeva-page";

/**
 * A Veeva page saved with its fields empty: every heading is there but the facts are only
 * in the "About" and "Full description" prose, which the enrichers read (lib/ingest/pipeline.ts).
 */
export const veevaProse: Layout = {
  layout: "veeva-prose",
  description: "ClinicalTrials.Veeva page whose fields are empty (facts only in the full description)",
  detect(text) {
    const page = readVeevaPage(text);
    return page.sections.has("Status and phase") && page.sections.has("Full description") &&
      sectionLines(page, "Status and phase").length === 0 && sectionLines(page, "Conditions").length === 0;
  },
  parse(text, file): SourceTrial {
    requireComplete(text, file, this.description, [/^Central trial contact$/m, /^Data sourced from clinicaltrials\.gov$/m], "its \"Central trial contact\" section");
    refuseRepeatedSections(toLines(text), file, veevaSectionHeading);
    const page = readVeevaPage(text);
    const rec = emptySourceTrial("veeva-prose", file);
    readVeevaFields(page, rec);
    if (!rec.description) throw new ImportError("the \"Full description\" section is empty", { file, field: "description" });
    const groups = readGroupCount(page);
    if (!rec.enrollment && groups) {
      rec.enrollment = { count: groups.participants, type: null };
      rec.evidence.enrollment = { origin: "source", text: groups.text };
    }
    // The page lists no arms: the enrichers read them, the design and the enrollment from the prose.
    rec.armsFrom = "prose";
    rec.announcedGroups = groups?.groups ?? null;
    rec.noArmsWarning = "no arms could be read from the full description";
    return rec;
  },
};
