import type { ParsedArm } from "../parsed-record";
import type { SourceTrial } from "../source-record";
import {
  normalizeAllocation, normalizeArmType, normalizeHealthyVolunteers, normalizeInterventionModel,
  normalizeMasking, normalizePhases, normalizeSex, normalizeStatus, normalizeStudyType,
} from "../normalize/enums";
import { normalizeAgeRange } from "../normalize/ages";
import { splitCriteria } from "../normalize/criteria";
import { parseWholeNumber } from "../normalize/numbers";
import { splitAcronym, toLines } from "../text";

/**
 * The section headings of a ClinicalTrials.Veeva trial page, each alone on a line. The
 * text under a heading runs to the next heading.
 */
const HEADINGS = [
  "Menu", "Status and phase", "Conditions", "Treatments", "Study type", "Funder types", "Identifiers",
  "Details and patient eligibility", "About", "Full description", "Enrollment", "Sex", "Ages", "Volunteers",
  "Inclusion criteria", "Exclusion criteria", "Trial design", "Primary purpose", "Allocation",
  "Interventional model", "Masking", "Trial contacts and locations", "Central trial contact",
  "Data sourced from clinicaltrials.gov", "Clinical trials", "Research sites", "Resources", "Legal",
] as const;
export type VeevaHeading = (typeof HEADINGS)[number];
const HEADING_SET = new Set<string>(HEADINGS);

export interface VeevaSection {
  lines: string[];
  /** 1-based line number of the heading. */
  line: number;
}

export interface VeevaPage {
  /** Non-empty lines before the first heading other than "Menu" (title, sponsor). */
  head: string[];
  sections: Map<VeevaHeading, VeevaSection>;
}

// Headings of the site's own menu and footer, which may stand more than once.
const SITE_HEADINGS = new Set<string>(["Menu", "Data sourced from clinicaltrials.gov", "Clinical trials", "Research sites", "Resources", "Legal"]);

/** The trial section a line heads, or null; for refusing a section pasted twice. */
export function veevaSectionHeading(line: string): string | null {
  return HEADING_SET.has(line) && !SITE_HEADINGS.has(line) ? line : null;
}

// The two Veeva layouts' detectors and the parser all read the same text: read once.
let lastRead: { text: string; page: VeevaPage } | null = null;

export function readVeevaPage(text: string): VeevaPage {
  if (lastRead?.text === text) return lastRead.page;
  const page = readPage(text);
  lastRead = { text, page };
  return page;
}

function readPage(text: string): VeevaPage {
  const head: string[] = [];
  const sections = new Map<VeevaHeading, VeevaSection>();
  let current: VeevaSection | null = null;
  toLines(text).forEach((raw, i) => {
    const line = raw.trim();
    if (HEADING_SET.has(line) && !sections.has(line as VeevaHeading)) {
      current = { lines: [], line: i + 1 };
      sections.set(line as VeevaHeading, current);
      if (line === "Menu") current = null;
      return;
    }
    if (current) current.lines.push(raw);
    else if (line && sections.size <= 1 && line !== "ClinicalTrials.Veeva") head.push(line);
  });
  return { head, sections };
}

/** The non-empty lines of a section, trimmed. */
export function sectionLines(page: VeevaPage, heading: VeevaHeading): string[] {
  return (page.sections.get(heading)?.lines ?? []).map((l) => l.trim()).filter(Boolean);
}

function sectionText(page: VeevaPage, heading: VeevaHeading): string | null {
  const lines = sectionLines(page, heading);
  return lines.length ? lines.join("\n\n") : null;
}

const ARM_TYPE_LINE = /^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other) group$/;

/**
 * Arm blocks under "Trial design": a label line, its "<Type> group" line, then optional
 * "Description:" and "Treatment:" parts. An arm's facts come from its own block only.
 */
export function readVeevaArmBlocks(lines: string[]): (Omit<ParsedArm, "doses"> & { treatments: string[] })[] {
  const arms: (Omit<ParsedArm, "doses"> & { treatments: string[] })[] = [];
  let part: "description" | "treatment" | null = null;
  let description: string[] = [];
  const flush = () => {
    const arm = arms[arms.length - 1];
    if (arm) arm.description = description.length ? description.join(" ") : null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (ARM_TYPE_LINE.test(lines[i + 1] ?? "") && line !== "Description:" && line !== "Treatment:") {
      flush();
      arms.push({ label: line, type: normalizeArmType(lines[i + 1]!), description: null, treatments: [] });
      description = [];
      part = null;
      i++;
      continue;
    }
    const arm = arms[arms.length - 1];
    if (!arm) continue;
    if (line === "Description:") part = "description";
    else if (line === "Treatment:") part = "treatment";
    else if (part === "description") description.push(line);
    else if (part === "treatment") arm.treatments.push(line);
  }
  flush();
  return arms;
}

