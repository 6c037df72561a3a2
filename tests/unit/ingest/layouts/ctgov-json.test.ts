import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { importSource } from "@/lib/ingest/pipeline";
import { splitEligibility } from "@/lib/ingest/layouts/ctgov-json";

/**
 * The two ClinicalTrials.gov JSON layouts on small studies written for these tests
 * (tests/fixtures/ctgov-v2/, tests/fixtures/ctgov-classic-json/): every field, every
 * enum wording, every envelope, and the documents they refuse.
 */

const FIX = path.join(process.cwd(), "tests", "fixtures");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const v2 = (): Json => JSON.parse(fs.readFileSync(path.join(FIX, "ctgov-v2", "six-arms", "input.json"), "utf8"));
const classicEnvelope = (): Json => JSON.parse(fs.readFileSync(path.join(FIX, "ctgov-classic-json", "six-arms", "input.json"), "utf8"));
const classic = (): Json => classicEnvelope().FullStudiesResponse.FullStudies[0].Study;
const read = (doc: unknown, file = "study.json") => importSource(Buffer.from(JSON.stringify(doc)), file);
const refusal = (doc: unknown): string => {
  try {
    read(doc);
  } catch (e) {
    if (e instanceof ImportError) return e.format();
    throw e;
  }
  throw new Error("not refused");
};

