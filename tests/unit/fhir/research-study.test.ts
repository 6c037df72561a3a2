import fs from "node:fs";
import path from "node:path";
import type { Extension, Group } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { toFhirBundle, notFoundOutcome } from "@/lib/fhir/bundle";
import { toPhase } from "@/lib/fhir/phase";
import { toResearchStudy, type FhirResearchStudy } from "@/lib/fhir/research-study";
import { R4_STATUS } from "@/lib/fhir/status";
import { ARM_DOSE_EXTENSION, DATA_ABSENT_REASON, NCT_SYSTEM, PHASE_SYSTEM, R5_LABEL_EXTENSION } from "@/lib/fhir/urls";
import { importSource } from "@/lib/ingest/pipeline";
import { loadCuration } from "@/lib/import/run-import";
import { trialRecordSchema, type TrialRecord } from "@/lib/record/schema";
import { OVERALL_STATUSES, PHASES } from "@/lib/record/vocabulary";
import { fhirRuleErrors, fhirSchemaErrors } from "@/tests/helpers/fhir-schema";

const curation = loadCuration("seeds/curation.json");
const SEEDS: TrialRecord[] = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort()
  .map((f) => importSource(fs.readFileSync(`seeds/${f}`), f, curation).record);
const seed = (id: string) => SEEDS.find((r) => r.id === id)!;
const study = (id: string) => toResearchStudy(seed(id));

const FHIR_EXAMPLES = path.resolve("..", "shared", "ctgov", "fhir");
const R4_STATUS_CODES = [
  "active", "administratively-completed", "approved", "closed-to-accrual", "closed-to-accrual-and-intervention",
  "completed", "disapproved", "in-review", "temporarily-closed-to-accrual", "temporarily-closed-to-accrual-and-intervention",
  "withdrawn",
];

/** An arm-dose extension's sub-extensions as { url: [values] }, values as written. */
function doseParts(ext: Extension): Record<string, unknown[]> {
  expect(ext.url).toBe(ARM_DOSE_EXTENSION);
  const out: Record<string, unknown[]> = {};
  for (const e of ext.extension ?? []) {
    const [key, value] = Object.entries(e).find(([k]) => k.startsWith("value"))!;
    expect(key).toMatch(/^value[A-Z]/);
    (out[e.url] ??= []).push(value);
  }
  return out;
}

describe("the official FHIR R4 JSON schema (the validator itself)", () => {
  it("accepts HL7's real R4 ResearchStudy examples in shared/ctgov/fhir", () => {
    const examples = fs.readdirSync(FHIR_EXAMPLES).filter((f) => /^R4-.*\.json$/.test(f));
    expect(examples.length).toBe(2);
    for (const f of examples) {
      const resource = JSON.parse(fs.readFileSync(path.join(FHIR_EXAMPLES, f), "utf8"));
      expect({ f, errors: fhirSchemaErrors(resource) }).toEqual({ f, errors: [] });
    }
  });

  it("rejects what R4 does not allow, naming the property", () => {
    const s = { ...study("NCT04822922"), status: "recruiting" };
    expect(fhirSchemaErrors(s as never).join("\n")).toMatch(/^\/status must be equal to one of the allowed values/m);
    expect(fhirSchemaErrors({ ...study("NCT04822922"), enrolment: 16 } as never).join("\n")).toContain('"additionalProperty":"enrolment"');
    const armWithoutDose = { ...study("NCT04822922"), arm: [{ name: "x", dose: 4e5 }] };
    expect(fhirSchemaErrors(armWithoutDose as never).join("\n")).toContain('"additionalProperty":"dose"');
  });
});

