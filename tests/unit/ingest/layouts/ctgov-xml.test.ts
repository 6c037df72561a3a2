import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { studyDesignParts, unwrapTextblock } from "@/lib/ingest/layouts/ctgov-xml";
import type { TrialRecord } from "@/lib/record/schema";
import { classicToXml } from "@/tests/helpers/classic-to-xml";

/**
 * The ClinicalTrials.gov clinical_study XML layout (ctgov-xml): the golden fixtures' key
 * values by name, the 32 real records of ../shared/ctgov/xml (values checked by hand
 * against the files), and the same record from a classic JSON study and its XML copy.
 */

const FIX = path.join(process.cwd(), "tests", "fixtures", "ctgov-xml");
const SHARED = path.join(process.cwd(), "..", "shared", "ctgov");
const read = (file: string, name = path.basename(file)) => importSource(fs.readFileSync(file), name);
const doses = (r: TrialRecord) => r.arms.reduce((n, a) => n + a.doses.length, 0);

describe("the golden fixtures, by name", () => {
  it("msc-2023 (CRLF, &#xD; in text blocks): every field in the record's vocabulary, the MSC doses read by the one dose reader", () => {
    const { record: r, warnings } = read(path.join(FIX, "msc-2023", "input.xml"), "msc-2023.xml");
    expect(warnings).toEqual([]);
    expect(r.source).toEqual({ file: "msc-2023.xml", format: "ctgov-xml" });
    expect(r.otherIds).toEqual(["UC-MSC-ACLF-2019", "2019-001234-56", "ISRCTN12345678", "NCT09000030"]);
    expect(r.officialTitle).toBe("A Randomised, Placebo-controlled Trial of Umbilical Cord Mesenchymal Stem Cells & Standard Medical Therapy in HBV-related ACLF");
    expect([r.overallStatus, r.phases, r.studyType, r.primaryPurpose]).toEqual(["ACTIVE_NOT_RECRUITING", ["PHASE1", "PHASE2"], "INTERVENTIONAL", "TREATMENT"]);
    expect(r.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "DOUBLE" });
    expect(r.enrollment).toEqual({ count: 90, type: "ESTIMATED" });
    expect(r.dates).toEqual({ start: "2019-03-04", primaryCompletion: "2022-06-30", completion: "2023-12" });
    expect(r.eligibility).toMatchObject({
      minAgeYears: 18, maxAgeYears: 65, sex: "ALL", healthyVolunteers: false,
      inclusion: ["Age 18 to 65 years", "HBV-related ACLF as defined by APASL, with total bilirubin >= 5 mg/dL and INR >= 1.5", "Written informed consent"],
      exclusion: ["Hepatocellular carcinoma", "Pregnancy & breast-feeding"],
    });
    expect(r.description).toBe("Ninety patients are randomised 1:1:1 to two doses of UC-MSCs or placebo.\n\nCells are thawed at the bedside and infused through a peripheral vein over 30 minutes; patients are followed for 48 weeks.");
    expect(r.interventions).toEqual(["Biological: UC-MSC", "Drug: Normal saline", "Drug: Entecavir"]);
    expect(r.outcomes.map((o) => `${o.kind} ${o.measure} | ${o.timeFrame}`)).toEqual([
      "PRIMARY Transplant-free survival | 48 weeks", "SECONDARY Change in MELD score | Baseline, week 4, week 12", "OTHER Serious adverse events | 48 weeks",
    ]);
    expect(r.contacts).toEqual([
      { role: "CENTRAL", name: "Li Chen", phone: "+86 10 1234 5678 ext. 201", email: "trials@example.org", affiliation: null },
      { role: "PRINCIPAL_INVESTIGATOR", name: "Wei Zhang, MD", phone: null, email: null, affiliation: "Example Liver Hospital" },
      { role: "SITE", name: "Ming Wang", phone: null, email: "site@example.org", affiliation: "Example Liver Hospital" },
    ]);
    expect(r.locations).toEqual([
      {
        facility: "Example Liver Hospital", city: "Beijing", region: "Beijing", country: "China", postalCode: "100039", countryCode: "CN",
        status: "ACTIVE_NOT_RECRUITING", contacts: [{ name: "Ming Wang", phone: null, email: "site@example.org" }],
        // No geoPoint in the XML: Beijing from the gazetteer (GeoNames 1816670), a town centre, approximate.
        geo: { status: "matched", lat: 39.9075, lon: 116.39723, source: "gazetteer", approximate: true, candidates: 1 },
      },
      {
        facility: "Second Example Hospital", city: "Shanghai", region: null, country: "China", countryCode: "CN",
        geo: { status: "matched", lat: 31.22222, lon: 121.45806, source: "gazetteer", approximate: true, candidates: 1 },
      },
    ]);
    expect(r.references).toEqual([{ pmid: "10000001", citation: "Example A, et al. UC-MSC in ACLF. J Hepatol. 2018;1:1-10.", type: null }]);
    expect(r.results).toEqual({ posted: false, firstPosted: null });
    expect(r.cellSource).toBe("UMBILICAL_CORD");
    expect(r.arms.map((a) => [a.label, a.type, a.summary.cellsPerKgPerInfusion, a.summary.activeInfusions, a.summary.cumulativeCellsPerKg])).toEqual([
      ["Low dose UC-MSC", "EXPERIMENTAL", 1e6, 4, 4e6],
      ["High dose UC-MSC", "EXPERIMENTAL", 5e6, 4, 2e7],
      ["Placebo", "PLACEBO_COMPARATOR", null, 0, null],
    ]);
    expect(r.arms[0]!.doses[0]!.text).toBe("1.0 × 10^6 cells/kg … once a week for 4 weeks");
  });

  it("msc-2023 with LF line ends gives the same record", () => {
    const crlf = fs.readFileSync(path.join(FIX, "msc-2023", "input.xml"), "utf8");
    expect(crlf).toContain("\r\n");
    const lf = importSource(Buffer.from(crlf.replace(/\r\n/g, "\n")), "msc-2023.xml");
    expect(lf.record).toEqual(read(path.join(FIX, "msc-2023", "input.xml"), "msc-2023.xml").record);
  });

  it("old-2013 (no declaration, free-text study_design, firstreceived_date, no arms): design from the line, the dose from the intervention", () => {
    const { record: r } = read(path.join(FIX, "old-2013", "input.xml"), "old-2013.xml");
    expect(r.design).toEqual({ allocation: "NON_RANDOMIZED", interventionModel: "SINGLE_GROUP", masking: "NONE" });
    expect(r.primaryPurpose).toBe("TREATMENT");
    expect(r.eligibility.maxAgeYears).toBeNull();
    expect(r.enrollment).toEqual({ count: 20, type: "ACTUAL" });
    expect(r.dates).toEqual({ start: "2008-05", primaryCompletion: "2010-04", completion: "2010-10" });
    expect(r.arms.flatMap((a) => a.doses.map((d) => d.text))).toEqual(["3 × 10^7 autologous MSCs … A single infusion"]);
  });

  it("observational: cohorts as arms, no phase, months as an age, 'Accepts Healthy Volunteers'", () => {
    const { record: r } = read(path.join(FIX, "observational", "input.xml"), "observational.xml");
    expect([r.studyType, r.phases, r.eligibility.sex, r.eligibility.minAgeYears, r.eligibility.healthyVolunteers]).toEqual(["OBSERVATIONAL", [], "FEMALE", 0.5, true]);
    expect(r.arms.map((a) => [a.label, a.type, a.doses.length])).toEqual([["Cirrhosis", null, 0], ["Controls", null, 0]]);
  });
});