describe("ClinicalTrials.gov API v2 study JSON", () => {
  const { record: r, evidence, warnings } = read(v2(), "six-arms.json");

  it("reads identity, status, design and dates exactly", () => {
    expect(r.source).toEqual({ file: "six-arms.json", format: "ctgov-v2" });
    expect(r.id).toBe("NCT09000001");
    expect(r.nctId).toBe("NCT09000001");
    expect(r.otherIds).toEqual(["UCMSC-ACLF-01", "2024-000123-45"]);
    expect(r.title).toBe("Umbilical Cord MSC in Acute-on-chronic Liver Failure");
    // Markdown escapes of API v2 text are removed.
    expect(r.officialTitle).toBe("A Randomized Trial of Umbilical Cord Mesenchymal Stem Cells (UC-MSC) in ACLF");
    expect(r.acronym).toBe("UC-ACLF");
    expect(r.sponsor).toBe("Example University Hospital");
    expect(r.overallStatus).toBe("RECRUITING");
    expect(r.phases).toEqual(["PHASE1", "PHASE2"]);
    expect(r.studyType).toBe("INTERVENTIONAL");
    expect(r.primaryPurpose).toBe("TREATMENT");
    expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "DOUBLE" });
    expect(r.enrollment).toEqual({ count: 120, type: "ESTIMATED" });
    expect(r.dates).toEqual({ start: "2024-03-15", primaryCompletion: "2025-12", completion: "2026-06-30" });
    expect(evidence["dates.primaryCompletion"]).toEqual({ origin: "source", text: "2025-12" });
    expect(evidence.overallStatus).toEqual({ origin: "source", text: "RECRUITING" });
    expect(warnings).toEqual([]);
  });

  it("reads eligibility, conditions, outcomes, contacts and locations exactly", () => {
    const { thresholds, ...eligibility } = r.eligibility;
    expect(eligibility).toEqual({
      minAgeYears: 18, maxAgeYears: 70, sex: "ALL", healthyVolunteers: false,
      inclusion: ["Age 18 to 70 years", "ACLF according to APASL (2019)", "Total bilirubin >= 5 mg/dL"],
      exclusion: ["Hepatocellular carcinoma", "Pregnancy"],
    });
    // The shared threshold reader runs on JSON criteria as on text pages.
    expect(thresholds.map((t) => [t.analyte, t.op, t.value, t.max, t.unit, t.text])).toEqual([
      ["AGE", "between", 18, 70, "a", "Age 18 to 70 years"],
      ["TBIL", ">=", 5, null, "mg/dL", "Total bilirubin >= 5 mg/dL"],
    ]);
    expect(r.conditions).toEqual(["Acute-On-Chronic Liver Failure", "Hepatitis B"]);
    expect(r.keywords).toEqual(["UC-MSC", "ACLF"]);
    expect(r.interventions).toEqual(["Biological: UC-MSC", "Procedure: Plasma exchange", "Drug: Saline", "Other: Sham infusion"]);
    expect(r.briefSummary).toBe("This study tests umbilical cord mesenchymal stem cells in ACLF.");
    expect(r.description).toBe("Patients are randomized to six arms.");
    expect(r.outcomes).toEqual([
      { kind: "PRIMARY", measure: "Survival", timeFrame: "90 days", description: "Transplant-free survival" },
      { kind: "SECONDARY", measure: "MELD score", timeFrame: "Week 4", description: null },
      { kind: "OTHER", measure: "Adverse events", timeFrame: "1 year", description: "Any adverse event" },
    ]);
    expect(r.contacts).toEqual([
      { role: "CENTRAL", name: "Li Wei, MD", phone: "+86 10 5555 0100 ext. 12", email: "li.wei@example.org", affiliation: null },
      { role: "PRINCIPAL_INVESTIGATOR", name: "Zhang Min, MD", phone: null, email: null, affiliation: "Example University Hospital" },
      { role: "SITE", name: "Wang Fang", phone: null, email: "wang.fang@example.org", affiliation: "Example University Hospital" },
    ]);
    expect(r.locations).toEqual([
      {
        facility: "Example University Hospital", city: "Beijing", region: "Beijing", country: "China", countryCode: "CN", status: "RECRUITING",
        contacts: [{ name: "Wang Fang", phone: null, email: "wang.fang@example.org" }],
        // The fixture's site has no geoPoint: the gazetteer's Beijing, approximate.
        geo: { status: "matched", lat: 39.9075, lon: 116.39723, source: "gazetteer", approximate: true, candidates: 1 },
      },
      {
        facility: "Second Example Hospital", city: "Lyon", region: null, country: "France", countryCode: "FR",
        geo: { status: "matched", lat: 45.74846, lon: 4.84671, source: "gazetteer", approximate: true, candidates: 1 },
      },
    ]);
    expect(r.cellSource).toBe("UMBILICAL_CORD");
  });

  it("keeps arm labels and types as registered; the MSC dose comes from the prose reader", () => {
    expect(r.arms.map((a) => [a.label, a.type])).toEqual([
      ["UC-MSC", "EXPERIMENTAL"], ["Plasma exchange", "ACTIVE_COMPARATOR"], ["Placebo", "PLACEBO_COMPARATOR"],
      ["Sham", "SHAM_COMPARATOR"], ["Standard care", "NO_INTERVENTION"], ["Observation", "OTHER"],
    ]);
    expect(r.arms[0]!.description).toBe("Standard medical treatment plus UC-MSC 1.0×10^6 cells/kg, one infusion.");
    expect(r.arms[0]!.doses[0]!.product).toBe("MSC");
    expect(r.arms[0]!.doses[0]!.cellsPerKg).toBe(1_000_000);
    // Plasma exchange is not an MSC dose; nobody without cells gets one.
    expect(r.arms.slice(1).flatMap((a) => a.doses).filter((d) => d.product === "MSC")).toEqual([]);
    expect(r.arms[4]!.doses).toEqual([]);
  });

  it("maps every enum value of API v2", () => {
    const cases: [string[], unknown, (r: Json) => unknown][] = [
      [["statusModule", "overallStatus"], "ACTIVE_NOT_RECRUITING", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "NOT_YET_RECRUITING", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "ENROLLING_BY_INVITATION", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "COMPLETED", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "SUSPENDED", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "TERMINATED", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "WITHDRAWN", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "UNKNOWN", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "AVAILABLE", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "NO_LONGER_AVAILABLE", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "TEMPORARILY_NOT_AVAILABLE", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "APPROVED_FOR_MARKETING", (x) => x.overallStatus],
      [["statusModule", "overallStatus"], "WITHHELD", (x) => x.overallStatus],
      [["designModule", "studyType"], "OBSERVATIONAL", (x) => x.studyType],
      [["designModule", "studyType"], "EXPANDED_ACCESS", (x) => x.studyType],
      [["designModule", "designInfo", "allocation"], "NON_RANDOMIZED", (x) => x.design.allocation],
      [["designModule", "designInfo", "allocation"], "NA", (x) => x.design.allocation],
      [["designModule", "designInfo", "interventionModel"], "SINGLE_GROUP", (x) => x.design.interventionModel],
      [["designModule", "designInfo", "interventionModel"], "CROSSOVER", (x) => x.design.interventionModel],
      [["designModule", "designInfo", "interventionModel"], "FACTORIAL", (x) => x.design.interventionModel],
      [["designModule", "designInfo", "interventionModel"], "SEQUENTIAL", (x) => x.design.interventionModel],
      [["designModule", "designInfo", "maskingInfo", "masking"], "NONE", (x) => x.design.masking],
      [["designModule", "designInfo", "maskingInfo", "masking"], "SINGLE", (x) => x.design.masking],
      [["designModule", "designInfo", "maskingInfo", "masking"], "TRIPLE", (x) => x.design.masking],
      [["designModule", "designInfo", "maskingInfo", "masking"], "QUADRUPLE", (x) => x.design.masking],
      [["eligibilityModule", "sex"], "FEMALE", (x) => x.eligibility.sex],
      [["eligibilityModule", "sex"], "MALE", (x) => x.eligibility.sex],
      [["designModule", "enrollmentInfo", "type"], "ACTUAL", (x) => x.enrollment.type],
    ];
    for (const [keys, value, get] of cases) {
      const doc = v2();
      let o = doc.protocolSection;
      for (const k of keys.slice(0, -1)) o = o[k];
      o[keys[keys.length - 1]!] = value;
      expect(get(read(doc).record), keys.join(".")).toBe(value);
    }
    const phases = v2();
    for (const [given, want] of [[["EARLY_PHASE1"], ["EARLY_PHASE1"]], [["PHASE3", "PHASE4"], ["PHASE3", "PHASE4"]], [["NA"], ["NA"]]]) {
      phases.protocolSection.designModule.phases = given;
      expect(read(phases).record.phases).toEqual(want);
    }
    const hv = v2();
    hv.protocolSection.eligibilityModule.healthyVolunteers = true;
    expect(read(hv).record.eligibility.healthyVolunteers).toBe(true);
    delete hv.protocolSection.eligibilityModule.healthyVolunteers;
    expect(read(hv).record.eligibility.healthyVolunteers).toBe(null);
  });

  it("accepts one study, an array of one, an API page of one, and a bare protocolSection", () => {
    const one = v2();
    for (const doc of [one, [one], { studies: [one], nextPageToken: "abc", totalCount: 1 }, one.protocolSection]) {
      expect(read(doc).record.id).toBe("NCT09000001");
    }
  });

  it("refuses several studies in one record, no NCT id, a document that is not a study, and bad JSON", () => {
    expect(refusal({ studies: [v2(), v2()] })).toBe("study.json: the document holds 2 studies; `npm run import` reads them one by one");
    const noId = v2();
    delete noId.protocolSection.identificationModule.nctId;
    expect(refusal(noId)).toBe("study.json: nctId: the study has no NCT id (identificationModule.nctId)");
    expect(refusal({ hello: "world" })).toMatch(/^study\.json: a JSON document that is not a ClinicalTrials\.gov study/);
    expect(() => importSource(Buffer.from('{"protocolSection": {"identificationModule": {"nctId": "NCT09000001",}}}'), "bad.json"))
      .toThrow(/^not valid JSON: /);
  });
});

