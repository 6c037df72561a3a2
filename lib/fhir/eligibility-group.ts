import type { Group, GroupCharacteristic, Quantity } from "fhir/r4";
import type { TrialRecord } from "../record/schema";
import { ADMINISTRATIVE_GENDER, LOINC, UCUM } from "./urls";

/** The contained Group's id; ResearchStudy.enrollment points at it as `#eligibility`. */
export const ELIGIBILITY_GROUP_ID = "eligibility";

const years = (value: number): Quantity => ({ value, unit: "years", system: UCUM, code: "a" });

function ageCharacteristic(min: number | null, max: number | null): GroupCharacteristic | null {
  if (min === null && max === null) return null;
  return {
    code: { coding: [{ system: LOINC, code: "30525-0", display: "Age" }], text: "Age" },
    valueRange: { ...(min !== null && { low: years(min) }), ...(max !== null && { high: years(max) }) },
    exclude: false,
  };
}

function sexCharacteristic(sex: TrialRecord["eligibility"]["sex"]): GroupCharacteristic | null {
  if (sex === null) return null;
  // "ALL" has no administrative-gender code: it means any sex, said in words.
  const value = sex === "ALL"
    ? { text: "All" }
    : { coding: [{ system: ADMINISTRATIVE_GENDER, code: sex.toLowerCase() }], text: sex === "FEMALE" ? "Female" : "Male" };
  return { code: { coding: [{ system: LOINC, code: "46098-0", display: "Sex" }], text: "Sex" }, valueCodeableConcept: value, exclude: false };
}

const criterion = (kind: "Inclusion" | "Exclusion") => (text: string): GroupCharacteristic => ({
  code: { text: `${kind} criterion` },
  valueCodeableConcept: { text },
  // An exclusion criterion describes who is kept out of the group.
  exclude: kind === "Exclusion",
});

/**
 * Eligibility (and the enrollment count, as the group's quantity) as a definitional
 * Group (`actual: false`) to contain in the ResearchStudy: ages as a Range in years, sex,
 * healthy volunteers, then each criterion's text as registered. Null when the record
 * states none of these.
 */
export function toEligibilityGroup(record: TrialRecord): Group | null {
  const e = record.eligibility;
  const characteristic = [
    ageCharacteristic(e.minAgeYears, e.maxAgeYears),
    sexCharacteristic(e.sex),
    e.healthyVolunteers === null ? null : { code: { text: "Accepts healthy volunteers" }, valueBoolean: e.healthyVolunteers, exclude: false },
    ...e.inclusion.map(criterion("Inclusion")),
    ...e.exclusion.map(criterion("Exclusion")),
  ].filter((c): c is GroupCharacteristic => c !== null);
  if (!characteristic.length && !record.enrollment) return null;
  return {
    resourceType: "Group",
    id: ELIGIBILITY_GROUP_ID,
    type: "person",
    actual: false,
    name: "Eligibility criteria",
    ...(record.enrollment && { quantity: record.enrollment.count }),
    ...(characteristic.length ? { characteristic } : {}),
  };
}
