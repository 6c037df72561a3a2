import { ImportError } from "../errors";
import type { ParsedTrial } from "../parsed-record";
import { emptySourceTrial, type SourceArm, type SourceTrial } from "../source-record";
import {
  normalizeAllocation, normalizeArmType, normalizeHealthyVolunteers, normalizeInterventionModel, normalizeMasking,
  normalizePhases, normalizeSex, normalizeStatus, normalizeStudyType,
} from "../normalize/enums";
import { normalizeAgeRange } from "../normalize/ages";
import { splitCriteria } from "../normalize/criteria";
import { normalizeDate } from "../normalize/dates";
import type { ProseInput, ProseIntervention } from "../prose";
import { toLines } from "../text";
import { referenceOf, resultsOf, siteOf, type SourceReference, type SourceSite } from "../normalize/sites";
import {
  ALLOCATIONS, ARM_TYPES, INTERVENTION_MODELS, MASKINGS, OVERALL_STATUSES, PHASES, SEXES, STUDY_TYPES,
} from "../../record/vocabulary";

/**
 * What the two ClinicalTrials.gov JSON formats (API v2 and the classic "v1" full study)
 * share: one study read into the registry's words, still as the source wrote them, and
 * the one mapping from there to the intermediate record. Each format's module only says
 * where its fields are (ctgov-v2.ts, ctgov-classic-json.ts).
 */

/** A study's fields as registered, before normalizing: each value is the source's own. */
export interface CtgovStudy {
  nctId: string | null;
  otherIds: string[];
  briefTitle: string | null;
  officialTitle: string | null;
  acronym: string | null;
  sponsor: string | null;
  status: string | null;
  phases: string[];
  studyType: string | null;
  allocation: string | null;
  interventionModel: string | null;
  masking: string | null;
  primaryPurpose: string | null;
  enrollmentCount: string | number | null;
  enrollmentType: string | null;
  dates: { start: string | null; primaryCompletion: string | null; completion: string | null };
  /** The registry's own dates, as the source writes them. */
  registryDates: { firstPosted: string | null; lastUpdatePosted: string | null; statusVerified: string | null };
  minimumAge: string | null;
  maximumAge: string | null;
  sex: string | null;
  healthyVolunteers: string | boolean | null;
  criteria: string | null;
  conditions: string[];
  keywords: string[];
  briefSummary: string | null;
  detailedDescription: string | null;
  outcomes: ParsedTrial["outcomes"];
  contacts: ParsedTrial["contacts"];
  locations: SourceSite[];
  /** The record's publications as listed; null when the source has no such field (a bare protocol section). */
  references: SourceReference[] | null;
  /** Results posted (and first posted on), where the source says; null when it cannot. */
  results: { posted: boolean; firstPosted: string | null } | null;
  arms: { label: string; type: string | null; description: string | null; interventionNames: string[] }[];
  interventions: { type: string | null; name: string; description: string | null; armLabels: string[] }[];
}

/** Enum values of our vocabulary (API v2's own) pass as they are; other wording goes through the normalizer. */
function asEnum<T extends string>(values: readonly T[], value: string | null, normalize: (t: string) => T | null): T | null {
  if (value === null) return null;
  return (values as readonly string[]).includes(value) ? (value as T) : normalize(value);
}

/** "18 Years", "6 Months" as bounds → years, through the shared age reader. */
function ageBounds(min: string | null, max: string | null): { minAgeYears: number | null; maxAgeYears: number | null } {
  const usable = (t: string | null) => (t && /\d/.test(t) ? t : null);
  const [lo, hi] = [usable(min), usable(max)];
  const range = lo && hi ? normalizeAgeRange(`${lo} to ${hi}`) : lo ? normalizeAgeRange(`${lo} and older`) : hi ? normalizeAgeRange(`up to ${hi}`) : null;
  return { minAgeYears: lo ? range?.minAgeYears ?? null : null, maxAgeYears: hi ? range?.maxAgeYears ?? null : null };
}

const INCLUSION = /^\s*(?:key\s+|main\s+)?inclusion\s+criteria\b[^:\n]{0,40}:?\s*$/i;
const EXCLUSION = /^\s*(?:key\s+|main\s+)?exclusion\s+criteria\b[^:\n]{0,40}:?\s*$/i;
const LISTED = /^\s*(?:[-*•·]|\d{1,3}[.)、])\s*/;

/**
 * The criteria text split at its "Inclusion Criteria:" and "Exclusion Criteria:" headings
 * into items, by the shared splitter. The classic format lost the list's bullets: each of
 * its lines is one criterion, so lines are numbered when none has a bullet or number (the
 * splitter would otherwise read them as one item continued).
 */
