import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import type { Threshold, TrialRecord } from "@/lib/record/schema";
import { parseScreenRequest, screenAnswer } from "@/lib/screen/api";
import { decideAgeLimits, decideCriterion } from "@/lib/screen/decide";
import { parsePatient, type Patient } from "@/lib/screen/params";
import { convert, toSI } from "@/lib/units/convert";

const seed = (prefix: string): TrialRecord => {
  const file = fs.readdirSync("../shared/seeds").find((f) => f.startsWith(prefix))!;
  return importSource(fs.readFileSync(`../shared/seeds/${file}`), file).record;
};
const r2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

describe("units through UCUM (@lhncbc/ucum-lhc)", () => {
  it("bilirubin mg/dL ↔ µmol/L (584.66 g/mol)", () => {
    expect(r2(convert("TBIL", 12, "mg/dL", "umol/L"))).toBe(205.25);
    expect(r2(convert("TBIL", 15, "mg/dL", "umol/L"))).toBe(256.56);
    expect(r2(convert("TBIL", 205.25, "umol/L", "mg/dL"))).toBe(12);
  });
  it("creatinine mg/dL ↔ µmol/L (113.12 g/mol)", () => {
    expect(r2(convert("CREATININE", 2, "mg/dL", "umol/L"))).toBe(176.8);
    expect(r2(convert("CREATININE", 1.4, "mg/dL", "umol/L"))).toBe(123.76);
    expect(r2(convert("CREATININE", 150, "umol/L", "mg/dL"))).toBe(1.7);
  });
  it("albumin g/dL ↔ g/L, platelets /mm³ and /µL ↔ 10⁹/L, sodium mEq/L = mmol/L, months → years", () => {
    expect(r2(convert("ALBUMIN", 3.5, "g/dL", "g/L"))).toBe(35);
    expect(r2(convert("PLATELETS", 30000, "/mm3", "10*9/L"))).toBe(30);
    expect(r2(convert("PLATELETS", 50000, "/uL", "10*9/L"))).toBe(50);
    expect(r2(toSI("SODIUM", 129, "meq/L"))).toBe(129);
    expect(r2(toSI("AGE", 6, "mo"))).toBe(0.5);
  });
  it("a measured limit without a unit cannot be converted", () => {
    expect(toSI("CREATININE", 1.6, null)).toBeNull();
    expect(toSI("INR", 1.5, null)).toBe(1.5);
  });
});

const th = (o: Partial<Threshold>): Threshold => ({
  list: "inclusion", criterion: 0, group: 0, analyte: "INR", op: ">=", value: 1.5, max: null, unit: null, relativeTo: null,
  text: "x", start: 0, end: 1, ...o,
});
const patient = (q: string): Patient => {
  const p = parsePatient((k) => new URLSearchParams(q).get(k));
  if (!p.ok) throw new Error(p.message);
  return p.patient;
};