describe("toResearchStudy on every seed", () => {
  it.each(SEEDS.map((r) => [r.id, r] as const))("%s validates against the R4 schema and the rules the schema leaves out", (_id, r) => {
    const s = toResearchStudy(r);
    expect(fhirSchemaErrors(s)).toEqual([]);
    expect(fhirRuleErrors(s)).toEqual([]);
    expect(s.resourceType).toBe("ResearchStudy");
    expect(s.id).toBe(r.id);
    expect(s.arm?.length ?? 0).toBe(r.arms.length);
    expect(s.arm?.map((a) => a.name)).toEqual(r.arms.map((a) => a.label));
    expect(s.condition?.map((c) => c.text)).toEqual(r.conditions);
  });

  it("NCT04822922: identifiers, status, phase, period, sponsor, site, three dosed arms", () => {
    const s = study("NCT04822922");
    expect(s.identifier?.slice(0, 2)).toEqual([
      { use: "official", system: "https://clinicaltrials.gov", value: "NCT04822922" },
      { use: "secondary", value: "MSC-ACLF-1" },
    ]);
    expect(s.title).toBe("Safety of UC-MSC Transfusion for ACLF Patients");
    expect(s.status).toBe("approved"); // NOT_YET_RECRUITING
    expect(s.phase?.coding).toEqual([{ system: PHASE_SYSTEM, code: "phase-2", display: "Phase 2" }]);
    expect(s.period).toEqual({ start: "2021-09-30", end: "2024-07-21" });
    expect(s.sponsor?.display).toMatch(/^Hai Li, chief physician/);
    expect(s.keyword?.length).toBe(3);
    expect(s.location).toEqual([{ text: "China" }]);
    expect(s.contact?.[0]).toEqual({ name: "Hai Li", telecom: [{ system: "phone", value: "+86-13818525494" }, { system: "email", value: "haili_17@126.cpm" }] });
    expect(s.site).toEqual([{ reference: "#site-1", type: "Location", display: "Ren Ji Hospital, School of Medicine, Shanghai Jiao TongUniversity" }]);
    expect(s.arm?.map((a) => [a.name, a.type?.coding?.[0]?.code])).toEqual([
      ["low dose", "EXPERIMENTAL"], ["middle dose", "EXPERIMENTAL"], ["high dose", "EXPERIMENTAL"],
    ]);
    expect(s.arm!.map((a) => doseParts(a.extension![0]!).cells)).toEqual([[400000], [800000], [1200000]]);
    expect(doseParts(s.arm![0]!.extension![0]!)).toEqual({
      product: ["MSC"], cells: [400000], basis: ["per-kg"], infusions: [4], dayOffset: [0, 3, 6, 9],
      text: ["hUC-MSCs 4*10^5/kg/each time … on the 1, 4, 7 and 10 days"],
    });
  });

  it("NCT04822922: eligibility is a contained definitional Group, referenced as #eligibility, with the enrollment as its quantity", () => {
    const s = study("NCT04822922");
    expect(s.enrollment).toEqual([{ reference: "#eligibility", type: "Group", display: "Eligibility criteria" }]);
    const group = s.contained!.find((c) => c.id === "eligibility") as Group;
    expect([group.resourceType, group.type, group.actual, group.quantity]).toEqual(["Group", "person", false, 16]);
    const ch = group.characteristic!;
    expect(ch[0]!.valueRange).toEqual({
      low: { value: 18, unit: "years", system: "http://unitsofmeasure.org", code: "a" },
      high: { value: 70, unit: "years", system: "http://unitsofmeasure.org", code: "a" },
    });
    expect(ch[1]!.valueCodeableConcept).toEqual({ text: "All" });
    expect(ch[2]).toEqual({ code: { text: "Accepts healthy volunteers" }, valueBoolean: false, exclude: false });
    const texts = (exclude: boolean) => ch.filter((c) => c.code.text?.endsWith("criterion") && c.exclude === exclude).map((c) => c.valueCodeableConcept?.text);
    expect(texts(false)).toEqual(seed("NCT04822922").eligibility.inclusion);
    expect(texts(true)).toEqual(seed("NCT04822922").eligibility.exclusion);
    expect(texts(false)[0]).toBe("Age 18-70 years old");
    expect(texts(true).length).toBe(7);
    // Estimated enrollment is R5's recruitment.targetNumber.
    expect(s.extension?.find((e) => e.url.endsWith("ResearchStudy.recruitment"))?.extension).toEqual([{ url: "targetNumber", valueUnsignedInt: 16 }]);
  });

  it("NCT06884904: phase 2/3, per-kg doses without schedule marked not reported, placebo arms without cells", () => {
    const s = study("NCT06884904");
    expect(s.phase?.coding?.[0]?.code).toBe("phase-2-phase-3");
    expect(s.period).toBeUndefined(); // no dates reported
    expect(s.arm?.length).toBe(4);
    expect(doseParts(s.arm![1]!.extension![0]!)).toEqual({
      product: ["MSC"], cells: [4000000], basis: ["per-kg"], notReported: ["infusions", "schedule"], text: expect.any(Array),
    });
    const placebo = doseParts(s.arm![2]!.extension![0]!);
    expect(placebo.product).toEqual(["PLACEBO"]);
    expect(placebo.cells).toBeUndefined();
    expect(placebo.notReported).toEqual(["infusions", "schedule"]); // never "cells": a placebo has none
    expect(s.arm![2]!.type?.coding?.[0]?.code).toBe("PLACEBO_COMPARATOR");
  });

  it("NCT05985863: recruiting is active, phase 1/2, a flat dose and a placebo in one arm", () => {
    const s = study("NCT05985863");
    expect(s.status).toBe("active");
    expect(s.phase?.coding?.[0]?.code).toBe("phase-1-phase-2");
    expect(s.period).toEqual({ start: "2023-09-30" });
    const [msc, placebo] = s.arm![2]!.extension!.map(doseParts);
    expect(msc).toEqual({
      product: ["MSC"], cells: [150000000], basis: ["flat"], infusions: [3], dayOffset: [0, 7, 14],
      text: ["3 times hUC-MSC (1.5×10^8, Peripheral IV, at week0, week1 and week2)"],
    });
    expect(placebo).toEqual({ product: ["PLACEBO"], infusions: [2], dayOffset: [28, 35], text: ["2 times placebo (at week4 and week5)"] });
    // Enrollment with no type: the Group's quantity only, no recruitment extension.
    expect((s.contained!.find((c) => c.id === "eligibility") as Group).quantity).toBe(150);
    expect(s.extension?.some((e) => e.url.endsWith("ResearchStudy.recruitment"))).toBe(false);
  });

  it("NCT02812121: an unknown status is an empty status with a data-absent-reason; a dose with no cell count says so", () => {
    const s = study("NCT02812121");
    expect(s.status).toBeUndefined();
    expect(s._status).toEqual({ extension: [{ url: DATA_ABSENT_REASON, valueCode: "unknown" }] });
    expect(s.extension?.find((e) => e.url.endsWith("ctgov-overall-status"))?.valueCode).toBe("UNKNOWN");
    expect(s.identifier?.filter((i) => i.use === "secondary").map((i) => i.value)).toEqual(["UCBMSC", "LBingliang"]);
    const parts = doseParts(s.arm![0]!.extension![0]!);
    expect(parts.cells).toBeUndefined();
    expect(parts.notReported).toEqual(["cells"]);
    expect(parts.infusions).toEqual([8]);
    expect(s.arm![2]!.extension).toBeUndefined(); // no intervention: no dose at all
    expect(s.arm![2]!.type?.coding?.[0]?.code).toBe("NO_INTERVENTION");
  });

  it("NCT05948982: no enrollment, yet the ages make an eligibility Group without a quantity", () => {
    const s = study("NCT05948982");
    const group = s.contained!.find((c) => c.id === "eligibility") as Group;
    expect(group.quantity).toBeUndefined();
    expect(group.characteristic?.map((c) => c.code.text)).toEqual(["Age"]);
    expect(s.period).toEqual({ start: "2023-07-30", end: "2026-12-31" });
  });
});

