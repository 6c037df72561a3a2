import { ImportError } from "../errors";
import type { SourceTrial } from "../source-record";
import type { Layout } from "./types";
import { type CtgovStudy, toSourceTrial } from "./ctgov-json";
import { phoneOf } from "./ctgov-v2";
import { all, at, attrAt, parseXml, textAt, textsAt, type XmlElement } from "../xml";

/**
 * The legacy ClinicalTrials.gov `clinical_study` XML ("Download XML", AllPublicXML.zip,
 * `?displayxml=true`, served until 2023–2024): one study a file, root `<clinical_study>`.
 * Its values are the classic JSON's readable words ("Phase 1/Phase 2", "Parallel
 * Assignment", "Anticipated"), so it is read into the same `CtgovStudy` and mapped by the
 * one mapping the JSON layouts share (ctgov-json.ts); this module only says where each
 * field is. Vintages differ: 2013 files have one free-text `study_design` line instead of
 * `study_design_info/*`; text blocks are indented and hard-wrapped (see `unwrapTextblock`).
 */

const ROOT = "clinical_study";

/** The registry wrapped its text blocks to lines of at most 99 columns, indentation included (the longest line of the 32 sample files). */
const WRAP_COLUMNS = 99;
const ITEM = /^(?:[-*•·]\s|\d{1,3}[.)]\s|[a-z][.)]\s)/;
const indentOf = (raw: string) => raw.length - raw.trimStart().length;

/**
 * A `<textblock>` as the JSON formats write the same text: the XML's indentation and hard
 * wraps undone. Paragraphs (separated by blank lines) are kept. Within one, when some line
 * is indented deeper than the paragraph's first (a hanging indent: list items, criteria),
 * the deeper lines continue the line above and a line at the first's indent starts a new
 * one. In a paragraph of even indentation (prose), a line continues the one above when its
 * first word would not have fitted there (a wrap) and does not start a list item; any other
 * line break is the registrant's and stays. `paragraphSeparator`: "\n" for criteria (one
 * criterion a line, as the classic JSON lists them), "\n\n" for prose.
 */
export function unwrapTextblock(t: string | null, paragraphSeparator: "\n" | "\n\n"): string | null {
  if (t === null) return null;
  const paragraphs = t.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/).flatMap((p) => {
    const raws = p.split("\n").filter((r) => r.trim());
    if (!raws.length) return [];
    const base = Math.min(...raws.map(indentOf));
    const hanging = raws.some((r) => indentOf(r) > base);
    const lines: string[] = [];
    raws.forEach((raw, i) => {
      const line = raw.trim();
      const continues = i > 0 && (hanging
        ? indentOf(raw) > base
        : !ITEM.test(line) && raws[i - 1]!.trimEnd().length + 1 + line.split(/\s/, 1)[0]!.length > WRAP_COLUMNS);
      if (continues) lines[lines.length - 1] += ` ${line}`;
      else lines.push(line);
    });
    return [lines.join("\n")];
  });
  return paragraphs.length ? paragraphs.join(paragraphSeparator) : null;
}

/** The text of a `<…><textblock>` element. */
const block = (el: XmlElement | undefined, name: string, sep: "\n" | "\n\n") => unwrapTextblock(at(el, name, "textblock")?.text ?? null, sep);

/** A plain element's text with its line ends as LF (the XML encodes CR as `&#xD;`). */
const plain = (el: XmlElement | undefined, ...path: string[]) => textAt(el, ...path)?.replace(/\r\n?/g, "\n") ?? null;

/**
 * The 2013 `study_design` line, "Allocation: Randomized, Endpoint Classification: Safety
 * Study, Intervention Model:  Parallel Assignment, Masking:  Double-Blind, Primary Purpose:
 * Treatment" → its named parts (the value runs to the next ", Key:").
 */
export function studyDesignParts(line: string | null): Record<string, string> {
  const parts: Record<string, string> = {};
  if (!line) return parts;
  for (const m of line.matchAll(/([A-Z][A-Za-z ]+?):\s+(.*?)(?=,\s*[A-Z][A-Za-z ]+?:\s|$)/g)) parts[m[1]!.trim()] = m[2]!.trim();
  return parts;
}

/** A person's name as the XML splits it (first/middle/last, or all in `last_name`), with a degree. */
function personName(el: XmlElement | undefined): string | null {
  const name = ["first_name", "middle_name", "last_name"].map((n) => textAt(el, n)).filter(Boolean).join(" ");
  const degrees = textAt(el, "degrees");
  return name ? (degrees ? `${name}, ${degrees}` : name) : null;
}

