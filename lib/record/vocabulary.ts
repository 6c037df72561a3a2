/**
 * The registry's vocabulary: every enum of the public record (ClinicalTrials.gov API v2
 * values, shared/spec/trial-record.md) and the one table of how a person reads each
 * value. The importer maps source wording onto these; the pages, search and exports
 * read them from here.
 */

export const OVERALL_STATUSES = [
  "NOT_YET_RECRUITING", "RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING", "COMPLETED",
  "SUSPENDED", "TERMINATED", "WITHDRAWN", "UNKNOWN", "AVAILABLE", "NO_LONGER_AVAILABLE",
  "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD",
] as const;
export type OverallStatus = (typeof OVERALL_STATUSES)[number];

export const PHASES = ["EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"] as const;
export type Phase = (typeof PHASES)[number];

/** Phases in trial order (PHASES is in that order): ["PHASE3", "PHASE2"] → ["PHASE2", "PHASE3"]. */
export function sortPhases(phases: string[]): Phase[] {
  return [...phases].sort((a, b) => PHASES.indexOf(a as Phase) - PHASES.indexOf(b as Phase)) as Phase[];
}
export const STUDY_TYPES = ["INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"] as const;
export const ALLOCATIONS = ["RANDOMIZED", "NON_RANDOMIZED", "NA"] as const;
export const INTERVENTION_MODELS = ["SINGLE_GROUP", "PARALLEL", "CROSSOVER", "FACTORIAL", "SEQUENTIAL"] as const;
export const MASKINGS = ["NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE"] as const;
export const SEXES = ["ALL", "FEMALE", "MALE"] as const;
export const ARM_TYPES = [
  "EXPERIMENTAL", "ACTIVE_COMPARATOR", "PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION", "OTHER",
] as const;
export type ArmType = (typeof ARM_TYPES)[number];
export const ENROLLMENT_TYPES = ["ESTIMATED", "ACTUAL"] as const;
export type EnrollmentType = (typeof ENROLLMENT_TYPES)[number];
export const PRODUCTS = ["MSC", "PLACEBO"] as const;
export type Product = (typeof PRODUCTS)[number];
/** How an arm's MSCs reach the patient (OTHER: another route, or more than one stated). */
export const ROUTES = ["PERIPHERAL_VEIN", "HEPATIC_ARTERY", "PORTAL_VEIN", "INTRAHEPATIC", "INTRASPLENIC", "OTHER"] as const;
export type Route = (typeof ROUTES)[number];
/** The tissue an arm's MSCs come from (OTHER: another tissue, or more than one stated). */
export const CELL_SOURCES = ["UMBILICAL_CORD", "CORD_BLOOD", "BONE_MARROW", "ADIPOSE", "MENSTRUAL_BLOOD", "PLACENTA", "OTHER"] as const;
export type CellSource = (typeof CELL_SOURCES)[number];
/** Whose cells: the patient's own, or a donor's. */
export const CELL_ORIGINS = ["AUTOLOGOUS", "ALLOGENEIC"] as const;
export type CellOrigin = (typeof CELL_ORIGINS)[number];
/** One MSC infusion, or more than one (the list's dosing facet). */
export const DOSINGS = ["SINGLE_INFUSION", "REPEATED_INFUSIONS"] as const;
export type Dosing = (typeof DOSINGS)[number];
/** The dosing of an arm of this many MSC infusions: one is single, more repeated; none or not reported is neither. */
export function dosingOf(infusions: number | null): Dosing | null {
  return infusions === 1 ? "SINGLE_INFUSION" : infusions !== null && infusions > 1 ? "REPEATED_INFUSIONS" : null;
}

/** Each value as a person reads it (display and search text alike). */
export const LABELS: Record<string, string> = {
  NOT_YET_RECRUITING: "Not yet recruiting", RECRUITING: "Recruiting", ENROLLING_BY_INVITATION: "Enrolling by invitation",
  ACTIVE_NOT_RECRUITING: "Active, not recruiting", COMPLETED: "Completed", SUSPENDED: "Suspended",
  TERMINATED: "Terminated", WITHDRAWN: "Withdrawn", UNKNOWN: "Unknown status",
  EARLY_PHASE1: "Early Phase 1", PHASE1: "Phase 1", PHASE2: "Phase 2", PHASE3: "Phase 3", PHASE4: "Phase 4", NA: "Not applicable",
  RANDOMIZED: "Randomized", NON_RANDOMIZED: "Non-randomized",
  SINGLE_GROUP: "Single group", PARALLEL: "Parallel", CROSSOVER: "Crossover", FACTORIAL: "Factorial", SEQUENTIAL: "Sequential",
  NONE: "None (open label)", SINGLE: "Single blind", DOUBLE: "Double blind", TRIPLE: "Triple blind", QUADRUPLE: "Quadruple blind",
  ALL: "All", FEMALE: "Female", MALE: "Male",
  EXPERIMENTAL: "Experimental", ACTIVE_COMPARATOR: "Active comparator", PLACEBO_COMPARATOR: "Placebo comparator",
  SHAM_COMPARATOR: "Sham comparator", NO_INTERVENTION: "No intervention", OTHER: "Other",
  MSC: "MSC", PLACEBO: "Placebo", ESTIMATED: "estimated", ACTUAL: "actual",
  INTERVENTIONAL: "Interventional", OBSERVATIONAL: "Observational", EXPANDED_ACCESS: "Expanded access",
  UMBILICAL_CORD: "Umbilical cord", CORD_BLOOD: "Umbilical cord blood", BONE_MARROW: "Bone marrow",
  ADIPOSE: "Adipose tissue", PLACENTA: "Placenta", MENSTRUAL_BLOOD: "Menstrual blood",
  PERIPHERAL_VEIN: "Peripheral vein", HEPATIC_ARTERY: "Hepatic artery", PORTAL_VEIN: "Portal vein",
  INTRAHEPATIC: "Into the liver", INTRASPLENIC: "Into the spleen", AUTOLOGOUS: "Autologous", ALLOGENEIC: "Allogeneic",
  SINGLE_INFUSION: "Single infusion", REPEATED_INFUSIONS: "Repeated infusions",
};