describe("status and phase tables", () => {
  it("every status of our vocabulary maps to an R4 code or to an absent-reason", () => {
    expect(Object.keys(R4_STATUS).sort()).toEqual([...OVERALL_STATUSES].sort());
    for (const v of Object.values(R4_STATUS)) if (v !== null) expect(R4_STATUS_CODES).toContain(v);
    expect(R4_STATUS).toMatchObject({
      NOT_YET_RECRUITING: "approved", RECRUITING: "active", ENROLLING_BY_INVITATION: "active",
      ACTIVE_NOT_RECRUITING: "closed-to-accrual", COMPLETED: "completed", SUSPENDED: "temporarily-closed-to-accrual",
      TERMINATED: "administratively-completed", WITHDRAWN: "withdrawn", UNKNOWN: null, WITHHELD: null,
    });
    for (const status of [...OVERALL_STATUSES, null]) {
      const s = toResearchStudy({ ...seed("NCT04822922"), overallStatus: status });
      expect(fhirSchemaErrors(s)).toEqual([]);
      expect(fhirRuleErrors(s)).toEqual([]);
      if (status === "WITHHELD") expect(s._status?.extension?.[0]?.valueCode).toBe("masked");
    }
  });

  it("phases: each code of research-study-phase, the two combinations, words for the rest, nothing when not reported", () => {
    const code = (p: (typeof PHASES)[number][]) => toPhase(p)?.coding?.[0]?.code;
    expect(PHASES.map((p) => code([p]))).toEqual(["early-phase-1", "phase-1", "phase-2", "phase-3", "phase-4", "n-a"]);
    expect(code(["PHASE2", "PHASE1"])).toBe("phase-1-phase-2");
    expect(code(["PHASE2", "PHASE3"])).toBe("phase-2-phase-3");
    expect(toPhase(["PHASE1", "PHASE3"])).toEqual({ text: "Phase 1 / Phase 3" });
    expect(toPhase([])).toBeUndefined();
  });
});