describe("text blocks and the 2013 design line", () => {
  it("undoes the registry's wraps, keeps its paragraphs and the registrant's line breaks", () => {
    const block = "\n      A first paragraph that the registry wrapped at ninety-nine columns because its next word would\n      not have fitted on the line.\n\n      Short line\n      another line\n\n        -  an item with a hanging\n           indent\n        -  a second item\n    ";
    expect(unwrapTextblock(block, "\n\n")).toBe("A first paragraph that the registry wrapped at ninety-nine columns because its next word would not have fitted on the line.\n\nShort line\nanother line\n\n-  an item with a hanging indent\n-  a second item");
    expect(unwrapTextblock("  one\r\n\r\n  two\r\n", "\n")).toBe("one\ntwo");
    expect(unwrapTextblock("   \n ", "\n")).toBeNull();
  });

  it("reads the named parts of a study_design line", () => {
    expect(studyDesignParts("Allocation:  Randomized, Endpoint Classification:  Safety/Efficacy Study, Intervention Model:  Parallel Assignment, Masking:  Double Blind (Subject, Caregiver), Primary Purpose:  Treatment")).toEqual({
      Allocation: "Randomized", "Endpoint Classification": "Safety/Efficacy Study", "Intervention Model": "Parallel Assignment",
      Masking: "Double Blind (Subject, Caregiver)", "Primary Purpose": "Treatment",
    });
  });
});

