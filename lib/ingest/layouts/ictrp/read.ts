import { ImportError } from "../../errors";
import { emptySourceTrial, type SourceTrial } from "../../source-record";
import {
  normalizeAllocation, normalizeInterventionModel, normalizeMasking, normalizeStatus, normalizeStudyType,
} from "../../normalize/enums";
import { splitCriteria } from "../../normalize/criteria";
import { readAllocation, readInterventionModel, readMasking } from "../../prose/design";
import { readIctrpArms } from "./arms";
import { fieldText, oneLineText, splitList } from "./text";
import { readIctrpAge, readIctrpDate, readIctrpSex, readIctrpPhases, recordIdOf, registryOf } from "./values";

export { readIctrpAge, readIctrpDate, readIctrpPhases, readIctrpSex, recordIdOf, registryOf };

/** A record's flat fields: name → raw text (entities of the XML decoded, not trimmed). */
export type IctrpFields = Record<string, string | undefined>;

/**
 * Outcomes: ";"-separated; within one, lines are one outcome's words (CTRI's "Primary
 * Efficacy<br>TG<br>Timepoint: …") unless they start with a dash or bullet (jRCT's "- A<br>- B").
 */
function outcomeItems(text: string): string[] {
  return splitList(text).flatMap((part) => part.split(/\n(?=\s*[-•·*]\s)/))
    .map((o) => o.replace(/^\s*[-•·*]\s*/, "").replace(/\s*\n\s*/g, " ").trim()).filter(Boolean);
}

/** Criteria text → items: the "Inclusion criteria:" label dropped, numbered lines split. */
function criteriaItems(text: string): string[] {
  const body = text.replace(/^\s*(?:inclusion|exclusion)\s+criteria\s*:?\s*/i, "");
  return splitCriteria(body.split("\n")).items.filter((s) => s.length > 0);
}

function firstOf(f: IctrpFields, ...names: string[]): string {
  for (const n of names) {
    const v = fieldText(f[n]);
    if (v) return v;
  }
  return "";
}

/**
 * One ICTRP `<Trial>` (flat fields) → what it says, in the record's vocabulary. The record's
 * id is its TrialID; the NCT id is set only for an NCT record.
 */
