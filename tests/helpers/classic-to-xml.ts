/**
 * A classic ClinicalTrials.gov JSON study (ProtocolSection) written as the legacy
 * `clinical_study` XML the registry served for the same record: each field in its XML
 * element, text blocks indented and hard-wrapped to 99 columns with `&#xD;` line ends as
 * the 2021–2023 files write them, interventions linked to arms by label. For tests: the
 * XML copy of a record must import as the same record as the JSON.
 */

type Json = Record<string, unknown>;
const at = (o: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Json)[k] : undefined), o);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "&#xD;\n");

function el(name: string, value: unknown, indent: string, attrs = ""): string {
  const t = str(value);
  return t === null ? "" : `${indent}<${name}${attrs}>${esc(t)}</${name}>\n`;
}

/** Words of `line` wrapped at `width` columns, the first line at `indent`, the rest at `indent` + `hang`. */
function wrap(line: string, indent: number, hang: number, width = 99): string[] {
  const out: string[] = [];
  let cur = "";
  for (const word of line.split(/\s+/).filter(Boolean)) {
    const pad = out.length ? indent + hang : indent;
    if (cur && pad + cur.length + 1 + word.length > width) {
      out.push(" ".repeat(pad) + cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(" ".repeat(out.length ? indent + hang : indent) + cur);
  return out;
}

/**
 * A text block, laid out as the registry's XML does: paragraphs separated by a blank line,
 * each line wrapped to at most 99 columns, headings ("Inclusion Criteria:") at 8 columns, other
 * lines at 10 with a hanging indent of 3; wrapped before entities are written (the
 * registry wrapped the text, then escaped it). `criteria`: each line of the JSON text is a
 * criterion and its own paragraph, as the registry wrote unbulleted criteria; in prose, a
 * line break inside a paragraph stays a line break.
 */
function textblock(name: string, value: unknown, indent: string, criteria = false): string {
  const t = str(value);
  if (t === null) return "";
  const lineOf = (line: string) => {
    const heading = /:$/.test(line);
    return wrap(line, heading ? 8 : 10, 3).map(esc).join("&#xD;\n");
  };
  const paragraphs = criteria ? t.split("\n").map((l) => [l.trim()]) : t.split(/\n\s*\n/).map((p) => p.split("\n").map((l) => l.trim()));
  const body = paragraphs.map((p) => p.filter(Boolean).map(lineOf).join("&#xD;\n")).filter(Boolean).join("&#xD;\n&#xD;\n");
  return `${indent}<${name}>\n${indent}  <textblock>\n${body}&#xD;\n${indent}  </textblock>\n${indent}</${name}>\n`;
}

export function classicToXml(p: Json): string {
  const id = at(p, "IdentificationModule");
  const status = at(p, "StatusModule");
  const design = at(p, "DesignModule");
  const info = at(design, "DesignInfo");
  const elig = at(p, "EligibilityModule");
  const aim = at(p, "ArmsInterventionsModule");
  const cl = at(p, "ContactsLocationsModule");
  const om = at(p, "OutcomesModule");
  const date = (name: string, struct: string, key: string) => {
    const type = str(at(status, struct, `${key}Type`));
    return el(name, at(status, struct, key), "  ", type ? ` type="${type}"` : "");
  };
  const person = (c: unknown, prefix: string, indent: string) =>
    el("last_name", at(c, `${prefix}Name`), indent) + el("phone", at(c, `${prefix}Phone`), indent) +
    el("phone_ext", at(c, `${prefix}PhoneExt`), indent) + el("email", at(c, `${prefix}EMail`), indent);
  const outcomes = (name: string, key: string) => list(at(om, `${key}OutcomeList`, `${key}Outcome`)).map((o) =>
    `  <${name}_outcome>\n${el("measure", at(o, `${key}OutcomeMeasure`), "    ")}${el("time_frame", at(o, `${key}OutcomeTimeFrame`), "    ")}${el("description", at(o, `${key}OutcomeDescription`), "    ")}  </${name}_outcome>\n`).join("");
  const enrollmentType = str(at(design, "EnrollmentInfo", "EnrollmentType"));
  const x: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>\n<clinical_study>\n`,
    "  <id_info>\n", el("org_study_id", at(id, "OrgStudyIdInfo", "OrgStudyId"), "    "),
    ...list(at(id, "SecondaryIdInfoList", "SecondaryIdInfo")).map((s) => el("secondary_id", at(s, "SecondaryId"), "    ")),
    el("nct_id", at(id, "NCTId"), "    "), "  </id_info>\n",
    el("brief_title", at(id, "BriefTitle"), "  "), el("acronym", at(id, "Acronym"), "  "), el("official_title", at(id, "OfficialTitle"), "  "),
    `  <sponsors>\n    <lead_sponsor>\n${el("agency", at(p, "SponsorCollaboratorsModule", "LeadSponsor", "LeadSponsorName"), "      ")}    </lead_sponsor>\n  </sponsors>\n`,
    textblock("brief_summary", at(p, "DescriptionModule", "BriefSummary"), "  "),
    textblock("detailed_description", at(p, "DescriptionModule", "DetailedDescription"), "  "),
    el("overall_status", at(status, "OverallStatus"), "  "),
    date("start_date", "StartDateStruct", "StartDate"), date("completion_date", "CompletionDateStruct", "CompletionDate"),
    date("primary_completion_date", "PrimaryCompletionDateStruct", "PrimaryCompletionDate"),
    el("verification_date", at(status, "StatusVerifiedDate"), "  "),
    date("study_first_posted", "StudyFirstPostDateStruct", "StudyFirstPostDate"),
    date("last_update_posted", "LastUpdatePostDateStruct", "LastUpdatePostDate"),
    // One <phase>: "Phase 2/Phase 3", as the XML writes two phases.
    el("phase", list(at(design, "PhaseList", "Phase")).map(str).filter(Boolean).join("/") || null, "  "),
    el("study_type", at(design, "StudyType"), "  "),
    "  <study_design_info>\n", el("allocation", at(info, "DesignAllocation"), "    "),
    el("intervention_model", at(info, "DesignInterventionModel"), "    "), el("primary_purpose", at(info, "DesignPrimaryPurpose"), "    "),
    el("masking", at(info, "DesignMaskingInfo", "DesignMasking"), "    "), "  </study_design_info>\n",
    outcomes("primary", "Primary"), outcomes("secondary", "Secondary"), outcomes("other", "Other"),
    el("enrollment", at(design, "EnrollmentInfo", "EnrollmentCount"), "  ", enrollmentType ? ` type="${enrollmentType}"` : ""),
    ...list(at(p, "ConditionsModule", "ConditionList", "Condition")).map((c) => el("condition", c, "  ")),
    ...list(at(aim, "ArmGroupList", "ArmGroup")).map((g) =>
      `  <arm_group>\n${el("arm_group_label", at(g, "ArmGroupLabel"), "    ")}${el("arm_group_type", at(g, "ArmGroupType"), "    ")}${el("description", at(g, "ArmGroupDescription"), "    ")}  </arm_group>\n`),
    ...list(at(aim, "InterventionList", "Intervention")).map((iv) => {
      const name = str(at(iv, "InterventionName"));
      // Arms that name the intervention by "Type: Name" are linked to it, as the XML links them.
      const labels = new Set(list(at(iv, "InterventionArmGroupLabelList", "InterventionArmGroupLabel")).map(str));
      for (const g of list(at(aim, "ArmGroupList", "ArmGroup"))) {
        const names = list(at(g, "ArmGroupInterventionList", "ArmGroupInterventionName")).map(str);
        if (names.some((n) => n === name || n?.replace(/^[^:]{1,40}:\s*/, "") === name)) labels.add(str(at(g, "ArmGroupLabel")));
      }
      return `  <intervention>\n${el("intervention_type", at(iv, "InterventionType"), "    ")}${el("intervention_name", name, "    ")}${el("description", at(iv, "InterventionDescription"), "    ")}${[...labels].map((l) => el("arm_group_label", l, "    ")).join("")}  </intervention>\n`;
    }),
    "  <eligibility>\n", textblock("criteria", at(elig, "EligibilityCriteria"), "    ", true),
    el("gender", at(elig, "Gender"), "    "), el("minimum_age", at(elig, "MinimumAge"), "    "),
    el("maximum_age", at(elig, "MaximumAge"), "    "), el("healthy_volunteers", at(elig, "HealthyVolunteers"), "    "), "  </eligibility>\n",
    ...list(at(cl, "OverallOfficialList", "OverallOfficial")).map((c) =>
      `  <overall_official>\n${person(c, "OverallOfficial", "    ")}${el("role", at(c, "OverallOfficialRole"), "    ")}${el("affiliation", at(c, "OverallOfficialAffiliation"), "    ")}  </overall_official>\n`),
    ...list(at(cl, "CentralContactList", "CentralContact")).map((c, i) =>
      `  <overall_contact${i ? "_backup" : ""}>\n${person(c, "CentralContact", "    ")}  </overall_contact${i ? "_backup" : ""}>\n`),
    ...list(at(cl, "LocationList", "Location")).map((l) => {
      const address = el("city", at(l, "LocationCity"), "        ") + el("state", at(l, "LocationState"), "        ")
        + el("zip", at(l, "LocationZip"), "        ") + el("country", at(l, "LocationCountry"), "        ");
      const contacts = list(at(l, "LocationContactList", "LocationContact")).map((c) => `    <contact>\n${person(c, "LocationContact", "      ")}    </contact>\n`).join("");
      return `  <location>\n    <facility>\n${el("name", at(l, "LocationFacility"), "      ")}      <address>\n${address}      </address>\n    </facility>\n${el("status", at(l, "LocationStatus"), "    ")}${contacts}  </location>\n`;
    }),
    // The registry's order: `reference`s, then `results_reference`s (the XML tells only these two apart).
    ...list(at(p, "ReferencesModule", "ReferenceList", "Reference")).filter((r) => str(at(r, "ReferenceType")) !== "result")
      .map((r) => `  <reference>\n${el("citation", at(r, "ReferenceCitation"), "    ")}${el("PMID", at(r, "ReferencePMID"), "    ")}  </reference>\n`),
    ...list(at(p, "ReferencesModule", "ReferenceList", "Reference")).filter((r) => str(at(r, "ReferenceType")) === "result")
      .map((r) => `  <results_reference>\n${el("citation", at(r, "ReferenceCitation"), "    ")}${el("PMID", at(r, "ReferencePMID"), "    ")}  </results_reference>\n`),
    ...list(at(p, "ConditionsModule", "KeywordList", "Keyword")).map((k) => el("keyword", k, "  ")),
    "</clinical_study>\n",
  ];
  return x.join("");
}
