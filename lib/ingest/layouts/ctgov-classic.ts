import { ImportError } from "../errors";
import type { ParsedTrial } from "../parsed-record";
import { emptySourceTrial, type SourceIntervention, type SourceTrial } from "../source-record";
import {
  normalizeAllocation, normalizeArmType, normalizeHealthyVolunteers, normalizeInterventionModel,
  normalizeMasking, normalizePhases, normalizeSex, normalizeStatus, normalizeStudyType,
} from "../normalize/enums";
import { normalizeAgeRange } from "../normalize/ages";
import { splitCriteria } from "../normalize/criteria";
import { normalizeDate } from "../normalize/dates";
import { parseWholeNumber } from "../normalize/numbers";
import { refuseRepeatedSections, requireComplete, toLines, trimTrailingPipes } from "../text";
import type { Layout } from "./types";

/**
 * The legacy ClinicalTrials.gov study page ("Study Details" tab) copied as text: label
 * and value cells joined by "|", an arms table, and criteria as "-" bullets.
 */

const ARM_START = /^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other):\s*(.+)$/;
const INTERVENTION = /^(Drug|Biological|Genetic|Procedure|Device|Other|Dietary Supplement|Radiation|Behavioral|Combination Product|Diagnostic Test):\s*(.+)$/;

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

const LIST_ITEM = /^\s*(?:[-*•·]|\d{1,3}[.)、])(?:\s|$)/;

/**
 * The criteria lines after the heading at `at`, up to `until`. The list ends at a blank
 * line, unless what follows the blank continues it (another bullet or number, or the items
 * of a lead-in ending in ":"): pages copied with blank lines between items lose nothing,
 * and the prose after the list ("To learn more about this study…") is not read as an item.
 */
function criteriaBlock(lines: string[], at: number, until: number): string[] {
  const out: string[] = [];
  for (let i = at + 1; i < until; i++) {
    if (lines[i]!.trim()) {
      out.push(lines[i]!);
      continue;
    }
    let next = i + 1;
    while (next < until && !lines[next]!.trim()) next++;
    if (next >= until) break;
    const last = out[out.length - 1]?.trim() ?? "";
    const continues = LIST_ITEM.test(lines[next]!) || last === "" || last.endsWith(":") || /^[-*•·]$/.test(last);
    if (!continues) break;
    i = next - 1;
  }
  return out;
}

interface ArmBlock { type: string; label: string; description: string; interventions: SourceIntervention[]; line: number }

/** A line with its one closing "|" cell border removed (the line is trimmed). */
const cellText = (line: string) => (line.endsWith("|") ? line.slice(0, -1).trimEnd() : line);

/**
 * The arms table: each row is "<Type>: <label>", the arm's description lines, a "|" line,
 * then its interventions, each a "<Type>: <name>" line and its description lines; the row
 * ends with a line ending in "|". "Other:" is both an arm type and an intervention type: it
 * opens a new arm only once the row before has ended (or that row's arm has no
 * interventions and gives none).
 */
function readArmBlocks(lines: string[]): ArmBlock[] {
  const start = lines.findIndex((l) => /^Arm\s*\|\s*Intervention\/treatment\s*\|/.test(l.trim()));
  if (start < 0) return [];
  // The words of each block are collected and joined once at the end: rebuilding the
  // description string on every line made a long block take quadratic time.
  type Block = { type: string; label: string; line: number; descriptionParts: string[]; interventions: { name: string; parts: string[] }[] };
  const arms: Block[] = [];
  let part: "description" | "intervention" = "description";
  let rowEnded = true;
  for (let i = start + 2; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith("- ") || line.startsWith("Choosing to participate")) break;
    const m = ARM_START.exec(line);
    const iv = INTERVENTION.exec(cellText(line));
    const arm = arms[arms.length - 1];
    const opensArm = m && (arms.length === 0 || (part === "intervention" && (rowEnded || !iv || arm!.interventions.length === 0 && arm!.type === "No Intervention")));
    if (opensArm) {
      arms.push({ type: m[1]!, label: m[2]!.trim(), line: i + 1, descriptionParts: [], interventions: [] });
      part = "description";
      rowEnded = false;
      continue;
    }
    if (!arm) continue;
    if (part === "description") {
      if (line === "|") part = "intervention";
      else arm.descriptionParts.push(cellText(line));
      continue;
    }
    const text = cellText(line);
    if (iv) arm.interventions.push({ name: iv[2]!.trim(), parts: [] });
    else if (text) (arm.interventions[arm.interventions.length - 1] ?? (arm.interventions[0] = { name: "", parts: [] })).parts.push(text);
    if (line.endsWith("|")) rowEnded = true;
  }
  const joined = (parts: string[]) => parts.map((p) => p.trim()).filter(Boolean).join(" ");
  return arms.map(({ descriptionParts, interventions, ...arm }) => ({
    ...arm,
    description: joined(descriptionParts),
    interventions: interventions.map((iv) => ({ name: iv.name, description: joined(iv.parts) || null })),
  }));
}