export function splitEligibility(criteria: string | null): { inclusion: string[]; exclusion: string[]; warnings: string[] } {
  if (!criteria) return { inclusion: [], exclusion: [], warnings: [] };
  const lines = toLines(criteria);
  const inc = lines.findIndex((l) => INCLUSION.test(l));
  const exc = lines.findIndex((l) => EXCLUSION.test(l));
  const warnings: string[] = [];
  const block = (from: number, to: number) => {
    const part = lines.slice(from, to).filter((l) => l.trim());
    const bulleted = part.some((l) => LISTED.test(l));
    // Numbers rather than bullets: the splitter then also parts an item that ran into the
    // next ("… 17-30,; 4.18-65 years of age" is items 3 and 4).
    return splitCriteria(bulleted ? part : part.map((l, i) => `${i + 1}. ${l.trim()}`)).items;
  };
  if (inc < 0 && exc < 0) {
    warnings.push("the eligibility criteria have no \"Inclusion Criteria\" or \"Exclusion Criteria\" heading: read as inclusion criteria");
    return { inclusion: block(0, lines.length), exclusion: [], warnings };
  }
  const incEnd = exc > inc ? exc : lines.length;
  const inclusion = inc >= 0 ? block(inc + 1, incEnd) : block(0, exc);
  const exclusion = exc >= 0 ? block(exc + 1, inc > exc ? inc : lines.length) : [];
  return { inclusion, exclusion, warnings };
}

/** "Anticipated" (classic) and "ESTIMATED" (v2) are one type; "Actual"/"ACTUAL" the other. */
function enrollmentType(t: string | null): "ESTIMATED" | "ACTUAL" | null {
  const k = t?.toLowerCase();
  if (k === "anticipated" || k === "estimated") return "ESTIMATED";
  if (k === "actual") return "ACTUAL";
  return null;
}

/**
 * The interventions an arm lists by "Type: Name", or that list the arm among theirs. When
 * several interventions share one name (one per arm, each with its own text), the name alone
 * does not say which is the arm's: an intervention of a shared name that lists its arms is
 * linked only to the arms it lists.
 */
function linkedInterventions(study: CtgovStudy, arm: CtgovStudy["arms"][number]): ProseIntervention[] {
  const sameName = (iv: CtgovStudy["interventions"][number]) => study.interventions.filter((o) => o.name === iv.name).length > 1;
  return study.interventions
    .filter((iv) => iv.armLabels.includes(arm.label) ||
      (!(sameName(iv) && iv.armLabels.length > 0) &&
        arm.interventionNames.some((n) => n === iv.name || n.replace(/^[^:]{1,40}:\s*/, "") === iv.name)))
    .map((iv) => ({ name: iv.name, description: iv.description }));
}

