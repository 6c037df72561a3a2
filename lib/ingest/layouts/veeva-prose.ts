import { ImportError } from "../errors";
import { emptyParsedTrial, type ParsedArm, type ParsedTrial } from "../parsed-record";
import { deriveDesign, readEnrollmentFromProse } from "../prose/design";
import { malformedWarnings, readArmsFromProse } from "../prose/index";
import { readStagedArms } from "../prose/stages";
import { refuseRepeatedSections, requireComplete, toLines } from "../text";
import type { Layout } from "./types";
import { veevaSectionHeading, readGroupCount, readVeevaFields, readVeevaPage, sectionLines } from "./veeva-page";

/**
 * A Veeva page saved with its fields empty: every heading is there but the facts are only
 * in the "About" and "Full description" prose. What the prose gives is marked derived.
 */
export const veevaProse: Layout = {
  layout: "veeva-prose",
  description: "ClinicalTrials.Veeva page whose fields are empty (facts only in the full description)",
  detect(text) {
    const page = readVeevaPage(text);
    return page.sections.has("Status and phase") && page.sections.has("Full description") &&
      sectionLines(page, "Status and phase").length === 0 && sectionLines(page, "Conditions").length === 0;
  },
  parse(text, file): ParsedTrial {
    requireComplete(text, file, this.description, [/^Central trial contact$/m, /^Data sourced from clinicaltrials\.gov$/m], "its \"Central trial contact\" section");
    refuseRepeatedSections(toLines(text), file, veevaSectionHeading);
    const page = readVeevaPage(text);
    const rec = emptyParsedTrial("veeva-prose", file);
    readVeevaFields(page, rec);
    const prose = [rec.briefSummary, rec.description].filter(Boolean).join("\n\n");
    if (!rec.description) throw new ImportError("the \"Full description\" section is empty", { file, field: "description" });
    deriveDesign(rec, prose);

    const groups = readGroupCount(page);
    if (!rec.enrollment && groups) {
      rec.enrollment = { count: groups.participants, type: null };
      rec.evidence.enrollment = { origin: "source", text: groups.text };
    } else if (!rec.enrollment) {
      const found = readEnrollmentFromProse(prose);
      if (found) {
        rec.enrollment = { count: found.value, type: null };
        rec.evidence.enrollment = { origin: "derived", text: found.text };
      }
    }

    // A two-stage design with re-randomisation is read as stages; any other prose by the
    // mention reader, each group it names becoming an arm with the doses stated for it.
    const staged = readStagedArms(rec.description);
    const { stages, evidence } = staged;
    let arms: ParsedArm[] = staged.arms;
    if (arms.length === 0) {
      const read = readArmsFromProse({ arms: [], trialText: prose });
      arms = read.arms.map((a) => ({ label: a.label, type: a.type, description: a.description ?? null, doses: a.doses }));
      rec.warnings.push(...read.warnings, ...malformedWarnings(read));
      read.arms.forEach((a, i) => (rec.evidence[`arms[${i}]`] = { origin: "derived", text: a.description ?? (a.evidence.join(" … ") || a.label) }));
    } else {
      arms.forEach((arm, i) => (rec.evidence[`arms[${i}]`] = { origin: "derived", text: arm.description }));
    }
    rec.arms = arms;
    rec.stages = stages;
    if (stages.length) rec.evidence.stages = { origin: "derived", text: evidence.join(" … ") };
    if (groups && groups.groups !== arms.length) {
      rec.warnings.push(`the page announces ${groups.groups} patient groups but ${arms.length} arms were read from the prose`);
    }
    if (arms.length === 0) rec.warnings.push("no arms could be read from the full description");
    return rec;
  },
};
