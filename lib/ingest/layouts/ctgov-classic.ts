import { ImportError } from "../errors";
import type { ParsedTrial } from "../parsed-record";
import { emptySourceTrial, type SourceTrial } from "../source-record";
import {
  normalizeAllocation, normalizeArmType, normalizeHealthyVolunteers, normalizeInterventionModel,
  normalizeMasking, normalizePhases, normalizeSex, normalizeStatus, normalizeStudyType,
} from "../normalize/enums";
import { normalizeAgeRange } from "../normalize/ages";
import { splitCriteria } from "../normalize/criteria";
import { resultsOf } from "../normalize/sites";
import { normalizeDate } from "../normalize/dates";
import { parseWholeNumber } from "../normalize/numbers";
import { refuseRepeatedSections, requireComplete, toLines, trimTrailingPipes } from "../text";
import { criteriaBlock, readArmBlocks, readContactsAndLocations, readOutcomes } from "./ctgov-classic-blocks";
import type { Layout } from "./types";

/**
 * The legacy ClinicalTrials.gov study page ("Study Details" tab) copied as text: label
 * and value cells joined by "|", an arms table, and criteria as "-" bullets.
 */

interface Cell { value: string; line: number }

/**
 * "Label : | value |" and "Label: | value |" lines; a value on the next line when the cell is
 * empty. The label is what stands before the first ":", read without a regex over the
 * value: a lazy `(.*?)\s*\|?\s*$` retries the rest of the line at every character.
 */
function readCells(lines: string[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const colon = line.indexOf(":");
    if (colon < 2) return;
    const label = line.slice(0, colon).trimEnd();
    if (!/^[A-Z][^|]{1,80}$/.test(label)) return;
    const key = label.replace(/\s+/g, " ").trim();
    const rest = line.slice(colon + 1).trimStart();
    let value = rest.startsWith("|") ? trimTrailingPipes(rest.slice(1), 2).trim() : trimTrailingPipes(rest).trim();
    if (!value) value = trimTrailingPipes(lines[i + 1] ?? "").trim();
    if (!cells.has(key)) cells.set(key, { value, line: i + 1 });
  });
  return cells;
}

function cell(cells: Map<string, Cell>, ...keys: string[]): Cell | null {
  for (const k of keys) {
    const c = cells.get(k);
    if (c?.value) return c;
  }
  return null;
}

/** The rows of a "a | b | c |" table under `header`, after its "---|" rule, up to a blank line. */
function tableRows(lines: string[], header: RegExp): string[][] {
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.trim(); i++) {
    rows.push(lines[i]!.split("|").map((c) => c.trim()).filter((c, j, all) => c || j < all.length - 1));
  }
  return rows;
}

/** The blocks of the legacy page that are read whole, by their heading lines. */
const CTGOV_SECTIONS: [RegExp, string][] = [
  [/^Inclusion Criteria:?$/i, "Inclusion Criteria"],
  [/^Exclusion Criteria:?$/i, "Exclusion Criteria"],
  [/^Arm\s*\|\s*Intervention\/treatment\s*\|/, "Arm | Intervention/treatment"],
  [/^Condition or disease\s*\|/, "Condition or disease"],
  [/^Primary Outcome Measures?:/i, "Primary Outcome Measures"],
  [/^Secondary Outcome Measures?:/i, "Secondary Outcome Measures"],
  [/^Other Outcome Measures?:/i, "Other Outcome Measures"],
  [/^Please refer to this study by its ClinicalTrials\.gov identifier/, "Contacts and Locations"],
];
const ctgovSection = (line: string) => CTGOV_SECTIONS.find(([re]) => re.test(line))?.[1] ?? null;

