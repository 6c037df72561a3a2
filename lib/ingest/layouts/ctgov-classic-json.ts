import { ImportError } from "../errors";
import type { SourceTrial } from "../source-record";
import type { StudyLayout } from "./types";
import { type CtgovStudy, toSourceTrial } from "./ctgov-json";
import { at, hasKey, isObject, type Json, list, onlyStudy, parseJson, text, texts } from "./json-document";
import { phoneOf } from "./ctgov-v2";

/**
 * The classic ClinicalTrials.gov API ("v1") full-study JSON: `ProtocolSection`,
 * PascalCase keys, `…List` wrappers, readable values ("Unknown status", "Phase 1",
 * "None (Open Label)", "Anticipated", "October 2010", an `EnrollmentCount` string).
 * Accepted as a bare study (`{ ProtocolSection, DerivedSection }` or `{ Study: … }`), the
 * `{ FullStudiesResponse: { FullStudies: [{ Rank, Study }] } }` envelope holding one
 * study, or the `ProtocolSection` alone.
 */

/** `{ Study: … }`, `{ Rank, Study }`, a study or its ProtocolSection → the ProtocolSection. */
function protocolOf(doc: Json): Json | null {
  const study = isObject(doc.Study) ? doc.Study : isObject(doc.FullStudy) ? at(doc.FullStudy, "Study") : doc;
  if (isObject(at(study, "ProtocolSection"))) return at(study, "ProtocolSection") as Json;
  return isObject(doc.IdentificationModule) ? doc : null;
}

/** The study holding a ProtocolSection (with its ResultsSection beside it), if the document has one. */
function studyOf(doc: Json): Json | undefined {
  const study = isObject(doc.Study) ? doc.Study : isObject(doc.FullStudy) ? at(doc.FullStudy, "Study") : doc;
  return isObject(study) && isObject(at(study, "ProtocolSection")) ? (study as Json) : undefined;
}

