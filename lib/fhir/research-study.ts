import type {
  CodeableConcept, ContactDetail, ContactPoint, Extension, Identifier, Location, ResearchStudy, ResearchStudyArm, Resource,
} from "fhir/r4";
import { formatSentenceCase, label } from "../format";
import type { Arm, TrialRecord } from "../record/schema";
import { toDoseExtension } from "./dose-extension";
import { ELIGIBILITY_GROUP_ID, toEligibilityGroup } from "./eligibility-group";
import { toPhase } from "./phase";
import { absentStatusReason, R4_STATUS } from "./status";
import {
  CTGOV_ENUM_SYSTEM, DATA_ABSENT_REASON, NCT_SYSTEM, OVERALL_STATUS_EXTENSION, PRIMARY_PURPOSE_SYSTEM,
  R5_LABEL_EXTENSION, R5_RECRUITMENT_EXTENSION, TITLE_TYPE_SYSTEM, TRIAL_ID_SYSTEM,
} from "./urls";

/**
 * R4's ResearchStudy, except that `status` may be empty: R4 has no value for "unknown"
 * (or a withheld status), and FHIR's answer to a required value that is not known is an
 * empty element carrying a data-absent-reason (`_status`), never a made-up code.
 */
export type FhirResearchStudy = Omit<ResearchStudy, "status"> & { status?: ResearchStudy["status"] };

/** A FHIR id is 1–64 of [A-Za-z0-9-.]; a longer slug id stays only in `identifier`. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** FHIR strings may not be empty or blank: those are left out, like nulls. */
const text = (s: string | null | undefined): string | undefined => (s && s.trim() ? s : undefined);
const concept = (s: string): CodeableConcept => ({ text: s });
const ctgovCode = (enumName: string, code: string): CodeableConcept => ({
  coding: [{ system: `${CTGOV_ENUM_SYSTEM}#enum-${enumName}`, code, display: label(code) }],
  text: label(code),
});
const distinct = (xs: string[]) => [...new Set(xs)];

/** R4's research-study-prim-purp-type codes (ClinicalTrials.gov's purposes with the same meaning). */
const PRIMARY_PURPOSES = new Set([
  "TREATMENT", "PREVENTION", "DIAGNOSTIC", "SUPPORTIVE_CARE", "SCREENING", "HEALTH_SERVICES_RESEARCH", "BASIC_SCIENCE",
  "DEVICE_FEASIBILITY",
]);

function identifiers(r: TrialRecord): Identifier[] {
  return [
    ...(r.nctId ? [{ use: "official" as const, system: NCT_SYSTEM, value: r.nctId }] : []),
    ...r.otherIds.filter((v) => text(v)).map((value) => ({ use: "secondary" as const, value })),
    { use: "usual", system: TRIAL_ID_SYSTEM, value: r.id },
  ];
}

/** Official title and acronym as R5 labels (R4 has one title), as the R4 examples in shared/ctgov/fhir do. */
function labels(r: TrialRecord): Extension[] {
  const pairs: [string | null, string][] = [[r.officialTitle, "official"], [r.acronym, "acronym"]];
  return pairs.flatMap(([value, type]) => (text(value) ? [{
    url: R5_LABEL_EXTENSION,
    extension: [
      { url: "type", valueCodeableConcept: { coding: [{ system: TITLE_TYPE_SYSTEM, code: type }] } },
      { url: "value", valueString: value as string },
    ],
  }] : []));
}

/** Estimated enrollment is R5's recruitment.targetNumber, actual is actualNumber. */
function recruitment(r: TrialRecord): Extension[] {
  if (!r.enrollment?.type) return [];
  const url = r.enrollment.type === "ACTUAL" ? "actualNumber" : "targetNumber";
  return [{ url: R5_RECRUITMENT_EXTENSION, extension: [{ url, valueUnsignedInt: r.enrollment.count }] }];
}

function statusElements(r: TrialRecord): Pick<FhirResearchStudy, "status" | "_status"> {
  const status = r.overallStatus ? R4_STATUS[r.overallStatus] : null;
  if (status) return { status };
  return { _status: { extension: [{ url: DATA_ABSENT_REASON, valueCode: absentStatusReason(r.overallStatus) }] } };
}

function contacts(r: TrialRecord): ContactDetail[] {
  return r.contacts.map((c) => {
    const telecom: ContactPoint[] = [
      ...(text(c.phone) ? [{ system: "phone" as const, value: c.phone as string }] : []),
      ...(text(c.email) ? [{ system: "email" as const, value: c.email as string }] : []),
    ];
    return { name: c.name, ...(telecom.length ? { telecom } : {}) };
  });
}