describe("ClinicalTrials.gov classic (v1) full-study JSON", () => {
  const { record: r, evidence } = read(classicEnvelope(), "six-arms.json");

  it("reads every field of the readable classic wording exactly", () => {
    expect(r.source).toEqual({ file: "six-arms.json", format: "ctgov-classic-json" });
    expect(r.id).toBe("NCT09000002");
    expect(r.otherIds).toEqual(["BM-MSC-2010", "2010CB945600"]);
    expect(r.title).toBe("Bone Marrow MSC for Decompensated Cirrhosis");
    expect(r.officialTitle).toBe("Autologous Bone Marrow Mesenchymal Stem Cells in Decompensated Liver Cirrhosis");
    expect(r.acronym).toBe("BM-CIRR");
    expect(r.sponsor).toBe("Example Medical College");
    expect(r.overallStatus).toBe("UNKNOWN");
    expect(evidence.overallStatus).toEqual({ origin: "source", text: "Unknown status" });
    expect(r.phases).toEqual(["PHASE2", "PHASE3"]);
    expect(r.studyType).toBe("INTERVENTIONAL");
    expect(r.primaryPurpose).toBe("SUPPORTIVE_CARE");
    expect(r.design).toEqual({ allocation: "NON_RANDOMIZED", interventionModel: "SEQUENTIAL", masking: "NONE" });
    // "Anticipated" is ESTIMATED; the count is a string in this format.
    expect(r.enrollment).toEqual({ count: 60, type: "ESTIMATED" });
    expect(evidence.enrollment).toEqual({ origin: "source", text: "60 (Anticipated)" });
    // Dates at the precision given: "October 2010" is a month.
    expect(r.dates).toEqual({ start: "2010-10", primaryCompletion: "2011-12", completion: "2012-06-30" });
    expect(r.eligibility).toEqual({
      minAgeYears: 0.5, maxAgeYears: 65, sex: "MALE", healthyVolunteers: false,
      inclusion: ["Decompensated cirrhosis", "Age between 6 months and 65 years"],
      exclusion: ["Hepatocellular carcinoma", "HIV infection", "Pregnancy"],
      thresholds: [],
    });
    expect(r.conditions).toEqual(["Liver Cirrhosis"]);
    expect(r.keywords).toEqual(["BM-MSC", "cirrhosis", "stem cell"]);
    expect(r.interventions).toEqual(["Biological: BM-MSC", "Drug: Entecavir"]);
    expect(r.outcomes).toEqual([
      { kind: "PRIMARY", measure: "Child-Pugh score", timeFrame: "24 weeks", description: null },
      { kind: "SECONDARY", measure: "Albumin", timeFrame: "12 weeks", description: "Serum albumin" },
      { kind: "OTHER", measure: "Liver stiffness", timeFrame: "48 weeks", description: null },
    ]);
    expect(r.contacts).toEqual([
      { role: "CENTRAL", name: "Chen Jie, MD", phone: "86-20-5555-0100", email: "chen.jie@example.org", affiliation: null },
      { role: "STUDY_DIRECTOR", name: "Liu Yang, PhD", phone: null, email: null, affiliation: "Example Medical College" },
      { role: "SITE", name: "Huang Lei", phone: "86-20-5555-0200 ext. 8", email: null, affiliation: "Example Medical College Hospital" },
    ]);
    expect(r.locations).toEqual([{
      facility: "Example Medical College Hospital", city: "Guangzhou", region: "Guangdong", country: "China", postalCode: "510000", countryCode: "CN",
      contacts: [{ name: "Huang Lei", phone: "86-20-5555-0200 ext. 8", email: null }],
      geo: { status: "matched", lat: 23.11667, lon: 113.25, source: "gazetteer", approximate: true, candidates: 1 },
    }]);
    expect(r.cellSource).toBe("BONE_MARROW");
  });

  it("keeps arm labels and types; reads the MSC dose from the linked intervention's text, never the drug's", () => {
    expect(r.arms.map((a) => [a.label, a.type, a.description])).toEqual([
      ["BM-MSC", "EXPERIMENTAL", "Conventional treatment plus BM-MSC."],
      ["Conventional", "ACTIVE_COMPARATOR", "Conventional treatment with antiviral drugs."],
      ["Placebo", "PLACEBO_COMPARATOR", "Saline infusion."],
      ["Sham", "SHAM_COMPARATOR", "Sham bone marrow aspiration."],
      ["No treatment", "NO_INTERVENTION", null],
      ["Registry", "OTHER", "Followed up only."],
    ]);
    expect(r.arms[0]!.doses.map((d) => [d.product, d.cellsPerKg])).toEqual([["MSC", 500_000]]);
    expect(r.arms[1]!.doses).toEqual([]); // entecavir 0.5 mg is not a cell dose
    expect(r.arms[2]!.doses.map((d) => d.product)).toEqual(["PLACEBO"]);
  });

  it("links an intervention whose name other interventions share only to the arms it lists", () => {
    const doc = classic();
    const aim = doc.ProtocolSection.ArmsInterventionsModule;
    aim.ArmGroupList.ArmGroup = [
      { ArmGroupLabel: "Low", ArmGroupType: "Experimental", ArmGroupInterventionList: { ArmGroupInterventionName: ["Biological: MSC"] } },
      { ArmGroupLabel: "High", ArmGroupType: "Experimental", ArmGroupInterventionList: { ArmGroupInterventionName: ["Biological: MSC"] } },
    ];
    aim.InterventionList.Intervention = [
      { InterventionType: "Biological", InterventionName: "MSC", InterventionDescription: "1x10^6 cells/kg, once.", InterventionArmGroupLabelList: { InterventionArmGroupLabel: ["Low"] } },
      { InterventionType: "Biological", InterventionName: "MSC", InterventionDescription: "4x10^6 cells/kg on days 0 and 7.", InterventionArmGroupLabelList: { InterventionArmGroupLabel: ["High"] } },
    ];
    const { record } = read({ FullStudiesResponse: { FullStudies: [{ Study: doc }] } });
    expect(record.arms.map((a) => a.doses.map((d) => [d.cellsPerKg, d.infusions, d.dayOffsets]))).toEqual([
      [[1_000_000, 1, [0]]],
      [[4_000_000, 2, [0, 7]]],
    ]);
    expect(record.warnings.filter((w) => /linked intervention/.test(w))).toEqual([]);
  });

  it("maps every readable enum wording of the classic format", () => {
    const cases: [string[], string, unknown, (x: Json) => unknown][] = [
      ...([
        ["Not yet recruiting", "NOT_YET_RECRUITING"], ["Recruiting", "RECRUITING"], ["Enrolling by invitation", "ENROLLING_BY_INVITATION"],
        ["Active, not recruiting", "ACTIVE_NOT_RECRUITING"], ["Completed", "COMPLETED"], ["Suspended", "SUSPENDED"],
        ["Terminated", "TERMINATED"], ["Withdrawn", "WITHDRAWN"], ["Unknown status", "UNKNOWN"], ["Available", "AVAILABLE"],
        ["No longer available", "NO_LONGER_AVAILABLE"], ["Temporarily not available", "TEMPORARILY_NOT_AVAILABLE"],
        ["Approved for marketing", "APPROVED_FOR_MARKETING"], ["Withheld", "WITHHELD"],
      ] as const).map(([w, v]): [string[], string, unknown, (x: Json) => unknown] => [["StatusModule", "OverallStatus"], w, v, (x) => x.overallStatus]),
      [["DesignModule", "StudyType"], "Observational", "OBSERVATIONAL", (x) => x.studyType],
      [["DesignModule", "StudyType"], "Expanded Access", "EXPANDED_ACCESS", (x) => x.studyType],
      [["DesignModule", "DesignInfo", "DesignAllocation"], "Randomized", "RANDOMIZED", (x) => x.design.allocation],
      [["DesignModule", "DesignInfo", "DesignAllocation"], "N/A", "NA", (x) => x.design.allocation],
      [["DesignModule", "DesignInfo", "DesignInterventionModel"], "Single Group Assignment", "SINGLE_GROUP", (x) => x.design.interventionModel],
      [["DesignModule", "DesignInfo", "DesignInterventionModel"], "Parallel Assignment", "PARALLEL", (x) => x.design.interventionModel],
      [["DesignModule", "DesignInfo", "DesignInterventionModel"], "Crossover Assignment", "CROSSOVER", (x) => x.design.interventionModel],
      [["DesignModule", "DesignInfo", "DesignInterventionModel"], "Factorial Assignment", "FACTORIAL", (x) => x.design.interventionModel],
      [["DesignModule", "DesignInfo", "DesignMaskingInfo", "DesignMasking"], "Single", "SINGLE", (x) => x.design.masking],
      [["DesignModule", "DesignInfo", "DesignMaskingInfo", "DesignMasking"], "Double", "DOUBLE", (x) => x.design.masking],
      [["DesignModule", "DesignInfo", "DesignMaskingInfo", "DesignMasking"], "Triple", "TRIPLE", (x) => x.design.masking],
      [["DesignModule", "DesignInfo", "DesignMaskingInfo", "DesignMasking"], "Quadruple", "QUADRUPLE", (x) => x.design.masking],
      [["EligibilityModule", "Gender"], "All", "ALL", (x) => x.eligibility.sex],
      [["EligibilityModule", "Gender"], "Female", "FEMALE", (x) => x.eligibility.sex],
      [["EligibilityModule", "HealthyVolunteers"], "Accepts Healthy Volunteers", true, (x) => x.eligibility.healthyVolunteers],
      [["DesignModule", "EnrollmentInfo", "EnrollmentType"], "Actual", "ACTUAL", (x) => x.enrollment.type],
      [["DesignModule", "DesignInfo", "DesignPrimaryPurpose"], "Basic Science", "BASIC_SCIENCE", (x) => x.primaryPurpose],
    ];
    for (const [keys, wording, value, get] of cases) {
      const doc = classic();
      let o = doc.ProtocolSection;
      for (const k of keys.slice(0, -1)) o = o[k];
      o[keys[keys.length - 1]!] = wording;
      expect(get(read(doc).record), wording).toBe(value);
    }
    for (const [given, want] of [[["Early Phase 1"], ["EARLY_PHASE1"]], [["Phase 1"], ["PHASE1"]], [["Phase 4"], ["PHASE4"]], [["Not Applicable"], ["NA"]]]) {
      const doc = classic();
      doc.ProtocolSection.DesignModule.PhaseList.Phase = given;
      expect(read(doc).record.phases).toEqual(want);
    }
  });

  it("accepts the envelope, a bare study, { Study } and the ProtocolSection alone", () => {
    const study = classic();
    for (const doc of [classicEnvelope(), study, { Study: study }, study.ProtocolSection]) {
      expect(read(doc).record.id).toBe("NCT09000002");
    }
  });

  it("refuses an envelope of several studies and a study without an NCT id", () => {
    const two = classicEnvelope();
    two.FullStudiesResponse.FullStudies.push(two.FullStudiesResponse.FullStudies[0]);
    expect(refusal(two)).toBe("study.json: the document holds 2 studies; `npm run import` reads them one by one");
    const noId = classic();
    delete noId.ProtocolSection.IdentificationModule.NCTId;
    expect(refusal(noId)).toBe("study.json: nctId: the study has no NCT id (identificationModule.nctId)");
  });
});

