import fs from "node:fs";
import path from "node:path";

/** A real record of ../shared/ctgov/classic and what a registrant's amendment of it would change. */
export const CLASSIC = path.join(process.cwd(), "..", "shared", "ctgov", "classic");
export const EDITED_ID = "NCT03945487";
export const ADDED_CRITERION = "Serum alanine aminotransferase below 10 times the upper limit of normal";

export const originalText = () => fs.readFileSync(path.join(CLASSIC, `${EDITED_ID}.json`), "utf8");

/** The edited copy: status, registry dates, enrollment, the MSC dose and schedule, one criterion added. */
export function editedCopy(text: string): string {
  const doc = JSON.parse(text);
  const p = (doc.FullStudiesResponse ? doc.FullStudiesResponse.FullStudies[0].Study : doc.Study ?? doc).ProtocolSection;
  p.StatusModule.OverallStatus = "Completed";
  p.StatusModule.StatusVerifiedDate = "March 2021";
  p.StatusModule.LastUpdatePostDateStruct.LastUpdatePostDate = "March 3, 2021";
  p.DesignModule.EnrollmentInfo = { EnrollmentCount: "150", EnrollmentType: "Actual" };
  const iv = p.ArmsInterventionsModule.InterventionList.Intervention[0];
  iv.InterventionDescription = iv.InterventionDescription
    .replace("1.0*10E6", "2.0*10E6").replace("three times at 3-week intervals", "four times at 4-week intervals");
  p.EligibilityModule.EligibilityCriteria = p.EligibilityModule.EligibilityCriteria.replace("Age 18-69 years;", `Age 18-69 years;\n${ADDED_CRITERION};`);
  return JSON.stringify(doc, null, 2);
}