/** Each facility as a contained Location (`#site-1`, …), referenced from `site`. */
function sites(r: TrialRecord): Location[] {
  return r.locations.flatMap((l, i) => {
    const address = {
      ...(text(l.city) ? { city: l.city as string } : {}),
      ...(text(l.region) ? { state: l.region as string } : {}),
      ...(l.postalCode ? { postalCode: l.postalCode } : {}),
      ...(text(l.country) ? { country: l.country as string } : {}),
    };
    const hasAddress = Object.keys(address).length > 0;
    if (!text(l.facility) && !hasAddress) return [];
    return [{
      resourceType: "Location" as const,
      id: `site-${i + 1}`,
      ...(text(l.facility) ? { name: l.facility as string } : {}),
      ...(hasAddress ? { address } : {}),
      // The record's own coordinates only: a gazetteer's town centre is not the site's position.
      ...(l.geo?.source === "record" && l.geo.lat !== null && l.geo.lon !== null ? { position: { latitude: l.geo.lat, longitude: l.geo.lon } } : {}),
    }];
  });
}

function arm(a: Arm): ResearchStudyArm {
  return {
    ...(a.doses.length ? { extension: a.doses.map(toDoseExtension) } : {}),
    name: a.label,
    ...(a.type ? { type: ctgovCode("ArmGroupType", a.type) } : {}),
    ...(text(a.description) ? { description: a.description as string } : {}),
  };
}

/**
 * One trial record (shared/spec/trial-record.md) as a FHIR R4 ResearchStudy. Pure: the
 * same record gives the same resource. A value the record does not report is left out
 * (or, for the required status, marked absent), never sent as 0 or a guess.
 */
export function toResearchStudy(r: TrialRecord): FhirResearchStudy {
  const group = toEligibilityGroup(r);
  const locations = sites(r);
  const contained: Resource[] = [...(group ? [group] : []), ...locations];
  const extension = [
    ...labels(r),
    ...recruitment(r),
    ...(r.overallStatus ? [{ url: OVERALL_STATUS_EXTENSION, valueCode: r.overallStatus }] : []),
  ];
  const phase = toPhase(r.phases);
  const contact = contacts(r);
  const countries = distinct(r.locations.flatMap((l) => (text(l.country) ? [l.country as string] : [])));
  const description = text(r.briefSummary) ?? text(r.description);
  const period = { ...(r.dates.start ? { start: r.dates.start } : {}), ...(r.dates.completion ? { end: r.dates.completion } : {}) };
  const purpose = r.primaryPurpose;

  return {
    resourceType: "ResearchStudy",
    ...(FHIR_ID.test(r.id) ? { id: r.id } : {}),
    ...(contained.length ? { contained } : {}),
    ...(extension.length ? { extension } : {}),
    identifier: identifiers(r),
    ...(text(r.title ?? r.officialTitle) ? { title: (r.title ?? r.officialTitle) as string } : {}),
    ...statusElements(r),
    ...(purpose ? {
      primaryPurposeType: PRIMARY_PURPOSES.has(purpose)
        ? { coding: [{ system: PRIMARY_PURPOSE_SYSTEM, code: purpose.toLowerCase().replace(/_/g, "-") }], text: formatSentenceCase(purpose) }
        : { text: formatSentenceCase(purpose) },
    } : {}),
    ...(phase ? { phase } : {}),
    ...(r.studyType ? { category: [ctgovCode("StudyType", r.studyType)] } : {}),
    ...(r.conditions.length ? { condition: r.conditions.filter((c) => text(c)).map(concept) } : {}),
    ...(contact.length ? { contact } : {}),
    ...(r.keywords.length ? { keyword: r.keywords.filter((k) => text(k)).map(concept) } : {}),
    ...(countries.length ? { location: countries.map(concept) } : {}),
    ...(description ? { description } : {}),
    ...(group ? { enrollment: [{ reference: `#${ELIGIBILITY_GROUP_ID}`, type: "Group", display: "Eligibility criteria" }] } : {}),
    ...(Object.keys(period).length ? { period } : {}),
    ...(text(r.sponsor) ? { sponsor: { display: r.sponsor as string } } : {}),
    ...(locations.length ? { site: locations.map((l) => ({ reference: `#${l.id}`, type: "Location", ...(l.name ? { display: l.name } : {}) })) } : {}),
    ...(r.arms.length ? { arm: r.arms.map(arm) } : {}),
  };
}