describe("a record that reports almost nothing", () => {
  const bare = trialRecordSchema.parse({
    ...seed("NCT04822922"), id: "a-file-with-no-nct-id", nctId: null, otherIds: [], title: null, officialTitle: null,
    sponsor: null, overallStatus: null, phases: [], conditions: [], studyType: null, enrollment: null, keywords: [],
    primaryPurpose: null, briefSummary: null, description: null, contacts: [], locations: [],
    dates: { start: null, primaryCompletion: null, completion: null },
    eligibility: { minAgeYears: null, maxAgeYears: null, sex: null, healthyVolunteers: null, inclusion: [], exclusion: [], thresholds: [] },
    arms: [{ label: "MSC", type: null, description: null, doses: [{ product: "MSC", cellsPerKg: null, cellsPerInfusion: null, infusions: null, dayOffsets: null, text: "MSC" }], summary: { cellsPerKgPerInfusion: null, estimated: false, activeInfusions: null, cumulativeCellsPerKg: null }, route: null, cellSource: null, cellOrigin: null }],
  });

  it("leaves out what is not reported instead of inventing it, and still validates", () => {
    const s = toResearchStudy(bare);
    expect(fhirSchemaErrors(s)).toEqual([]);
    expect(fhirRuleErrors(s)).toEqual([]);
    expect(Object.keys(s)).toEqual(["resourceType", "id", "identifier", "_status", "arm"]);
    expect(s.identifier).toEqual([{ use: "usual", system: "https://msc-liver-registry.org/fhir/sid/trial-id", value: "a-file-with-no-nct-id" }]);
    expect(doseParts(s.arm![0]!.extension![0]!)).toEqual({ product: ["MSC"], notReported: ["cells", "infusions", "schedule"], text: ["MSC"] });
  });

  it("an id longer than FHIR's 64 characters stays only in the identifier", () => {
    const s = toResearchStudy({ ...bare, id: "x".repeat(65) });
    expect(s.id).toBeUndefined();
    expect(fhirSchemaErrors(s)).toEqual([]);
  });
});

describe("compared with HL7's real examples in shared/ctgov/fhir", () => {
  const ctgovXml = fs.readFileSync(path.join(FHIR_EXAMPLES, "R5-researchstudy-example-ctgov-study-record.xml"), "utf8");
  const mii = JSON.parse(fs.readFileSync(path.join(FHIR_EXAMPLES, "R4-ResearchStudy-mii-exa-studie-studie.json"), "utf8"));

  it("codes the NCT number and the arm types as HL7's ClinicalTrials.gov example does", () => {
    expect(ctgovXml).toMatch(/<use value="official"\/>\s*<system value="https:\/\/clinicaltrials.gov"\/>\s*<value value="NCT05503693"\/>/);
    expect(NCT_SYSTEM).toBe("https://clinicaltrials.gov");
    const armSystem = /<system value="([^"]+#enum-ArmGroupType)"\/>\s*<code value="EXPERIMENTAL"\/>/.exec(ctgovXml)![1];
    expect(study("NCT04822922").arm![0]!.type!.coding![0]!.system).toBe(armSystem);
  });

  it("carries the official title as the R4 example carries its scientific title: the R5 label extension", () => {
    const theirs = mii.extension.find((e: Extension) => e.url === R5_LABEL_EXTENSION);
    const ours = study("NCT04822922").extension!.find((e) => e.url === R5_LABEL_EXTENSION)!;
    expect(ours.extension!.map((e) => e.url).sort()).toEqual(theirs.extension.map((e: Extension) => e.url).sort());
    expect(ours.extension!.find((e) => e.url === "type")!.valueCodeableConcept!.coding![0]!.system)
      .toBe(theirs.extension.find((e: Extension) => e.url === "type").valueCodeableConcept.coding[0].system);
  });

  it("uses only arm elements the R4 example uses, plus extensions", () => {
    const theirKeys = new Set(mii.arm.flatMap((a: object) => Object.keys(a)));
    const ourKeys = new Set(SEEDS.flatMap((r) => toResearchStudy(r).arm ?? []).flatMap((a) => Object.keys(a)));
    expect([...ourKeys].filter((k) => !theirKeys.has(k)).sort()).toEqual(["extension", "type"]);
  });
});

describe("toFhirBundle and the not-found outcome", () => {
  it("a collection Bundle of every seed validates, one ResearchStudy per trial in order", () => {
    const bundle = toFhirBundle(SEEDS, new Date("2026-12-02T08:00:00Z"));
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect([bundle.type, bundle.timestamp, bundle.entry.length]).toEqual(["collection", "2026-12-02T08:00:00.000Z", 5]);
    expect(bundle.entry.map((e) => e.resource.id)).toEqual(SEEDS.map((r) => r.id));
  });

  it("the 404 is a valid OperationOutcome naming the id", () => {
    const o = notFoundOutcome("NCT00000000");
    expect(fhirSchemaErrors(o)).toEqual([]);
    expect(o.issue[0]).toEqual({ severity: "error", code: "not-found", diagnostics: 'no trial with id "NCT00000000" (parameter: id)' });
  });
});