/** Fills `rec` with the structured fields of a Veeva page; empty sections leave nulls. */
export function readVeevaFields(page: VeevaPage, rec: SourceTrial): void {
  const ev = (path: string, text: string) => (rec.evidence[path] = { origin: "source", text });

  const titleLine = page.head[0];
  if (titleLine) {
    const { title, acronym } = splitAcronym(titleLine);
    rec.title = title;
    rec.acronym = acronym;
    ev("title", titleLine);
  }
  // The head is: title, [logo text or initial], sponsor.
  const sponsor = page.head.length >= 2 ? page.head[page.head.length - 1]! : null;
  if (sponsor) {
    rec.sponsor = sponsor;
    ev("sponsor", sponsor);
  }

  const statusPhase = sectionLines(page, "Status and phase");
  if (statusPhase.length) {
    const status = normalizeStatus(statusPhase[0]!);
    if (status) {
      rec.overallStatus = status;
      ev("overallStatus", statusPhase[0]!);
    } else {
      rec.warnings.push(`unknown status "${statusPhase[0]}"`);
    }
    const phaseLines = statusPhase.filter((l) => /phase|not applicable/i.test(l));
    rec.phases = normalizePhases(phaseLines.join(" / "));
    if (phaseLines.length) ev("phases", phaseLines.join("\n"));
  }

  rec.conditions = sectionLines(page, "Conditions");
  rec.interventions = sectionLines(page, "Treatments");
  const studyType = sectionLines(page, "Study type")[0];
  if (studyType) {
    rec.studyType = normalizeStudyType(studyType);
    ev("studyType", studyType);
  }

  for (const id of sectionLines(page, "Identifiers")) {
    if (/^NCT\d{8}$/.test(id)) {
      rec.nctId = id;
      ev("nctId", id);
    } else {
      rec.otherIds.push(id.replace(/(?<!\s)\s*\((?:Registry Identifier|Other Identifier|Other Grant\/Funding Number)\)$/i, ""));
    }
  }

  rec.briefSummary = sectionText(page, "About");
  rec.description = sectionText(page, "Full description");

  const enrollment = sectionLines(page, "Enrollment")[0];
  const m = enrollment ? /^([\d,]+)\s+(?:(estimated|actual)\s*)?(?:patients|participants)/i.exec(enrollment) : null;
  if (m && parseWholeNumber(m[1]!) !== null) {
    rec.enrollment = { count: parseWholeNumber(m[1]!)!, type: m[2] ? (m[2].toUpperCase() as "ESTIMATED" | "ACTUAL") : null };
    ev("enrollment", enrollment!);
  }

  const sex = sectionLines(page, "Sex")[0];
  if (sex) {
    rec.eligibility.sex = normalizeSex(sex);
    ev("eligibility.sex", sex);
  }
  const ages = sectionLines(page, "Ages")[0];
  const range = ages ? normalizeAgeRange(ages) : null;
  if (range) {
    Object.assign(rec.eligibility, range);
    ev("eligibility.minAgeYears", ages!);
    ev("eligibility.maxAgeYears", ages!);
  }
  const volunteers = sectionLines(page, "Volunteers")[0];
  if (volunteers) {
    rec.eligibility.healthyVolunteers = normalizeHealthyVolunteers(volunteers);
    ev("eligibility.healthyVolunteers", volunteers);
  }
  rec.eligibility.inclusion = splitCriteria(page.sections.get("Inclusion criteria")?.lines ?? []).items;
  rec.eligibility.exclusion = splitCriteria(page.sections.get("Exclusion criteria")?.lines ?? []).items;

  const purpose = sectionLines(page, "Primary purpose")[0];
  if (purpose) rec.primaryPurpose = purpose.toUpperCase().replace(/[^A-Z]+/g, "_");
  const allocation = sectionLines(page, "Allocation")[0];
  if (allocation) {
    rec.design.allocation = normalizeAllocation(allocation);
    ev("design.allocation", allocation);
  }
  const model = sectionLines(page, "Interventional model")[0];
  if (model) {
    rec.design.interventionModel = normalizeInterventionModel(model);
    ev("design.interventionModel", model);
  }
  const masking = sectionLines(page, "Masking")[0];
  if (masking && !/participants in/.test(masking)) {
    rec.design.masking = normalizeMasking(masking);
    ev("design.masking", masking);
  }

  const central = sectionLines(page, "Central trial contact")[0];
  if (central) {
    // "Tao Yang, MD; Yanhu Wang, MM": names with their degrees, separated by semicolons.
    rec.contacts = central.split(/(?<!\s)\s*;\s*/).filter(Boolean)
      .map((name) => ({ role: "CENTRAL", name, phone: null, email: null, affiliation: null }));
  }
}

/** "96 participants in 4 patient groups, including a placebo group" → 4, from the Masking section. */
export function readGroupCount(page: VeevaPage): { participants: number; groups: number; text: string } | null {
  for (const line of [...sectionLines(page, "Masking"), ...sectionLines(page, "Interventional model")]) {
    const m = /^(\d+) participants in (\d+) patient groups?/.exec(line);
    if (m) return { participants: Number(m[1]), groups: Number(m[2]), text: line };
  }
  return null;
}