describe("the 32 real records of ../shared/ctgov/xml", () => {
  const dir = path.join(SHARED, "xml");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xml")).sort();
  const records = new Map(files.map((f) => [f.replace(/\.xml$/, ""), read(path.join(dir, f)).record]));
  const rec = (id: string) => records.get(id)!;

  it("every file imports, as ctgov-xml, under its own NCT id", () => {
    expect(files).toHaveLength(32);
    for (const [id, r] of records) expect([r.id, r.source.format]).toEqual([id, "ctgov-xml"]);
  });

  it("study types and arm lists as the README counts them", () => {
    const types = [...records.values()].map((r) => r.studyType);
    expect(types.filter((t) => t === "INTERVENTIONAL")).toHaveLength(24);
    expect(types.filter((t) => t === "OBSERVATIONAL")).toHaveLength(7); // 6 + 1 "Observational [Patient Registry]"
    expect(types.filter((t) => t === "EXPANDED_ACCESS")).toHaveLength(1);
    expect(rec("NCT03424005").arms).toHaveLength(9);
    expect(rec("NCT02654730").arms).toHaveLength(5);
    expect(rec("NCT01534533").arms).toHaveLength(4);
  });

  it("secondary ids and nct_alias are the trial's other ids", () => {
    expect(rec("NCT00081588").otherIds).toEqual(["CR006724", "TMC114-C215", "NCT00980226"]);
    expect(rec("NCT00004218").otherIds).toEqual([
      "CDR0000067454", "LRF-CLL4", "LRG-MRC-LEUK-CLL4", "EU-99030", "MRC-LEUK-CLL4", "EUDRACT-58585610", "ISRCTN58585610", "NCT00222599",
    ]);
    expect(rec("NCT00493805").otherIds).toContain("EudraCT number:2006-000757-21");
  });

  it("the 2013 vintage: free-text study_design, 'Both', dates without a type", () => {
    const r = rec("NCT00000102");
    expect(r.design).toEqual({ allocation: null, interventionModel: "PARALLEL", masking: "DOUBLE" });
    expect([r.phases, r.overallStatus, r.eligibility.sex, r.eligibility.minAgeYears, r.eligibility.maxAgeYears]).toEqual([["PHASE1", "PHASE2"], "COMPLETED", "ALL", 14, 35]);
    expect(r.eligibility.inclusion).toEqual(["diagnosed with Congenital Adrenal Hyperplasia (CAH)", "normal ECG during baseline evaluation"]);
    expect(r.eligibility.exclusion).toEqual(["history of liver disease, or elevated liver function tests", "history of cardiovascular disease"]);
  });

  it("hand-checked values: enrollment types, dates, criteria paragraphs, a dose shared by two arms", () => {
    expect(rec("NCT00001971").enrollment).toEqual({ count: 8050, type: "ESTIMATED" });
    expect(rec("NCT00001971").dates.start).toBe("1992-05-27");
    expect(rec("NCT00081588").enrollment).toEqual({ count: 555, type: "ACTUAL" });
    // Unbulleted criteria, one paragraph each: 5 inclusion, 11 exclusion.
    expect([rec("NCT00001729").eligibility.inclusion.length, rec("NCT00001729").eligibility.exclusion.length]).toEqual([5, 11]);
    expect(rec("NCT00001729").eligibility.inclusion[1]).toBe("Serum alanine or asparate aminotransferase activities that are above the upper limit of normal (ALT greater than 41 or AST greater than 31 U/L) on an average of three determinations taken during the previous 6 months. The mean of the three determinations will be defined as \"baseline\" levels.");
    const n4 = rec("NCT04452435");
    expect([n4.eligibility.inclusion.length, n4.eligibility.exclusion.length, n4.design.masking, n4.enrollment?.count]).toEqual([6, 15, "TRIPLE", 106]);
    expect(n4.eligibility.inclusion[1]).toBe("Diagnosis of coronavirus (SARS-CoV)-2 infection confirmed by polymerase chain reaction (PCR) test < 4 days before Visit 1 with signs of an acute respiratory infection");
    const n5 = rec("NCT00501592");
    expect(n5.arms.map((a) => a.label)).toEqual(["25 mg INT-747", "50 mg INT-747", "Placebo"]);
  });

  it("the four MSC / stromal-cell records: a cell source only where said of the MSCs, no dose where none is stated as a number", () => {
    const msc = ["NCT00003877", "NCT00498316", "NCT00001391", "NCT00001851"].map((id) => rec(id));
    expect(msc.map((r) => [r.id, r.cellSource, r.arms.length, doses(r)])).toEqual([
      // Stromagen: "placebo or one of two doses of expanded mesenchymal stem cells", no amount and no
      // arm list; "bone marrow" is said of the transplant and the harvest, not of the MSCs.
      ["NCT00003877", null, 0, 0],
      // Cord blood expanded on stromal cells: one arm ("Cord Blood Infusion"), no MSC dose given to the patient.
      ["NCT00498316", "CORD_BLOOD", 1, 0],
      // NIH observational studies: no cells given, so their prose makes no arm; "bone marrow
      // stromal cells" are the cells studied, "Bone Marrow Injection" is not of MSCs.
      ["NCT00001391", "BONE_MARROW", 0, 0],
      ["NCT00001851", null, 0, 0],
    ]);
  });
});

