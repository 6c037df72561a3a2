import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jsonRefusal as refusal, readJson as read } from "@/tests/helpers/json-study";

/**
 * lib/ingest/layouts/ctgov-classic-json.ts on a small study written for these tests
 * (tests/fixtures/ctgov-classic-json/six-arms/input.json): every field, every enum wording,
 * every envelope, and the documents it refuses. Its whole record is also a golden case.
 */

const FIX = path.join(process.cwd(), "tests", "fixtures");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const classicEnvelope = (): Json => JSON.parse(fs.readFileSync(path.join(FIX, "ctgov-classic-json", "six-arms", "input.json"), "utf8"));
const classic = (): Json => classicEnvelope().FullStudiesResponse.FullStudies[0].Study;

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
