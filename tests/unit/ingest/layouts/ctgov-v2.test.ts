import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { jsonRefusal as refusal, readJson as read } from "@/tests/helpers/json-study";

/**
 * lib/ingest/layouts/ctgov-v2.ts on a small study written for these tests
 * (tests/fixtures/ctgov-v2/six-arms/input.json): every field, every enum value, every
 * envelope, and the documents it refuses. Its whole record is also a golden case.
 */

const FIX = path.join(process.cwd(), "tests", "fixtures");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const v2 = (): Json => JSON.parse(fs.readFileSync(path.join(FIX, "ctgov-v2", "six-arms", "input.json"), "utf8"));

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