describe("the same trial record from the classic JSON and its clinical_study XML copy", () => {
  const dir = path.join(SHARED, "classic");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const protocolOf = (doc: any) => (doc.FullStudiesResponse ? doc.FullStudiesResponse.FullStudies[0].Study : doc.Study ?? doc).ProtocolSection;

  it.each(files)("%s", (f) => {
    const bytes = fs.readFileSync(path.join(dir, f));
    const xml = classicToXml(protocolOf(JSON.parse(bytes.toString("utf8"))));
    const fromJson = importSource(bytes, f.replace(/\.json$/, ".xml"));
    const fromXml = importSource(Buffer.from(xml), f.replace(/\.json$/, ".xml"));
    expect(fromXml.record.source.format).toBe("ctgov-xml");
    // The XML tells results references from the others only (background and the registry's links
    // are one `reference`), and lists them after the others; the copy is made from the protocol
    // section alone, without the study's results section.
    const asXml = (refs: typeof fromJson.record.references) => [
      ...(refs ?? []).filter((r) => r.type !== "RESULT").map((r) => ({ ...r, type: null })), ...(refs ?? []).filter((r) => r.type === "RESULT"),
    ];
    expect({ ...fromXml.record, source: null, results: null })
      .toEqual({ ...fromJson.record, source: null, results: null, references: asXml(fromJson.record.references) });
    expect(fromXml.warnings).toEqual(fromJson.warnings);
  });

  it("the copies exercise what the XML adds: wrapped text blocks and interventions linked from their side", () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, files[0]!), "utf8"));
    const xml = classicToXml(protocolOf(doc));
    expect(xml).toMatch(/<textblock>\n {10}\S.*&#xD;\n {13}\S/); // a wrapped line with its hanging indent
    expect(files.length).toBeGreaterThanOrEqual(50);
  });
});
