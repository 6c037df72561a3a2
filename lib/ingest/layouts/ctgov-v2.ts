import { ImportError } from "../errors";
import type { SourceTrial } from "../source-record";
import type { StudyLayout } from "./types";
import { type CtgovStudy, toSourceTrial } from "./ctgov-json";
import { at, hasKey, isObject, type Json, list, onlyStudy, parseJson, text } from "./json-document";

/**
 * ClinicalTrials.gov API v2 study JSON (`protocolSection`, camelCase, enum values that
 * are already the contract's): one study, an array of studies, or an API page
 * `{ "studies": [...], "nextPageToken": … }` holding one study (the import command
 * splits a page of many). A bare `protocolSection` is read as the study too.
 */

/** API v2 writes its free text as Markdown: "\<126 mg/dl", "\[Eichenfeld 2004\]". */
const unescape = (t: string | null) => t?.replace(/\\([\\`*_{}[\]()#+\-.!<>|~=])/g, "$1") ?? null;
const md = (v: unknown) => unescape(text(v));
const mds = (v: unknown) => list(v).map(md).filter((t): t is string => t !== null);

/** The v2 study (or its protocolSection) → the source's values, unchanged. */
export function readV2Study(study: Json): CtgovStudy {
  const p = isObject(study.protocolSection) ? study.protocolSection : study;
  const id = at(p, "identificationModule");
  const status = at(p, "statusModule");
  const design = at(p, "designModule");
  const info = at(design, "designInfo");
  const elig = at(p, "eligibilityModule");
  const aim = at(p, "armsInterventionsModule");
  const cl = at(p, "contactsLocationsModule");
  const outcomes = at(p, "outcomesModule");
  const outcome = (kind: "PRIMARY" | "SECONDARY" | "OTHER", key: string) => list(at(outcomes, key)).flatMap((o) => {
    const measure = md(at(o, "measure"));
    return measure ? [{ kind, measure, timeFrame: md(at(o, "timeFrame")), description: md(at(o, "description")) }] : [];
  });
  const contact = (c: unknown, role: string, affiliation: string | null) => {
    const name = text(at(c, "name"));
    return name ? [{ role, name, phone: phoneOf(text(at(c, "phone")), text(at(c, "phoneExt"))), email: text(at(c, "email")), affiliation }] : [];
  };
  const count = at(design, "enrollmentInfo", "count");
  const hv = at(elig, "healthyVolunteers");
  return {
    nctId: text(at(id, "nctId")),
    otherIds: [text(at(id, "orgStudyIdInfo", "id")), ...list(at(id, "secondaryIdInfos")).map((s) => text(at(s, "id")))]
      .filter((t): t is string => t !== null),
    briefTitle: md(at(id, "briefTitle")),
    officialTitle: md(at(id, "officialTitle")),
    acronym: text(at(id, "acronym")),
    sponsor: text(at(p, "sponsorCollaboratorsModule", "leadSponsor", "name")),
    status: text(at(status, "overallStatus")),
    phases: list(at(design, "phases")).map(text).filter((t): t is string => t !== null),
    studyType: text(at(design, "studyType")),
    allocation: text(at(info, "allocation")),
    interventionModel: text(at(info, "interventionModel")),
    masking: text(at(info, "maskingInfo", "masking")),
    primaryPurpose: text(at(info, "primaryPurpose")),
    enrollmentCount: typeof count === "number" ? count : text(count),
    enrollmentType: text(at(design, "enrollmentInfo", "type")),
    dates: {
      start: text(at(status, "startDateStruct", "date")),
      primaryCompletion: text(at(status, "primaryCompletionDateStruct", "date")),
      completion: text(at(status, "completionDateStruct", "date")),
    },
    registryDates: {
      firstPosted: text(at(status, "studyFirstPostDateStruct", "date")),
      lastUpdatePosted: text(at(status, "lastUpdatePostDateStruct", "date")),
      statusVerified: text(at(status, "statusVerifiedDate")),
    },
    minimumAge: text(at(elig, "minimumAge")),
    maximumAge: text(at(elig, "maximumAge")),
    sex: text(at(elig, "sex")),
    healthyVolunteers: typeof hv === "boolean" ? hv : text(hv),
    criteria: md(at(elig, "eligibilityCriteria")),
    conditions: mds(at(p, "conditionsModule", "conditions")),
    keywords: mds(at(p, "conditionsModule", "keywords")),
    briefSummary: md(at(p, "descriptionModule", "briefSummary")),
    detailedDescription: md(at(p, "descriptionModule", "detailedDescription")),
    outcomes: [
      ...outcome("PRIMARY", "primaryOutcomes"), ...outcome("SECONDARY", "secondaryOutcomes"), ...outcome("OTHER", "otherOutcomes"),
    ],
    contacts: [
      ...list(at(cl, "centralContacts")).flatMap((c) => contact(c, "CENTRAL", null)),
      ...list(at(cl, "overallOfficials")).flatMap((c) => contact(c, text(at(c, "role")) ?? "OFFICIAL", text(at(c, "affiliation")))),
      ...list(at(cl, "locations")).flatMap((l) => list(at(l, "contacts")).flatMap((c) => contact(c, "SITE", text(at(l, "facility"))))),
    ],
    locations: list(at(cl, "locations")).map((l) => ({
      facility: text(at(l, "facility")), city: text(at(l, "city")), region: text(at(l, "state")), country: text(at(l, "country")),
      postalCode: text(at(l, "zip")), status: text(at(l, "status")),
      contacts: list(at(l, "contacts")).map((c) => ({ name: text(at(c, "name")), phone: phoneOf(text(at(c, "phone")), text(at(c, "phoneExt"))), email: text(at(c, "email")) })),
      geoPoint: isObject(at(l, "geoPoint")) ? { lat: at(l, "geoPoint", "lat"), lon: at(l, "geoPoint", "lon") } : null,
    })),
    // A bare protocolSection lacks `hasResults`: then the results status is not known.
    references: isObject(study.protocolSection) || isObject(at(p, "referencesModule"))
      ? list(at(p, "referencesModule", "references")).map((r) => ({ pmid: text(at(r, "pmid")), citation: md(at(r, "citation")), type: text(at(r, "type")) }))
      : null,
    results: typeof study.hasResults === "boolean"
      ? { posted: study.hasResults, firstPosted: text(at(status, "resultsFirstPostDateStruct", "date")) }
      : null,
    arms: list(at(aim, "armGroups")).flatMap((g) => {
      const label = md(at(g, "label"));
      return label ? [{ label, type: text(at(g, "type")), description: md(at(g, "description")), interventionNames: mds(at(g, "interventionNames")) }] : [];
    }),
    interventions: list(at(aim, "interventions")).flatMap((iv) => {
      const name = md(at(iv, "name"));
      const type = text(at(iv, "type"));
      return name ? [{
        // DRUG → "Drug", DIETARY_SUPPLEMENT → "Dietary Supplement": the words v2's own armGroups use.
        type: type ? type.toLowerCase().replace(/_/g, " ").replace(/\b[a-z]/g, (c) => c.toUpperCase()) : null,
        name, description: md(at(iv, "description")), armLabels: mds(at(iv, "armGroupLabels")),
      }] : [];
    }),
  };
}

/** "+1 555 0100" and extension "12" → "+1 555 0100 ext. 12". */
export function phoneOf(phone: string | null, ext: string | null): string | null {
  return phone ? (ext ? `${phone} ext. ${ext}` : phone) : null;
}

const V2_STUDY = /"(?:protocolSection|identificationModule)"\s*:/;

export const ctgovV2: StudyLayout = {
  layout: "ctgov-v2",
  description: "ClinicalTrials.gov API v2 study JSON",
  detect(source) {
    return /^\s*[[{]/.test(source) && V2_STUDY.test(source);
  },
  isStudy: (doc) => hasKey(doc, ["protocolSection", "identificationModule"]),
  parse(source, file) {
    return this.readStudy(parseJson(source, file), file);
  },
  readStudy(document, file): SourceTrial {
    const doc = onlyStudy(document, file, [(d) => d.studies]);
    if (!isObject(doc) || !(isObject(doc.protocolSection) || isObject(doc.identificationModule))) {
      throw new ImportError("a JSON document that is not a ClinicalTrials.gov API v2 study (no protocolSection)", { file });
    }
    return toSourceTrial(readV2Study(doc), "ctgov-v2", file);
  },
};