/**
 * "- Measure [ Time Frame: 28 days ] Description": the measure up to the first
 * "[ Time Frame:", the time frame up to the next "]". Read by position: the single regex
 * this replaces backtracked in cubic time over a long line.
 */
function readOutcomeLine(line: string): { measure: string; timeFrame: string | null; description: string | null } | null {
  const bullet = /^-\s+/.exec(line);
  if (!bullet) return null;
  const frame = /\[\s*Time Frame:/.exec(line.slice(bullet[0].length));
  if (!frame) return null;
  const measure = line.slice(bullet[0].length, bullet[0].length + frame.index).trim();
  const from = bullet[0].length + frame.index + frame[0].length;
  const close = line.indexOf("]", from);
  if (!measure || close < 0) return null;
  return {
    measure,
    timeFrame: line.slice(from, close).trim() || null,
    description: line.slice(close + 1).trim() || null,
  };
}

function readOutcomes(lines: string[]): ParsedTrial["outcomes"] {
  const outcomes: ParsedTrial["outcomes"] = [];
  let kind: "PRIMARY" | "SECONDARY" | "OTHER" | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (/^Primary Outcome Measures?:/i.test(line)) kind = "PRIMARY";
    else if (/^Secondary Outcome Measures?:/i.test(line)) kind = "SECONDARY";
    else if (/^Other Outcome Measures?:/i.test(line)) kind = "OTHER";
    const m = readOutcomeLine(line);
    if (m) outcomes.push({ kind, ...m });
  }
  return outcomes;
}

function readContactsAndLocations(lines: string[], rec: Pick<SourceTrial, "contacts" | "locations">): void {
  const start = lines.findIndex((l) => /^Please refer to this study by its ClinicalTrials\.gov identifier/.test(l.trim()));
  if (start < 0) return;
  let location: ParsedTrial["locations"][number] | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (/^(Study Director|Study Chair|Principal Investigator|Responsible Party|Sponsor|ClinicalTrials\.gov Identifier)\s*:/.test(line)) break;
    if (line.startsWith("Contact:")) {
      const parts = trimTrailingPipes(line.slice("Contact:".length)).split("|").map((p) => p.trim()).filter(Boolean);
      const whole = parts.join(" ");
      const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(whole)?.[0] ?? null;
      const phone = /\+?\d[\d\s()-]{6,}\d/.exec(whole)?.[0]?.trim() ?? null;
      const name = (parts.length > 1 ? parts[0]! : whole.split(/(?<!\s)\s+\+?\d/)[0]!).trim();
      rec.contacts.push({ role: location ? "SITE" : "CENTRAL", name, phone, email, affiliation: location?.facility ?? null });
      continue;
    }
    // A location line ends in one or two cell borders.
    if (!line.endsWith("|")) continue;
    const cellValue = trimTrailingPipes(line, 2);
    if (!cellValue) continue;
    const text = cellValue.replace(/,\s*$/, "");
    const parts = text.split(/(?<!\s)\s*,\s*/);
    if (!location || (location.facility && location.city)) {
      // "China, Shanghai": a country (and region) heading opens a new site.
      location = { facility: null, city: null, region: parts[1] ?? null, country: parts[0] ?? null };
      rec.locations.push(location);
    } else if (location.facility && parts[parts.length - 1] === location.country) {
      location.city = parts[0] ?? null;
      location.region = parts.length > 2 ? parts[1]! : location.region;
    } else {
      location.facility = location.facility ? `${location.facility}, ${text}` : text;
    }
  }
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