describe("decision rules", () => {
  const inr = th({ analyte: "INR", op: ">=", value: 1.5, group: 0 });
  const pta = th({ analyte: "PTA", op: "<=", value: 40, unit: "%", group: 0 });
  const tbil = th({ analyte: "TBIL", op: ">=", value: 12, unit: "mg/dL", group: 1 });
  it("inclusion: all groups hold → pass; an alternative holds the group", () => {
    expect(decideCriterion("inclusion", 0, "t", [inr, pta, tbil], patient("inr=1.2&pta=35&tbil=15&tbil_unit=mg/dL")).verdict).toBe("pass");
  });
  it("inclusion: one group fails → fail, with the reason", () => {
    const r = decideCriterion("inclusion", 0, "t", [inr, pta, tbil], patient("inr=1.8&tbil=150"));
    expect(r.verdict).toBe("fail");
    expect(r.reason).toBe("TBil 150 µmol/L is below 12 mg/dL (205.2 µmol/L)");
  });
  it("a value in another unit equal to the limit within conversion rounding meets it (≥12 mg/dL, 'equivalent to 205 μmol/L')", () => {
    expect(decideCriterion("inclusion", 0, "t", [tbil], patient("tbil=205")).verdict).toBe("pass");
    expect(decideCriterion("inclusion", 0, "t", [tbil], patient("tbil=205.2")).verdict).toBe("pass");
    expect(decideCriterion("inclusion", 0, "t", [tbil], patient("tbil=204")).verdict).toBe("fail");
    expect(decideCriterion("inclusion", 0, "t", [tbil], patient("tbil=11.99&tbil_unit=mg/dL")).verdict).toBe("fail");
  });
  it("a limit on a value the screen does not take says so, and stays unknown", () => {
    const he = th({ analyte: "HE_GRADE", op: ">=", value: 3, unit: null });
    const r = decideCriterion("exclusion", 0, "t", [he], patient("inr=2"));
    expect(r.verdict).toBe("unknown");
    expect(r.reason).toContain("HE grade is not a screening value: read this criterion");
  });
  it("a group is undecided until every alternative has a value", () => {
    expect(decideCriterion("inclusion", 0, "t", [inr, pta], patient("inr=1.2")).verdict).toBe("unknown");
    expect(decideCriterion("inclusion", 0, "t", [inr, pta], patient("inr=1.2&pta=60")).verdict).toBe("fail");
  });
  it("exclusion: all groups hold → fail; one group fails → pass; no value → unknown", () => {
    const cr = th({ list: "exclusion", analyte: "CREATININE", op: ">=", value: 2, unit: "mg/dL" });
    expect(decideCriterion("exclusion", 0, "t", [cr], patient("creatinine=2.5&creatinine_unit=mg/dL")).verdict).toBe("fail");
    expect(decideCriterion("exclusion", 0, "t", [cr], patient("creatinine=150")).verdict).toBe("pass");
    expect(decideCriterion("exclusion", 0, "t", [cr], patient("inr=2")).verdict).toBe("unknown");
    const plt = th({ list: "exclusion", analyte: "PLATELETS", op: "<=", value: 50000, unit: "/mm3", group: 0 });
    const inr2 = th({ list: "exclusion", analyte: "INR", op: ">=", value: 1.5, group: 1 });
    expect(decideCriterion("exclusion", 0, "t", [plt, inr2], patient("platelets=40&inr=1.2")).verdict).toBe("pass");
    expect(decideCriterion("exclusion", 0, "t", [plt, inr2], patient("platelets=40&inr=1.8")).verdict).toBe("fail");
  });
  it("ULN limits, unitless measured limits and criteria without thresholds stay unknown", () => {
    expect(decideCriterion("inclusion", 0, "t", [th({ analyte: "TBIL", value: 10, relativeTo: "ULN" })], patient("tbil=300")).verdict).toBe("unknown");
    expect(decideCriterion("exclusion", 0, "t", [th({ analyte: "CREATININE", op: ">", value: 1.6 })], patient("creatinine=300")).verdict).toBe("unknown");
    expect(decideCriterion("inclusion", 0, "t", [], patient("inr=2")).verdict).toBe("unknown");
  });
  it("between: above the range fails with 'is above'", () => {
    const meld = th({ analyte: "MELD", op: "between", value: 17, max: 30 });
    expect(decideCriterion("inclusion", 0, "t", [meld], patient("meld=35"))).toMatchObject({ verdict: "fail", reason: "MELD 35 is above 30" });
    expect(decideCriterion("inclusion", 0, "t", [meld], patient("meld=30")).verdict).toBe("pass");
  });
  it("age from the record's limits", () => {
    const e = seed("002").eligibility;
    expect(decideAgeLimits(e, patient("age=68"))).toEqual({ verdict: "fail", reason: "age 68 is above 65" });
    expect(decideAgeLimits(e, patient("age=45"))?.verdict).toBe("pass");
    expect(decideAgeLimits(e, patient("meld=20"))?.verdict).toBe("unknown");
  });
});