describe("splitEligibility", () => {
  it("splits at the headings; classic lines without bullets are one criterion each", () => {
    expect(splitEligibility("Inclusion criteria:\n\nMELD score of at least 10\nAge more than 18\n\nExclusion criteria:\n\nHCC")).toEqual({
      inclusion: ["MELD score of at least 10", "Age more than 18"], exclusion: ["HCC"], warnings: [],
    });
  });
  it("parts a classic item that ran into the next (the number was the lost list's)", () => {
    expect(splitEligibility("Inclusion Criteria:\n\nACLF;\nHBsAg positive;\nMELD scores ranging from 17-30,; 4.18-65 years of age.").inclusion)
      .toEqual(["ACLF", "HBsAg positive", "MELD scores ranging from 17-30", "18-65 years of age."]);
  });
  it("reads numbered and bulleted lists, \"Key Inclusion Criteria\", and text with no heading", () => {
    expect(splitEligibility("Key Inclusion Criteria:\n\n1. Adults\n2. Chronic AD\n\nKey Exclusion Criteria:\n\n* Pregnancy").inclusion)
      .toEqual(["Adults", "Chronic AD"]);
    expect(splitEligibility("Key Inclusion Criteria:\n\n1. Adults\n\nKey Exclusion Criteria:\n\n* Pregnancy").exclusion).toEqual(["Pregnancy"]);
    expect(splitEligibility("Adults with cirrhosis")).toEqual({
      inclusion: ["Adults with cirrhosis"], exclusion: [],
      warnings: ["the eligibility criteria have no \"Inclusion Criteria\" or \"Exclusion Criteria\" heading: read as inclusion criteria"],
    });
  });
});