export function readIctrpTrial(f: IctrpFields, file: string, layout = "ictrp"): SourceTrial {
  const trialId = oneLineText(f.TrialID);
  if (!trialId) throw new ImportError("a trial without a TrialID: it cannot be stored under a stable id", { file, field: "TrialID" });
  const id = recordIdOf(trialId);
  if (!id) throw new ImportError(`TrialID "${trialId}" has no letters or digits to make an id of`, { file, field: "TrialID" });
  const rec = emptySourceTrial(layout, file);
  const ev = (path: string, text: string, origin: "source" | "derived" = "source") => (rec.evidence[path] = { origin, text });
  const registry = registryOf(trialId) ?? "unknown";
  rec.registryId = id;
  ev("id", `TrialID ${trialId}${oneLineText(f.Source_Register) ? ` (${oneLineText(f.Source_Register)})` : ""}`);
  if (registry === "NCT") (rec.nctId = trialId), ev("nctId", trialId);

  const others = new Set<string>();
  if (trialId !== id) others.add(trialId);
  for (const s of splitList(fieldText(f.Secondary_ID).replace(/\n+/g, ";"))) if (s !== trialId) others.add(s);
  rec.otherIds = [...others];
  if (rec.otherIds.length) ev("otherIds", fieldText(f.Secondary_ID));
  const linked = oneLineText(f.other_records);
  if (linked) ev("otherRecords", `other_records ${linked}`);

  const cancelled = /^\s*Cancelled by the investigator\s*/i;
  const publicTitle = oneLineText(f.Public_title);
  if (publicTitle) (rec.title = publicTitle.replace(cancelled, "").trim() || publicTitle), ev("title", publicTitle);
  const sci = oneLineText(f.Scientific_title);
  if (sci) (rec.officialTitle = sci.replace(cancelled, "").trim() || sci), ev("officialTitle", sci);
  const acronym = oneLineText(f.Acronym);
  if (acronym) (rec.acronym = acronym), ev("acronym", acronym);
  const sponsor = oneLineText(f.Primary_sponsor);
  if (sponsor) (rec.sponsor = sponsor), ev("sponsor", sponsor);

  const status = oneLineText(f.Recruitment_Status);
  if (cancelled.test(publicTitle) || cancelled.test(sci)) {
    rec.overallStatus = "WITHDRAWN";
    ev("overallStatus", `title "Cancelled by the investigator"${status ? `; Recruitment_Status ${status}` : ""}`, "derived");
  } else if (status) {
    // ICTRP's "Not recruiting" (and EUCTR's "Authorised") say no more than that: not mapped.
    rec.overallStatus = normalizeStatus(status);
    ev("overallStatus", status);
  }

  const start = oneLineText(f.Date_enrollement) || oneLineText(f.date_enrolment);
  if (start) {
    rec.dates.start = readIctrpDate(start);
    ev("dates.start", `Date_enrollement ${start}`);
    if (!rec.dates.start) rec.warnings.push(`unreadable date of first enrolment "${start}"`);
  }
  const registered = oneLineText(f.Date_registration3) || oneLineText(f.Date_registration);
  if (registered) ev("dates.registration", `registered ${registered}${readIctrpDate(registered) ? ` (${readIctrpDate(registered)})` : ""}`);
  const refreshed = oneLineText(f.Last_Refreshed_on);
  if (refreshed) ev("dates.lastRefreshed", `Last_Refreshed_on ${refreshed}${readIctrpDate(refreshed) ? ` (${readIctrpDate(refreshed)})` : ""}`);

  const minAge = oneLineText(f.Inclusion_agemin);
  const maxAge = oneLineText(f.Inclusion_agemax);
  if (minAge) (rec.eligibility.minAgeYears = readIctrpAge(minAge, "min")), ev("eligibility.minAgeYears", minAge);
  if (maxAge) (rec.eligibility.maxAgeYears = readIctrpAge(maxAge, "max") || null), ev("eligibility.maxAgeYears", maxAge);
  const sex = oneLineText(f.Inclusion_gender);
  if (sex) (rec.eligibility.sex = readIctrpSex(sex)), ev("eligibility.sex", sex);

  // NCT records put both lists in Inclusion_Criteria ("Inclusion Criteria: … Exclusion Criteria: …").
  let inclusion = fieldText(f.Inclusion_Criteria);
  let exclusion = fieldText(f.Exclusion_Criteria);
  const split = /\bExclusion Criteria\s*:/i.exec(inclusion);
  if (split && !exclusion) {
    exclusion = inclusion.slice(split.index);
    inclusion = inclusion.slice(0, split.index);
  }
  rec.eligibility.inclusion = criteriaItems(inclusion);
  rec.eligibility.exclusion = criteriaItems(exclusion);

  const studyType = oneLineText(f.Study_type);
  if (studyType) (rec.studyType = normalizeStudyType(studyType)), ev("studyType", studyType);
  readDesign(oneLineText(f.Study_design), rec, ev);
  const phase = oneLineText(f.Phase);
  if (phase) (rec.phases = readIctrpPhases(phase)), ev("phases", phase);

  const countries = [...new Set(splitList(oneLineText(f.Countries)))];
  rec.locations = countries.map((country) => ({ facility: null, city: null, region: null, country }));
  // EUCTR appends its MedDRA coding ("MedDRA version: 9.1;Level: LLT;Classification code 10002034"), NL-OMON a bare code: not conditions.
  rec.conditions = [...new Set(splitList(fieldText(f.Condition), /\s*[;\n]\s*/).map((c) => c.replace(/^-\s*/, ""))
    .filter((c) => !/^\d+$/.test(c) && !/^(?:MedDRA version|Level|Classification code|Term|System Organ Class)\b/i.test(c)))];

  const first = oneLineText(f.Contact_Firstname);
  const last = oneLineText(f.Contact_Lastname);
  const name = [first, last].filter(Boolean).join(" ");
  if (name) {
    rec.contacts.push({
      role: "CONTACT", name, phone: oneLineText(f.Contact_Tel) || null, email: oneLineText(f.Contact_Email) || null,
      affiliation: oneLineText(f.Contact_Affiliation) || null,
    });
  }
  for (const [field, kind] of [["Primary_outcome", "PRIMARY"], ["Secondary_outcome", "SECONDARY"]] as const) {
    for (const measure of outcomeItems(fieldText(f[field]))) rec.outcomes.push({ kind, measure, timeFrame: null, description: null });
  }

  const arms = readIctrpArms(registry, f.Intervention, f.Target_size);
  rec.arms = arms.arms;
  rec.unlinked = arms.unlinked;
  rec.interventions = arms.names;
  if (arms.convention !== "none") ev("arms", `Intervention read as ${arms.convention}`);
  // No arm list: the dose reader reads what the interventions say, as a record of prose.
  if (!rec.arms.length) {
    rec.armsFrom = "prose";
    // (the interventions are handed to the dose reader as linked to no arm, not as the trial's prose)
    rec.noArmsWarning = "the ICTRP record names no groups: no dose groups could be read from its interventions";
  }
  readTargetSize(oneLineText(f.Target_size), arms.groupSizes, rec, ev);
  keepOnce(rec);
  return rec;
}

