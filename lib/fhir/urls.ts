/**
 * The addresses the FHIR export names: code systems it codes with, and the project's own
 * extensions (documented in docs/fhir.md). Kept in one place so the mapper, the tests and
 * the documentation cannot drift apart.
 */

/** Our own extensions live under this address (a name, not a page that must resolve). */
export const PROJECT_FHIR_BASE = "https://msc-liver-registry.org/fhir";
export const ARM_DOSE_EXTENSION = `${PROJECT_FHIR_BASE}/StructureDefinition/arm-dose`;
export const OVERALL_STATUS_EXTENSION = `${PROJECT_FHIR_BASE}/StructureDefinition/ctgov-overall-status`;
/** The system of the registry's own trial ids (the permalink id of /trials/{id}). */
export const TRIAL_ID_SYSTEM = `${PROJECT_FHIR_BASE}/sid/trial-id`;

/** As in HL7's ClinicalTrials.gov examples: the NCT number's system. */
export const NCT_SYSTEM = "https://clinicaltrials.gov";
/** ClinicalTrials.gov's own enumerations, as HL7's R5 ClinicalTrials.gov example codes arm types. */
export const CTGOV_ENUM_SYSTEM = "https://clinicaltrials.gov/data-about-studies/study-data-structure";
export const PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";
export const PRIMARY_PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
export const TITLE_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/title-type";
export const DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const ADMINISTRATIVE_GENDER = "http://hl7.org/fhir/administrative-gender";
/** R5 elements carried in R4 by the cross-version extensions (as the R4 examples in shared/ctgov/fhir do). */
export const R5_LABEL_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.label";
export const R5_RECRUITMENT_EXTENSION = "http://hl7.org/fhir/5.0/StructureDefinition/extension-ResearchStudy.recruitment";

/** The media type of every FHIR answer. */
export const FHIR_JSON = "application/fhir+json; charset=utf-8";
