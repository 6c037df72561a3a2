import type { SourceTrial } from "../../source-record";
import { readIctrpTrial, type IctrpFields } from "./read";

/**
 * A ChiCTR XML download (`<trials>` → `<Triall>` → `main`, `contacts`, `criteria`, …: the
 * WHO Trial Registration Data Set that registries send to ICTRP) → the ICTRP field names,
 * then read as an ICTRP record, so both shapes are read by one mapping. `values` are the
 * record's fields by path under `<Triall>` (lib/ingest/layouts/ictrp/stream.ts).
 */
export function chictrXmlFields(values: Map<string, string[]>): IctrpFields {
  const one = (path: string) => values.get(path)?.find((v) => v.trim()) ?? undefined;
  const all = (path: string) => (values.get(path) ?? []).map((v) => v.trim()).filter(Boolean);
  // The first contact (ChiCTR lists the applicant, then the study leader).
  const contact = (field: string) => values.get(`contacts/contact/${field}`)?.[0];
  return {
    TrialID: one("main/trial_id"),
    Source_Register: one("main/reg_name"),
    Date_registration: one("main/date_registration"),
    Primary_sponsor: one("main/primary_sponsor"),
    Public_title: one("main/public_title"),
    Acronym: one("main/acronym"),
    Scientific_title: one("main/scientific_title"),
    Date_enrollement: one("main/date_enrolment"),
    Target_size: one("main/target_size"),
    Recruitment_Status: one("main/recruitment_status"),
    web_address: one("main/url"),
    Study_type: one("main/study_type"),
    Study_design: one("main/study_design"),
    Phase: one("main/phase"),
    Condition: [one("main/hc_freetext"), ...all("health_condition_keyword/hc_keyword")].filter(Boolean).join(";"),
    Intervention: one("main/i_freetext"),
    Contact_Firstname: contact("firstname"),
    Contact_Lastname: contact("lastname"),
    Contact_Address: contact("address"),
    Contact_Email: contact("email"),
    Contact_Tel: contact("telephone"),
    Contact_Affiliation: contact("affiliation"),
    Countries: all("countries/country2").join(";"),
    Inclusion_Criteria: one("criteria/inclusion_criteria"),
    Exclusion_Criteria: one("criteria/exclusion_criteria"),
    Inclusion_agemin: one("criteria/agemin"),
    Inclusion_agemax: one("criteria/agemax"),
    Inclusion_gender: one("criteria/gender"),
    Primary_outcome: all("primary_outcome/prim_outcome").join(";"),
    Secondary_outcome: all("secondary_outcome/sec_outcome").join(";"),
    Secondary_ID: all("secondary_ids/secondary_id/sec_id").join(";"),
  };
}

export function readChictrXml(values: Map<string, string[]>, file: string): SourceTrial {
  return readIctrpTrial(chictrXmlFields(values), file, "chictr-xml");
}
