import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDoses } from "@/lib/ingest/enrich/doses";
import { importSource, importStudy } from "@/lib/ingest/pipeline";
import { emptySourceTrial } from "@/lib/ingest/source-record";

/**
 * The dose reader enricher (lib/ingest/enrich/doses.ts), and its one policy for a number
 * that cannot be read: a warning naming the arm and the words, and no amount for that arm,
 * never another text's, in a text record and in both JSON formats alike.
 */

const FIX = path.join(process.cwd(), "tests", "fixtures");
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fixture = (p: string): Json => JSON.parse(fs.readFileSync(path.join(FIX, p), "utf8"));
const OWN = "UC-MSC 4*10^ cells/kg by peripheral vein once a week for 4 weeks";
const OTHER = "UC-MSC 0.5×10^6 cells/kg in a single dose.";

/** The v2 fixture with its first arm's own words broken and its linked intervention stating another dose. */
function v2Study(own: string): Json {
  const study = fixture("ctgov-v2/six-arms/input.json");
  const aim = study.protocolSection.armsInterventionsModule;
  aim.armGroups[0].description = own;
  aim.interventions[0].description = OTHER;
  return study;
}

/** The classic fixture's study likewise (its first arm is "BM-MSC", linked to the intervention "BM-MSC"). */
function classicStudy(own: string): Json {
  const study = fixture("ctgov-classic-json/six-arms/input.json").FullStudiesResponse.FullStudies[0].Study;
  const aim = study.ProtocolSection.ArmsInterventionsModule;
  aim.ArmGroupList.ArmGroup[0].ArmGroupDescription = own;
  const iv = aim.InterventionList.Intervention.find((x: Json) => x.InterventionName === "BM-MSC");
  iv.InterventionDescription = OTHER;
  return study;
}

describe("a power of ten that cannot be read in an arm's own words", () => {
  const cases: [string, () => ReturnType<typeof importStudy>, () => ReturnType<typeof importStudy>, string][] = [
    ["API v2 JSON", () => importStudy(v2Study(OWN), "v2.json"), () => importStudy(v2Study(OWN.replace("4*10^", "4*10^5")), "v2.json"), "UC-MSC"],
    ["classic JSON", () => importStudy(classicStudy(OWN), "classic.json"), () => importStudy(classicStudy(OWN.replace("4*10^", "4*10^5")), "classic.json"), "BM-MSC"],
  ];
  it.each(cases)("%s: a named warning, and the arm gets no amount (not the linked intervention's 0.5×10^6/kg)", (_what, broken, readable, label) => {
    const { record, warnings } = broken();
    expect(warnings).toContain(`arm "${label}": cannot read the number "4*10^" in its own words: the power of ten has no exponent; no amount is read for this arm from it or a more general text`);
    const dose = record.arms[0]!.doses[0]!;
    expect(dose.product).toBe("MSC");
    expect(dose.cellsPerKg).toBeNull();
    expect(dose.cellsPerInfusion).toBeNull();
    // The same study with the number readable: the arm's own amount, as before.
    const ok = readable();
    expect(ok.record.arms[0]!.doses[0]!.cellsPerKg).toBe(400_000);
    expect(ok.warnings.some((w) => w.includes("cannot read the number"))).toBe(false);
  });

  it("a text record (seed 001, ctgov-classic) is imported under the same policy, no longer refused", () => {
    const text = fs.readFileSync("seeds/001_77e33fc44f0026eb.txt", "utf8").replaceAll("4*10^5", "4*10^");
    const { record, warnings } = importSource(Buffer.from(text), "001_no_exponent.txt");
    expect(warnings).toContain('arm "low dose": cannot read the number "4*10^" in its own words: the power of ten has no exponent; no amount is read for this arm from it or a more general text');
    expect(record.arms.map((a) => a.doses[0]!.cellsPerKg)).toEqual([null, 800_000, 1_200_000]);
    expect(record.arms[0]!.doses[0]!.infusions).toBe(4);
  });

  it("out of range (10^999) is the same warning with its own problem", () => {
    const { record, warnings } = importStudy(v2Study("UC-MSC 10^999 cells/kg once"), "v2.json");
    expect(warnings).toContain('arm "UC-MSC": cannot read the number "10^999" in its own words: it is out of range; no amount is read for this arm from it or a more general text');
    expect(record.arms[0]!.doses[0]!.cellsPerKg).toBeNull();
  });
});

describe("readDoses", () => {
  it("reads a listed arm's dose from its own words and keeps them as a page's dose words", () => {
    const src = emptySourceTrial("test", "t.txt");
    src.arms = [{ label: "MSC", type: "EXPERIMENTAL", description: "UC-MSC 1×10^6 cells/kg on days 1 and 8", interventions: [] }];
    const rec = readDoses(src);
    expect(rec.arms).toHaveLength(1);
    expect(rec.arms[0]!.doses).toEqual([{ product: "MSC", cellsPerKg: 1e6, cellsPerInfusion: null, infusions: 2, dayOffsets: [0, 7], text: "UC-MSC 1×10^6 cells/kg on days 1 and 8" }]);
    const study = readDoses({ ...src, kind: "study" });
    expect(study.arms[0]!.doses[0]!.text).toBe("1×10^6 cells/kg … on days 1 and 8");
  });

  it("a record whose arms are only in prose gets one derived arm per group it names", () => {
    const src = emptySourceTrial("test", "t.txt");
    src.armsFrom = "prose";
    src.description = "Patients are randomized into two groups. The MSC group receives 2×10^6 cells/kg once; the control group receives standard care.";
    const rec = readDoses(src);
    expect(rec.arms.map((a) => [a.label, a.type, a.doses[0]?.cellsPerKg ?? null])).toEqual([["MSC group", "EXPERIMENTAL", 2e6], ["Control group", "NO_INTERVENTION", null]]);
    expect(rec.evidence["arms[0]"]!.origin).toBe("derived");
  });

  it("an observational study's prose makes no arm (its cells were given elsewhere); a listed cohort keeps what its words say", () => {
    const src = emptySourceTrial("test", "t.txt");
    src.studyType = "OBSERVATIONAL";
    src.armsFrom = "prose";
    src.description = "Patients who received 1×10^6 cells/kg of umbilical cord MSCs once in the parent study are followed for five years. The MSC group is compared with the control group.";
    const rec = readDoses(src);
    expect(rec.arms).toEqual([]);
    expect(rec.evidence["arms[0]"]).toBeUndefined();
    expect(rec.warnings.some((w) => w.startsWith('observational study: the group "'))).toBe(true);

    const listed = emptySourceTrial("test", "t.txt");
    listed.studyType = "OBSERVATIONAL";
    listed.arms = [
      { label: "group A", type: null, description: "autologous MSCs transplantation 2×10^6 cells/kg once plus medical treatment", interventions: [] },
      { label: "group B", type: null, description: "medical treatment only", interventions: [] },
    ];
    const cohorts = readDoses(listed);
    expect(cohorts.arms.map((a) => [a.label, a.doses.map((d) => [d.product, d.cellsPerKg, d.infusions])])).toEqual([["group A", [["MSC", 2e6, 1]]], ["group B", []]]);
  });
});
