import { ImportError } from "../errors";
import { emptySourceTrial, type SourceTrial } from "../source-record";
import { normalizePhases, normalizeStatus, normalizeStudyType } from "../normalize/enums";
import { normalizeDate } from "../normalize/dates";
import { refuseRepeatedSections, requireComplete, toLines } from "../text";
import type { Layout } from "./types";

/**
 * A "Clinical Trial Summary" page: two prose sections, then "Label value" lines (NCT
 * number, Study type, Source, Contact, Phone, Email, Status, Phase, dates) and a "See
 * also" list of *other* trials, which is not read. Arms and design come from the prose.
 */

const SECTIONS = ["Clinical Trial Summary", "Clinical Trial Description", "Study Design", "Related Conditions & MeSH terms", "See also"];
const FIELDS = ["NCT number", "Study type", "Source", "Contact", "Phone", "Email", "Status", "Phase", "Start date", "Completion date", "Primary completion date", "Enrollment", "Sponsor"];

function readSections(lines: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (SECTIONS.includes(line)) {
      current = [];
      out.set(line, current);
    } else if (current && line) {
      current.push(line);
    }
  }
  return out;
}

export const trialSummary: Layout = {
  layout: "trial-summary",
  description: "\"Clinical Trial Summary\" page",
  detect(text) {
    return /^\s*Clinical Trial Summary\s*$/m.test(text.slice(0, 1000));
  },
  parse(text, file): SourceTrial {
    const lines = toLines(text);
    refuseRepeatedSections(lines, file, (line) => (SECTIONS.includes(line) ? line : null));
    const rec = emptySourceTrial("trial-summary", file);
    const sections = readSections(lines);
    const ev = (path: string, t: string, origin: "source" | "derived" = "source") => (rec.evidence[path] = { origin, text: t });

    // "Label value" lines live in the section after the prose, before "See also".
    const fields = new Map<string, string>();
    for (const line of sections.get("Related Conditions & MeSH terms") ?? sections.get("Study Design") ?? []) {
      const label = FIELDS.find((f) => line.startsWith(`${f} `));
      if (label && !fields.has(label)) fields.set(label, line.slice(label.length).trim());
    }
    const nct = fields.get("NCT number");
    if (!nct || !/^NCT\d{8}$/.test(nct)) throw new ImportError("the page has no \"NCT number\" line: the file looks cut short", { file, field: "nctId" });
    rec.nctId = nct;
    ev("nctId", `NCT number ${nct}`);
    // The completion date and the "See also" list close the page; a file that has neither
    // was cut short after its NCT number (a page with no completion date still has the list).
    requireComplete(text, file, this.description, [/^[ \t]*See also[ \t]*$/m, /^[ \t]*Completion date /m],
      "its completion date and \"See also\" list");

    rec.briefSummary = (sections.get("Clinical Trial Summary") ?? []).join("\n\n") || null;
    rec.description = (sections.get("Clinical Trial Description") ?? []).join("\n\n").replace(/(?<!\s)\s*;\s*$/, "") || null;

    const studyType = fields.get("Study type");
    if (studyType) (rec.studyType = normalizeStudyType(studyType)), ev("studyType", studyType);
    const sponsor = fields.get("Sponsor") ?? fields.get("Source");
    if (sponsor) (rec.sponsor = sponsor), ev("sponsor", sponsor);
    const status = fields.get("Status");
    if (status) {
      rec.overallStatus = normalizeStatus(status);
      ev("overallStatus", status);
      if (!rec.overallStatus) rec.warnings.push(`unknown status "${status}"`);
    }
    const phase = fields.get("Phase");
    if (phase) (rec.phases = normalizePhases(phase)), ev("phases", phase);
    for (const [field, label] of [["start", "Start date"], ["primaryCompletion", "Primary completion date"], ["completion", "Completion date"]] as const) {
      const value = fields.get(label);
      if (!value) continue;
      rec.dates[field] = normalizeDate(value);
      ev(`dates.${field}`, value);
      if (!rec.dates[field]) rec.warnings.push(`unreadable ${label.toLowerCase()} "${value}"`);
    }
    const contact = fields.get("Contact");
    if (contact) {
      rec.contacts.push({ role: "CENTRAL", name: contact, phone: fields.get("Phone") ?? null, email: fields.get("Email") ?? null, affiliation: null });
    }

    // The page lists no arms: the dose reader reads each group its prose names as one.
    rec.armsFrom = "prose";
    rec.noArmsWarning = "no dose groups could be read from the description";
    return rec;
  },
};