/** One study in the source's words → the source record, every value marked with its source words. */
export function toSourceTrial(study: CtgovStudy, layout: string, file: string): SourceTrial {
  const rec = emptySourceTrial(layout, file);
  rec.kind = "study";
  const ev = (path: string, t: string | null) => {
    if (t !== null) rec.evidence[path] = { origin: "source", text: t };
  };
  if (!study.nctId) throw new ImportError("the study has no NCT id (identificationModule.nctId)", { file, field: "nctId" });
  if (!/^NCT\d{8}$/.test(study.nctId)) throw new ImportError(`"${study.nctId}" is not an NCT id`, { file, field: "nctId" });
  rec.nctId = study.nctId;
  ev("nctId", study.nctId);
  rec.otherIds = study.otherIds;
  rec.title = study.briefTitle;
  ev("title", study.briefTitle);
  rec.officialTitle = study.officialTitle;
  ev("officialTitle", study.officialTitle);
  rec.acronym = study.acronym;
  ev("acronym", study.acronym);
  rec.sponsor = study.sponsor;
  ev("sponsor", study.sponsor);

  rec.overallStatus = asEnum(OVERALL_STATUSES, study.status, normalizeStatus);
  ev("overallStatus", study.status);
  if (study.status && !rec.overallStatus) rec.warnings.push(`unknown status "${study.status}"`);
  const phases = new Set(study.phases.flatMap((p) => asEnum(PHASES, p, () => null) ?? normalizePhases(p)));
  rec.phases = PHASES.filter((p) => phases.has(p));
  if (study.phases.length) ev("phases", study.phases.join(", "));
  rec.studyType = asEnum(STUDY_TYPES, study.studyType, normalizeStudyType);
  ev("studyType", study.studyType);
  rec.design = {
    allocation: asEnum(ALLOCATIONS, study.allocation, normalizeAllocation),
    interventionModel: asEnum(INTERVENTION_MODELS, study.interventionModel, normalizeInterventionModel),
    masking: asEnum(MASKINGS, study.masking, normalizeMasking),
  };
  ev("design.allocation", study.allocation);
  ev("design.interventionModel", study.interventionModel);
  ev("design.masking", study.masking);
  // "Treatment", "Basic Science" (classic) and TREATMENT, BASIC_SCIENCE (v2) are one value.
  rec.primaryPurpose = study.primaryPurpose ? study.primaryPurpose.toUpperCase().replace(/[^A-Z]+/g, "_") : null;
  ev("primaryPurpose", study.primaryPurpose);

  const count = typeof study.enrollmentCount === "number" ? study.enrollmentCount
    : study.enrollmentCount !== null && /^\s*\d+\s*$/.test(study.enrollmentCount) ? Number(study.enrollmentCount) : null;
  if (count !== null && Number.isInteger(count)) {
    rec.enrollment = { count, type: enrollmentType(study.enrollmentType) };
    ev("enrollment", `${study.enrollmentCount}${study.enrollmentType ? ` (${study.enrollmentType})` : ""}`);
  } else if (study.enrollmentCount !== null) {
    rec.warnings.push(`unreadable enrollment count "${study.enrollmentCount}"`);
  }

  for (const field of ["start", "primaryCompletion", "completion"] as const) {
    const t = study.dates[field];
    if (!t) continue;
    rec.dates[field] = normalizeDate(t);
    ev(`dates.${field}`, t);
    if (!rec.dates[field]) rec.warnings.push(`unreadable date "${t}" (${field})`);
  }
  for (const field of ["firstPosted", "lastUpdatePosted", "statusVerified"] as const) {
    const t = study.registryDates[field];
    if (!t) continue;
    rec[field] = normalizeDate(t);
    ev(field, t);
    if (!rec[field]) rec.warnings.push(`unreadable date "${t}" (${field})`);
  }

  Object.assign(rec.eligibility, ageBounds(study.minimumAge, study.maximumAge));
  ev("eligibility.minAgeYears", study.minimumAge);
  ev("eligibility.maxAgeYears", study.maximumAge);
  rec.eligibility.sex = asEnum(SEXES, study.sex, normalizeSex);
  ev("eligibility.sex", study.sex);
  const hv = study.healthyVolunteers;
  rec.eligibility.healthyVolunteers = typeof hv === "boolean" ? hv : hv ? normalizeHealthyVolunteers(hv) : null;
  ev("eligibility.healthyVolunteers", hv === null ? null : String(hv));
  const criteria = splitEligibility(study.criteria);
  rec.eligibility.inclusion = criteria.inclusion;
  rec.eligibility.exclusion = criteria.exclusion;
  rec.warnings.push(...criteria.warnings);

  rec.conditions = study.conditions;
  rec.keywords = study.keywords;
  rec.interventions = study.interventions.map((iv) => (iv.type ? `${iv.type}: ${iv.name}` : iv.name));
  rec.briefSummary = study.briefSummary;
  rec.description = study.detailedDescription;
  rec.outcomes = study.outcomes;
  rec.contacts = study.contacts;
  rec.locations = study.locations.map(siteOf);
  if (study.references) rec.references = study.references.flatMap((r) => referenceOf(r) ?? []);
  if (study.results) {
    rec.results = resultsOf(study.results.posted, study.results.firstPosted);
    if (study.results.firstPosted && !rec.results.firstPosted) rec.warnings.push(`unreadable date "${study.results.firstPosted}" (results first posted)`);
  }

  // The arms as listed, each with its own words and linked interventions; the dose reader
  // (lib/ingest/enrich/doses.ts) reads them with the trial's text and the unlinked interventions.
  const input = proseInputOf(study);
  rec.arms = input.arms;
  rec.unlinked = input.unlinked ?? [];
  input.arms.forEach((_, i) => {
    ev(`arms[${i}].label`, study.arms[i]!.label);
    ev(`arms[${i}].type`, study.arms[i]!.type);
  });
  return rec;
}

/**
 * What the prose reader is given for a study: each arm's own words with the interventions
 * linked to it, the trial's text, and the interventions linked to no arm (they still
 * describe the trial). The importer and `npm run check:prose` read the same input.
 */
export function proseInputOf(study: CtgovStudy): ProseInput & { arms: SourceArm[] } {
  const arms = study.arms.map((a) => ({
    label: a.label,
    type: asEnum(ARM_TYPES, a.type, normalizeArmType),
    description: a.description,
    interventions: linkedInterventions(study, a),
  }));
  const linked = new Set(arms.flatMap((a) => a.interventions.map((x) => x.name)));
  return {
    arms,
    trialText: [study.briefSummary, study.detailedDescription].filter(Boolean).join("\n\n"),
    unlinked: study.interventions.filter((iv) => !linked.has(iv.name)).map((iv) => ({ name: iv.name, description: iv.description })),
  };
}