describe("GET /api/screen on the seeds", () => {
  const records = [seed("000"), seed("002")];
  const ask = (q: string) => {
    const req = parseScreenRequest(new URLSearchParams(q));
    if (!req.ok) throw new Error(req.message);
    return screenAnswer(records.filter((r) => !req.ids || req.ids.includes(r.id)), req.patient);
  };
  const s000 = (q: string) => ask(`ids=NCT06884904&${q}`).trials[0]!;
  const excl2 = (q: string) => s000(q).criteria.find((c) => c.list === "exclusion" && c.criterion === 2)!;

  it("seed 000: TBil 15 mg/dL, INR 1.8 → possible; inclusion 1 passes with its reason", () => {
    const t = s000("tbil=15&tbil_unit=mg/dL&inr=1.8");
    expect(t.verdict).toBe("possible");
    expect(t.criteria.find((c) => c.list === "inclusion" && c.criterion === 1)).toMatchObject({
      verdict: "pass", reason: "TBil 15 mg/dL (256.6 µmol/L) ≥ 12 mg/dL (205.2 µmol/L); INR 1.8 ≥ 1.5",
    });
  });
  it("seed 000: TBil 150 µmol/L → excluded", () => {
    const t = s000("tbil=150");
    expect(t.verdict).toBe("excluded");
    expect(t.decisive).toBe("TBil 150 µmol/L is below 12 mg/dL (205.2 µmol/L)");
  });
  it("seed 000: INR 1.2 but PTA 35% → possible", () => {
    const t = s000("inr=1.2&pta=35");
    expect(t.verdict).toBe("possible");
    expect(t.criteria.find((c) => c.list === "inclusion" && c.criterion === 1)!.verdict).toBe("unknown"); // TBil not given
  });
  it("seed 000: creatinine 2.5 mg/dL → excluded by the complications criterion", () => {
    const t = s000("creatinine=2.5&creatinine_unit=mg/dL");
    expect(t.verdict).toBe("excluded");
    expect(excl2("creatinine=2.5&creatinine_unit=mg/dL").verdict).toBe("fail");
  });
  it("seed 000: creatinine 150 µmol/L → not excluded by that criterion", () => {
    expect(s000("creatinine=150").verdict).toBe("possible");
    expect(excl2("creatinine=150").verdict).not.toBe("fail");
  });
  it("seed 002: MELD 35 → excluded; age 68 → excluded; MELD 25 and age 45 → possible", () => {
    const s002 = (q: string) => ask(`ids=NCT02812121&${q}`).trials[0]!;
    expect(s002("meld=35")).toMatchObject({ verdict: "excluded", decisive: "MELD 35 is above 30" });
    expect(s002("age=68")).toMatchObject({ verdict: "excluded", decisive: "age 68 is above 65" });
    expect(s002("meld=25&age=45").verdict).toBe("possible");
  });
  it("the patient is echoed in SI units; unknown counts undecided criteria", () => {
    const a = ask("tbil=15&tbil_unit=mg/dL&inr=1.8&age=45");
    expect(a.patient).toEqual({ TBIL: { value: 256.6, unit: "umol/L" }, INR: { value: 1.8, unit: null }, AGE: { value: 45, unit: "a" } });
    expect(a.trials.map((t) => [t.id, t.verdict, t.unknown])).toEqual([["NCT06884904", "possible", 14], ["NCT02812121", "possible", 11]]);
  });
  it("a bad number, unit or parameter is refused, naming it", () => {
    expect(parseScreenRequest(new URLSearchParams("tbil=abc"))).toMatchObject({ ok: false, parameter: "tbil" });
    expect(parseScreenRequest(new URLSearchParams("tbil=3&tbil_unit=mmol/L"))).toMatchObject({ ok: false, parameter: "tbil_unit" });
    expect(parseScreenRequest(new URLSearchParams("weight=70"))).toMatchObject({ ok: false, parameter: "weight" });
    expect(parseScreenRequest(new URLSearchParams("ids=NCT1,<x>"))).toMatchObject({ ok: false, parameter: "ids" });
    expect(parseScreenRequest(new URLSearchParams("inr=-1"))).toMatchObject({ ok: false, parameter: "inr" });
  });
});

describe("an undecided criterion says what was decided and what is missing", () => {
  it("seed 000 exclusion 2 with creatinine 1.4 mg/dL: unknown (HE grade is not a screening value), creatinine below 2 mg/dL", () => {
    const r = screenAnswer([seed("000")], patient("creatinine=1.4&creatinine_unit=mg/dL")).trials[0]!;
    expect(r.criteria.find((c) => c.list === "exclusion" && c.criterion === 2)).toMatchObject({
      verdict: "unknown",
      reason: "HE grade is not a screening value: read this criterion; Creatinine 1.4 mg/dL (123.8 µmol/L) is below 2 mg/dL (176.8 µmol/L)",
    });
  });
});

describe("the patient on a page's URL", async () => {
  const { readPagePatient } = await import("@/lib/screen/page-params");
  it("a value given twice is refused with the parameter named, not silently taken from the first", () => {
    const r = readPagePatient({ tbil: ["5", "600"], inr: "1.8" });
    expect(r.error).toBe("tbil is given more than once (5, 600); give it once");
    expect(r.active).toBe(false);
  });
  it("the same value twice is one value", () => {
    const r = readPagePatient({ tbil: ["15", "15"], tbil_unit: "mg/dL" });
    expect(r.error).toBeNull();
    expect(r.patient.TBIL).toMatchObject({ value: 15, unit: "mg/dL" });
  });
});

describe("GET /api/screen's parameters", async () => {
  const { parseScreenRequest } = await import("@/lib/screen/api");
  it("reads µmol/L as written in the answers, and answers a trial asked for twice once", () => {
    const r = parseScreenRequest(new URLSearchParams("tbil=205&tbil_unit=µmol/L&ids=NCT06884904,NCT06884904"));
    expect(r).toMatchObject({ ok: true, ids: ["NCT06884904"], patient: { TBIL: { value: 205, unit: "umol/L" } } });
  });
});

describe("a criterion's thresholds in words", async () => {
  const { describeGroups } = await import("@/lib/screen/describe");
  it("joins alternatives by 'or' and groups by '; '", () => {
    const ts = [
      th({ analyte: "TBIL", op: ">=", value: 12, unit: "mg/dL", group: 0 }),
      th({ analyte: "INR", op: ">=", value: 1.5, group: 1 }),
      th({ analyte: "PTA", op: "<=", value: 40, unit: "%", group: 1 }),
    ];
    expect(describeGroups(ts).join("; ")).toBe("TBil ≥ 12 mg/dL; INR ≥ 1.5 or PTA ≤ 40%");
    expect(describeGroups(ts.slice(0, 1), () => "umol/L")).toEqual(["TBil ≥ 205.2 µmol/L"]);
  });
});