/**
 * ICTRP records repeat what the registry holds twice (an EUCTR exclusion list stated in two
 * places, `Drug: X;Drug: X`, two ChiCTR groups called "Control group"): a list item stated
 * again word for word is kept once, with a warning; two groups of one label keep both, the
 * second named by its place.
 */
function keepOnce(rec: SourceTrial): void {
  const once = <T>(list: T[], key: (t: T) => string, what: string): T[] => {
    const seen = new Set<string>();
    const kept = list.filter((t) => {
      const k = key(t).toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (kept.length < list.length) rec.warnings.push(`${list.length - kept.length} ${what} stated twice word for word in the ICTRP record: kept once`);
    return kept;
  };
  rec.eligibility.inclusion = once(rec.eligibility.inclusion, (s) => s, "inclusion criteria");
  rec.eligibility.exclusion = once(rec.eligibility.exclusion, (s) => s, "exclusion criteria");
  rec.outcomes = once(rec.outcomes, (o) => `${o.kind} ${o.measure}`, "outcomes");
  rec.interventions = [...new Set(rec.interventions)];
  rec.unlinked = rec.unlinked.filter((u, i) => rec.unlinked.findIndex((v) => v.name === u.name && v.description === u.description) === i);
  rec.conditions = once(rec.conditions, (s) => s, "conditions");
  const labels = new Set<string>();
  rec.arms.forEach((arm, i) => {
    const k = arm.label.toLowerCase();
    if (labels.has(k)) arm.label = `${arm.label} (group ${i + 1})`;
    labels.add(arm.label.toLowerCase());
  });
}

function readTargetSize(text: string, groups: { label: string; count: number }[], rec: SourceTrial, ev: (p: string, t: string, o?: "source" | "derived") => void): void {
  if (!text) return;
  if (/^\d{1,7}$/.test(text)) {
    rec.enrollment = { count: Number(text), type: null };
    ev("enrollment", `Target_size ${text}`);
  } else if (groups.length === 1) {
    rec.enrollment = { count: groups[0]!.count, type: null };
    ev("enrollment", `Target_size ${text}`);
  } else if (groups.length > 1) {
    // The sum of the groups' stated sizes: derived, with the words.
    rec.enrollment = { count: groups.reduce((n, g) => n + g.count, 0), type: null };
    ev("enrollment", `Target_size ${text} (the sum of the groups' sizes)`, "derived");
  } else {
    ev("enrollment", `Target_size ${text} (not read as one number)`);
  }
}

/**
 * Study_design: NCT records write "Allocation: Randomized. Intervention model: Parallel
 * Assignment. Masking: …" (read as stated); EUCTR/CTIS "Randomised: yes … Double blind: yes";
 * every other registry free text, read with the prose reader's design words, marked derived.
 */
function readDesign(text: string, rec: SourceTrial, ev: (p: string, t: string, o?: "source" | "derived") => void): void {
  if (!text) return;
  ev("design", text);
  const labelled = (label: string) => new RegExp(String.raw`\b${label}\s*:\s*([^.;,]+)`, "i").exec(text)?.[1]?.trim() ?? null;
  const set = <K extends keyof SourceTrial["design"]>(k: K, v: SourceTrial["design"][K] | null, words: string, origin: "source" | "derived") => {
    if (v === null || rec.design[k] !== null) return;
    rec.design[k] = v;
    ev(`design.${k}`, words, origin);
  };
  const allocation = labelled("Allocation");
  if (allocation) set("allocation", normalizeAllocation(allocation), `Allocation: ${allocation}`, "source");
  const model = labelled("Intervention model");
  if (model) set("interventionModel", normalizeInterventionModel(model), `Intervention model: ${model}`, "source");
  const masking = /\bMasking\s*:\s*([^.;]+)/i.exec(text)?.[1]?.trim();
  if (masking) set("masking", normalizeMasking(masking) ?? (/^open\b/i.test(masking) ? "NONE" : null), `Masking: ${masking}`, "source");
  const purpose = labelled("Primary purpose");
  if (purpose && /^[A-Za-z ]{3,40}$/.test(purpose)) (rec.primaryPurpose = purpose.toUpperCase().replace(/[^A-Z]+/g, "_")), ev("primaryPurpose", purpose);
  // EUCTR / CTIS: "Randomised: yes", "Double blind: yes", "Open: yes", "Parallel group: yes".
  const yes = (label: string) => new RegExp(String.raw`\b${label}\s*:\s*yes\b`, "i").test(text);
  const no = (label: string) => new RegExp(String.raw`\b${label}\s*:\s*no\b`, "i").test(text);
  if (yes("Randomised")) set("allocation", "RANDOMIZED", "Randomised: yes", "source");
  else if (no("Randomised") && yes("Controlled")) set("allocation", "NON_RANDOMIZED", "Randomised: no", "source");
  if (yes("Double blind")) set("masking", "DOUBLE", "Double blind: yes", "source");
  else if (yes("Single blind")) set("masking", "SINGLE", "Single blind: yes", "source");
  else if (yes("Open")) set("masking", "NONE", "Open: yes", "source");
  if (yes("Parallel group")) set("interventionModel", "PARALLEL", "Parallel group: yes", "source");
  else if (yes("Cross over")) set("interventionModel", "CROSSOVER", "Cross over: yes", "source");
  // Free text: the prose reader's design words ("Non randomized" read as one word first).
  const prose = text.replace(/\bnon\s+randomi([sz])/gi, "non-randomi$1");
  const open = /\bopen\s*\(\s*masking not used\s*\)/i.exec(prose);
  if (open) set("masking", "NONE", open[0], "derived");
  for (const [k, read] of [["allocation", readAllocation], ["masking", readMasking], ["interventionModel", readInterventionModel]] as const) {
    const found = read(prose);
    if (found) set(k, found.value as never, found.text, "derived");
  }
  const model2 = normalizeInterventionModel(text);
  if (model2) set("interventionModel", model2, text, "source"); // ChiCTR "Parallel", "Sequential", "Factorial"
}