export const ctgovClassic: Layout = {
  layout: "ctgov-classic",
  description: "legacy ClinicalTrials.gov study record",
  detect(text) {
    return /ClinicalTrials\.gov Identifier:\s*\|?\s*NCT\d{8}/.test(text.slice(0, 3000)) && /Recruitment Status\s*:|Study Type\s*:\s*\|/.test(text);
  },
  parse(text, file): SourceTrial {
    requireComplete(text, file, this.description, [/Other Study ID Numbers:/, /^Last Verified:/m, /^Responsible Party:/m], "its record-dates block (\"Responsible Party\", \"Other Study ID Numbers\")");
    const lines = toLines(text);
    refuseRepeatedSections(lines, file, ctgovSection);
    const rec = emptySourceTrial("ctgov-classic", file);
    const ev = (path: string, t: string) => (rec.evidence[path] = { origin: "source", text: t });
    const cells = readCells(lines);

    rec.title = lines.find((l) => l.trim())?.trim() ?? null;
    if (rec.title) ev("title", rec.title);
    const nct = /ClinicalTrials\.gov Identifier:\s*\|?\s*(NCT\d{8})/.exec(text);
    if (!nct) throw new ImportError("no ClinicalTrials.gov identifier", { file, field: "nctId" });
    rec.nctId = nct[1]!;
    ev("nctId", nct[0]);

    const status = cell(cells, "Recruitment Status", "Overall Status");
    if (status) {
      rec.overallStatus = normalizeStatus(status.value);
      ev("overallStatus", status.value);
      if (!rec.overallStatus) rec.warnings.push(`unknown status "${status.value}" (line ${status.line})`);
    }

    for (const row of tableRows(lines, /^Condition or disease\s*\|/)) {
      if (row[0]) rec.conditions.push(row[0]);
      if (row[1]) rec.interventions.push(row[1]);
      if (row[2]) {
        rec.phases = normalizePhases([...rec.phases.map((p) => p.replace("PHASE", "Phase ")), row[2]].join(" / "));
        ev("phases", row[2]);
      }
    }

    const official = cell(cells, "Official Title");
    if (official) rec.officialTitle = official.value;
    const acronym = cell(cells, "Acronym");
    if (acronym) rec.acronym = acronym.value;
    const studyType = cell(cells, "Study Type");
    if (studyType) {
      rec.studyType = normalizeStudyType(studyType.value);
      ev("studyType", studyType.value);
    }
    const enrollment = cell(cells, "Estimated Enrollment", "Actual Enrollment", "Enrollment");
    if (enrollment) {
      const n = parseWholeNumber(enrollment.value.replace(/(?<!\s)\s*(?:participants?|patients?|subjects?)$/i, ""));
      if (n !== null) { // "Actual Enrollment: 0 participants" (a withdrawn trial) is a stated 0
        const key = [...cells.entries()].find(([, c]) => c === enrollment)![0];
        rec.enrollment = { count: n, type: /^Estimated/.test(key) ? "ESTIMATED" : /^Actual/.test(key) ? "ACTUAL" : null };
        ev("enrollment", `${key}: ${enrollment.value}`);
      }
    }
    const design: [keyof ParsedTrial["design"], string, (t: string) => unknown][] = [
      ["allocation", "Allocation", normalizeAllocation],
      ["interventionModel", "Intervention Model", normalizeInterventionModel],
      ["masking", "Masking", normalizeMasking],
    ];
    for (const [field, label, normalize] of design) {
      const c = cell(cells, label);
      if (!c) continue;
      (rec.design as Record<string, unknown>)[field] = normalize(c.value);
      ev(`design.${field}`, c.value);
    }
    const purpose = cell(cells, "Primary Purpose");
    if (purpose) rec.primaryPurpose = purpose.value.toUpperCase().replace(/[^A-Z]+/g, "_");

    const dates: [keyof ParsedTrial["dates"], string][] = [
      ["start", "Study Start Date"], ["primaryCompletion", "Primary Completion Date"], ["completion", "Study Completion Date"],
    ];
    for (const [field, label] of dates) {
      const c = cell(cells, `Estimated ${label}`, `Actual ${label}`, label);
      if (!c) continue;
      rec.dates[field] = normalizeDate(c.value);
      ev(`dates.${field}`, c.value);
      if (!rec.dates[field]) rec.warnings.push(`unreadable date "${c.value}" (line ${c.line})`);
    }
    const registryDates: [keyof Pick<SourceTrial, "firstPosted" | "lastUpdatePosted" | "statusVerified">, string][] = [
      ["firstPosted", "First Posted"], ["lastUpdatePosted", "Last Update Posted"], ["statusVerified", "Last Verified"],
    ];
    for (const [field, label] of registryDates) {
      const c = cell(cells, label);
      if (!c) continue;
      rec[field] = normalizeDate(c.value);
      ev(field, c.value);
      if (!rec[field]) rec.warnings.push(`unreadable date "${c.value}" (line ${c.line})`);
    }
    // The page's tab "No Results Posted", or the "Results First Posted" date of a record with results.
    const resultsPosted = cell(cells, "Results First Posted");
    if (resultsPosted) rec.results = resultsOf(true, resultsPosted.value);
    else if (lines.some((l) => /^-?\s*No Results Posted\s*$/.test(l.trim()))) rec.results = resultsOf(false, null);

    const ages = cell(cells, "Ages Eligible for Study");
    const range = ages ? normalizeAgeRange(ages.value) : null;
    if (range) {
      Object.assign(rec.eligibility, range);
      ev("eligibility.minAgeYears", ages!.value);
      ev("eligibility.maxAgeYears", ages!.value);
    }
    const sex = cell(cells, "Sexes Eligible for Study");
    if (sex) rec.eligibility.sex = normalizeSex(sex.value);
    const hv = cell(cells, "Accepts Healthy Volunteers");
    if (hv) rec.eligibility.healthyVolunteers = normalizeHealthyVolunteers(hv.value);

    const inc = lines.findIndex((l) => /^Inclusion Criteria:?\s*$/i.test(l.trim()));
    const exc = lines.findIndex((l) => /^Exclusion Criteria:?\s*$/i.test(l.trim()));
    if (inc >= 0) rec.eligibility.inclusion = splitCriteria(criteriaBlock(lines, inc, exc > inc ? exc : lines.length)).items;
    if (exc >= 0) rec.eligibility.exclusion = splitCriteria(criteriaBlock(lines, exc, lines.length)).items;

    rec.arms = readArmBlocks(lines).map((arm) => ({
      label: arm.label, type: normalizeArmType(arm.type), description: arm.description || null, interventions: arm.interventions, line: arm.line,
    }));
    rec.outcomes = readOutcomes(lines);
    readContactsAndLocations(lines, rec);
    for (const role of ["Study Director", "Study Chair", "Principal Investigator"]) {
      const line = lines.find((l) => l.trim().startsWith(`${role}:`));
      const parts = line?.split("|").map((p) => p.trim()).filter(Boolean);
      if (parts && parts[1]) {
        rec.contacts.push({ role: role.toUpperCase().replace(/ /g, "_"), name: parts[1], phone: null, email: null, affiliation: parts[2] ?? null });
      }
    }
    const sponsor = cell(cells, "Sponsor", "Responsible Party");
    if (sponsor) {
      rec.sponsor = sponsor.value;
      ev("sponsor", sponsor.value);
    }
    const otherIds = cell(cells, "Other Study ID Numbers");
    if (otherIds) rec.otherIds = otherIds.value.split(/(?<!\s)\s*[;|]\s*/).filter(Boolean);

    // After the regulatory yes/no cells: the keywords line, then the MeSH term lines.
    const lastFlag = lines.reduce((at, l, i) => (/^(Studies a U\.S\. FDA-regulated|Plan to Share IPD|Product Manufactured)/.test(l.trim()) ? i : at), -1);
    if (lastFlag >= 0) {
      rec.keywords = lines.slice(lastFlag + 1).map((l) => trimTrailingPipes(l).trim()).filter(Boolean);
    }

    return rec;
  },
};