/** `clinical_study` → the source's values, unchanged (the readable words of the classic JSON). */
export function readXmlStudy(s: XmlElement): CtgovStudy {
  const info = at(s, "study_design_info");
  const design = studyDesignParts(textAt(s, "study_design"));
  const elig = at(s, "eligibility");
  const outcome = (kind: "PRIMARY" | "SECONDARY" | "OTHER", name: string) => all(s, `${name}_outcome`).flatMap((o) => {
    const measure = plain(o, "measure");
    return measure ? [{ kind, measure, timeFrame: plain(o, "time_frame"), description: plain(o, "description") }] : [];
  });
  const contact = (c: XmlElement, role: string, affiliation: string | null) => {
    const name = personName(c);
    return name ? [{ role, name, phone: phoneOf(textAt(c, "phone"), textAt(c, "phone_ext")), email: textAt(c, "email"), affiliation }] : [];
  };
  // "Principal Investigator" → PRINCIPAL_INVESTIGATOR, as the JSON layouts write the role.
  const role = (t: string | null) => (t ? t.toUpperCase().replace(/[^A-Z]+/g, "_") : "OFFICIAL");
  const locations = all(s, "location");
  const sex = textAt(elig, "gender");
  return {
    nctId: textAt(s, "id_info", "nct_id"),
    // The registry's merged ids (`nct_alias`) are this trial's too: kept with its other ids.
    otherIds: [...textsAt(s, "id_info", "org_study_id"), ...textsAt(s, "id_info", "secondary_id"), ...textsAt(s, "id_info", "nct_alias")],
    briefTitle: plain(s, "brief_title"),
    officialTitle: plain(s, "official_title"),
    acronym: textAt(s, "acronym"),
    sponsor: textAt(s, "sponsors", "lead_sponsor", "agency"),
    status: textAt(s, "overall_status"),
    phases: textsAt(s, "phase"),
    studyType: textAt(s, "study_type"),
    allocation: textAt(info, "allocation") ?? design.Allocation ?? null,
    interventionModel: textAt(info, "intervention_model") ?? design["Intervention Model"] ?? null,
    masking: textAt(info, "masking") ?? design.Masking ?? null,
    primaryPurpose: textAt(info, "primary_purpose") ?? design["Primary Purpose"] ?? null,
    enrollmentCount: textAt(s, "enrollment"),
    enrollmentType: attrAt(s, "type", "enrollment"),
    dates: {
      start: textAt(s, "start_date"),
      primaryCompletion: textAt(s, "primary_completion_date"),
      completion: textAt(s, "completion_date"),
    },
    registryDates: {
      firstPosted: textAt(s, "study_first_posted"),
      lastUpdatePosted: textAt(s, "last_update_posted"),
      statusVerified: textAt(s, "verification_date"),
    },
    minimumAge: textAt(elig, "minimum_age"),
    maximumAge: textAt(elig, "maximum_age"),
    sex,
    healthyVolunteers: textAt(elig, "healthy_volunteers"),
    criteria: block(elig, "criteria", "\n"),
    conditions: textsAt(s, "condition"),
    keywords: textsAt(s, "keyword"),
    briefSummary: block(s, "brief_summary", "\n\n"),
    detailedDescription: block(s, "detailed_description", "\n\n"),
    outcomes: [...outcome("PRIMARY", "primary"), ...outcome("SECONDARY", "secondary"), ...outcome("OTHER", "other")],
    contacts: [
      ...all(s, "overall_contact").flatMap((c) => contact(c, "CENTRAL", null)),
      ...all(s, "overall_contact_backup").flatMap((c) => contact(c, "CENTRAL", null)),
      ...all(s, "overall_official").flatMap((c) => contact(c, role(textAt(c, "role")), textAt(c, "affiliation"))),
      ...locations.flatMap((l) => [...all(l, "contact"), ...all(l, "contact_backup"), ...all(l, "investigator")]
        .flatMap((c) => contact(c, "SITE", textAt(l, "facility", "name")))),
    ],
    locations: locations.map((l) => ({
      facility: textAt(l, "facility", "name"), city: textAt(l, "facility", "address", "city"),
      region: textAt(l, "facility", "address", "state"), country: textAt(l, "facility", "address", "country"),
      postalCode: textAt(l, "facility", "address", "zip"), status: textAt(l, "status"),
      contacts: [...all(l, "contact"), ...all(l, "contact_backup")].map((c) => ({
        name: personName(c), phone: phoneOf(textAt(c, "phone"), textAt(c, "phone_ext")), email: textAt(c, "email"),
      })),
    })),
    // `results_reference`: publications of the results; `reference`: the record's other citations,
    // background and the registry's automatic links alike (the XML does not tell them apart).
    references: [
      ...all(s, "reference").map((r) => ({ pmid: textAt(r, "PMID"), citation: plain(r, "citation"), type: null })),
      ...all(s, "results_reference").map((r) => ({ pmid: textAt(r, "PMID"), citation: plain(r, "citation"), type: "RESULT" })),
    ],
    results: { posted: at(s, "clinical_results") !== undefined, firstPosted: textAt(s, "results_first_posted") },
    arms: all(s, "arm_group").flatMap((g) => {
      const label = textAt(g, "arm_group_label");
      // The XML links interventions to arms from the intervention's side only.
      return label ? [{ label, type: textAt(g, "arm_group_type"), description: plain(g, "description"), interventionNames: [] }] : [];
    }),
    interventions: all(s, "intervention").flatMap((iv) => {
      const name = textAt(iv, "intervention_name");
      return name ? [{ type: textAt(iv, "intervention_type"), name, description: plain(iv, "description"), armLabels: textsAt(iv, "arm_group_label") }] : [];
    }),
  };
}

/** Before the root: an XML declaration, comments, white space, a byte-order mark. */
const PROLOG = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<clinical_study[\s>]/;

export const ctgovXml: Layout = {
  layout: "ctgov-xml",
  description: "ClinicalTrials.gov clinical_study XML",
  detect: (source) => PROLOG.test(source.slice(0, 4096)),
  parse(source, file): SourceTrial {
    const root = parseXml(source, file);
    if (root.name !== ROOT) throw new ImportError(`an XML document whose root is <${root.name}>, not <${ROOT}>`, { file, line: root.line });
    const study = readXmlStudy(root);
    if (!study.nctId) throw new ImportError("the study has no NCT id (id_info/nct_id)", { file, field: "nctId" });
    return toSourceTrial(study, "ctgov-xml", file);
  },
};