/** The classic ProtocolSection → the source's values, unchanged. */
export function readClassicStudy(p: Json, study?: Json): CtgovStudy {
  const id = at(p, "IdentificationModule");
  const status = at(p, "StatusModule");
  const design = at(p, "DesignModule");
  const info = at(design, "DesignInfo");
  const elig = at(p, "EligibilityModule");
  const aim = at(p, "ArmsInterventionsModule");
  const cl = at(p, "ContactsLocationsModule");
  const om = at(p, "OutcomesModule");
  const outcome = (kind: "PRIMARY" | "SECONDARY" | "OTHER", name: "Primary" | "Secondary" | "Other") =>
    list(at(om, `${name}OutcomeList`, `${name}Outcome`)).flatMap((o) => {
      const measure = text(at(o, `${name}OutcomeMeasure`));
      return measure ? [{ kind, measure, timeFrame: text(at(o, `${name}OutcomeTimeFrame`)), description: text(at(o, `${name}OutcomeDescription`)) }] : [];
    });
  const contact = (c: unknown, prefix: string, role: string, affiliation: string | null) => {
    const name = text(at(c, `${prefix}Name`));
    const phone = phoneOf(text(at(c, `${prefix}Phone`)), text(at(c, `${prefix}PhoneExt`)));
    return name ? [{ role, name, phone, email: text(at(c, `${prefix}EMail`)), affiliation }] : [];
  };
  // "Study Director" → STUDY_DIRECTOR, as API v2 and the text layouts write the role.
  const role = (t: string | null) => (t ? t.toUpperCase().replace(/[^A-Z]+/g, "_") : "OFFICIAL");
  const locations = list(at(cl, "LocationList", "Location"));
  return {
    nctId: text(at(id, "NCTId")),
    otherIds: [text(at(id, "OrgStudyIdInfo", "OrgStudyId")), ...list(at(id, "SecondaryIdInfoList", "SecondaryIdInfo")).map((s) => text(at(s, "SecondaryId")))]
      .filter((t): t is string => t !== null),
    briefTitle: text(at(id, "BriefTitle")),
    officialTitle: text(at(id, "OfficialTitle")),
    acronym: text(at(id, "Acronym")),
    sponsor: text(at(p, "SponsorCollaboratorsModule", "LeadSponsor", "LeadSponsorName")),
    status: text(at(status, "OverallStatus")),
    phases: texts(at(design, "PhaseList", "Phase")),
    studyType: text(at(design, "StudyType")),
    allocation: text(at(info, "DesignAllocation")),
    interventionModel: text(at(info, "DesignInterventionModel")),
    masking: text(at(info, "DesignMaskingInfo", "DesignMasking")),
    primaryPurpose: text(at(info, "DesignPrimaryPurpose")),
    enrollmentCount: text(at(design, "EnrollmentInfo", "EnrollmentCount")),
    enrollmentType: text(at(design, "EnrollmentInfo", "EnrollmentType")),
    dates: {
      start: text(at(status, "StartDateStruct", "StartDate")),
      primaryCompletion: text(at(status, "PrimaryCompletionDateStruct", "PrimaryCompletionDate")),
      completion: text(at(status, "CompletionDateStruct", "CompletionDate")),
    },
    registryDates: {
      firstPosted: text(at(status, "StudyFirstPostDateStruct", "StudyFirstPostDate")),
      lastUpdatePosted: text(at(status, "LastUpdatePostDateStruct", "LastUpdatePostDate")),
      statusVerified: text(at(status, "StatusVerifiedDate")),
    },
    minimumAge: text(at(elig, "MinimumAge")),
    maximumAge: text(at(elig, "MaximumAge")),
    sex: text(at(elig, "Gender")),
    healthyVolunteers: text(at(elig, "HealthyVolunteers")),
    criteria: text(at(elig, "EligibilityCriteria")),
    conditions: texts(at(p, "ConditionsModule", "ConditionList", "Condition")),
    keywords: texts(at(p, "ConditionsModule", "KeywordList", "Keyword")),
    briefSummary: text(at(p, "DescriptionModule", "BriefSummary")),
    detailedDescription: text(at(p, "DescriptionModule", "DetailedDescription")),
    outcomes: [...outcome("PRIMARY", "Primary"), ...outcome("SECONDARY", "Secondary"), ...outcome("OTHER", "Other")],
    contacts: [
      ...list(at(cl, "CentralContactList", "CentralContact")).flatMap((c) => contact(c, "CentralContact", "CENTRAL", null)),
      ...list(at(cl, "OverallOfficialList", "OverallOfficial")).flatMap((c) =>
        contact(c, "OverallOfficial", role(text(at(c, "OverallOfficialRole"))), text(at(c, "OverallOfficialAffiliation")))),
      ...locations.flatMap((l) => list(at(l, "LocationContactList", "LocationContact")).flatMap((c) =>
        contact(c, "LocationContact", "SITE", text(at(l, "LocationFacility"))))),
    ],
    locations: locations.map((l) => ({
      facility: text(at(l, "LocationFacility")), city: text(at(l, "LocationCity")),
      region: text(at(l, "LocationState")), country: text(at(l, "LocationCountry")),
      postalCode: text(at(l, "LocationZip")), status: text(at(l, "LocationStatus")),
      contacts: list(at(l, "LocationContactList", "LocationContact")).map((c) => ({
        name: text(at(c, "LocationContactName")),
        phone: phoneOf(text(at(c, "LocationContactPhone")), text(at(c, "LocationContactPhoneExt"))),
        email: text(at(c, "LocationContactEMail")),
      })),
    })),
    references: list(at(p, "ReferencesModule", "ReferenceList", "Reference")).map((r) => ({
      pmid: text(at(r, "ReferencePMID")), citation: text(at(r, "ReferenceCitation")), type: text(at(r, "ReferenceType")),
    })),
    // The results section is the study's, beside the protocol: known only when the whole study is given.
    results: study ? {
      posted: isObject(at(study, "ResultsSection")),
      firstPosted: text(at(status, "ResultsFirstPostDateStruct", "ResultsFirstPostDate")),
    } : null,
    arms: list(at(aim, "ArmGroupList", "ArmGroup")).flatMap((g) => {
      const label = text(at(g, "ArmGroupLabel"));
      return label ? [{
        label, type: text(at(g, "ArmGroupType")), description: text(at(g, "ArmGroupDescription")),
        interventionNames: texts(at(g, "ArmGroupInterventionList", "ArmGroupInterventionName")),
      }] : [];
    }),
    interventions: list(at(aim, "InterventionList", "Intervention")).flatMap((iv) => {
      const name = text(at(iv, "InterventionName"));
      return name ? [{
        type: text(at(iv, "InterventionType")), name, description: text(at(iv, "InterventionDescription")),
        armLabels: texts(at(iv, "InterventionArmGroupLabelList", "InterventionArmGroupLabel")),
      }] : [];
    }),
  };
}

const CLASSIC_STUDY = /"(?:ProtocolSection|IdentificationModule|FullStudiesResponse)"\s*:/;

export const ctgovClassicJson: StudyLayout = {
  layout: "ctgov-classic-json",
  description: "ClinicalTrials.gov classic (v1) full-study JSON",
  detect(source) {
    return /^\s*[[{]/.test(source) && CLASSIC_STUDY.test(source);
  },
  isStudy: (doc) => hasKey(doc, ["ProtocolSection", "IdentificationModule", "FullStudiesResponse"]),
  parse(source, file) {
    return this.readStudy(parseJson(source, file), file);
  },
  readStudy(document, file): SourceTrial {
    const doc = onlyStudy(document, file, [(d) => at(d, "FullStudiesResponse", "FullStudies")]);
    const protocol = isObject(doc) ? protocolOf(doc) : null;
    if (!protocol) throw new ImportError("a JSON document that is not a ClinicalTrials.gov classic study (no ProtocolSection)", { file });
    return toSourceTrial(readClassicStudy(protocol, isObject(doc) ? studyOf(doc) : undefined), "ctgov-classic-json", file);
  },
};
