import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { readCriterionThresholds } from "@/lib/ingest/thresholds";

/** What matters of a threshold, for exact comparison: [analyte, op, value, max, unit, relativeTo, group]. */
const read = (text: string, list: "inclusion" | "exclusion" = "inclusion") =>
  readCriterionThresholds(text, list, 0).map((t) => [t.analyte, t.op, t.value, t.max, t.unit, t.relativeTo, t.group]);

const seed = (prefix: string) => {
  const file = fs.readdirSync("../shared/seeds").find((f) => f.startsWith(prefix))!;
  return importSource(fs.readFileSync(`../shared/seeds/${file}`), file).record;
};

describe("the seeds' thresholds", () => {
  it("000: TBil ≥12 mg/dL (restated in µmol/L: one threshold); INR ≥1.5 or PTA ≤40% one group; creatinine among 'any of the following'", () => {
    const t = seed("000").eligibility.thresholds;
    expect(t.map((x) => [x.list, x.criterion, x.group, x.analyte, x.op, x.value, x.max, x.unit, x.relativeTo])).toEqual([
      ["inclusion", 0, 0, "AGE", "between", 18, 70, "a", null],
      ["inclusion", 1, 0, "TBIL", ">=", 12, null, "mg/dL", null],
      ["inclusion", 1, 1, "INR", ">=", 1.5, null, null, null],
      ["inclusion", 1, 1, "PTA", "<=", 40, null, "%", null],
      ["exclusion", 2, 0, "HE_GRADE", "between", 3, 4, null, null],
      ["exclusion", 2, 0, "CREATININE", ">=", 2, null, "mg/dL", null],
    ]);
    expect(t[1]!.text).toBe("Total bilirubin (TBil) ≥12 mg/dL (equivalent to 205 μmol/L)");
    const crit = seed("000").eligibility.inclusion[1]!;
    for (const x of t.filter((x) => x.list === "inclusion" && x.criterion === 1)) expect(crit.slice(x.start, x.end)).toBe(x.text);
  });

  it("000: no dose, time window or definition read (alcohol g/day, 3 months, MAP ≥65 mmHg, lactate, SpO2)", () => {
    const t = seed("000").eligibility.thresholds;
    expect(t.filter((x) => x.list === "exclusion").map((x) => x.criterion)).toEqual([2, 2]);
  });

  it("002: bilirubin ≥10×ULN, INR ≥1.5 or PTA <40%, MELD 17–30, ages 18–65 (the run-in list number 4 is not read)", () => {
    const t = seed("002").eligibility.thresholds;
    expect(t.map((x) => [x.criterion, x.group, x.analyte, x.op, x.value, x.max, x.unit, x.relativeTo])).toEqual([
      [0, 0, "TBIL", ">=", 10, null, null, "ULN"],
      [0, 1, "INR", ">=", 1.5, null, null, null],
      [0, 1, "PTA", "<", 40, null, "%", null],
      [2, 0, "MELD", "between", 17, 30, null, null],
      [3, 0, "AGE", "between", 18, 65, "a", null],
    ]);
    expect(t[0]!.text).toBe("serum total bilirubin ≥ 10×ULN umol/L");
  });

  it("001: only the age range; 003 and 004 have no criteria", () => {
    expect(seed("001").eligibility.thresholds.map((x) => [x.analyte, x.value, x.max])).toEqual([["AGE", 18, 70]]);
    expect(seed("003").eligibility.thresholds).toEqual([]);
    expect(seed("004").eligibility.thresholds).toEqual([]);
  });
});

describe("traps: numbers that are not patient limits", () => {
  it("a list-item number run into the text", () => {
    expect(read("End-stage liver disease scores ranging from 17-30,; 4.18-65 years of age.")).toEqual([
      ["MELD", "between", 17, 30, null, null, 0], ["AGE", "between", 18, 65, "a", null, 1],
    ]);
  });
  it("doses, time windows, follow-up and rates", () => {
    expect(read("Incomplete response to UDCA at 13-15 mg/kg/day")).toEqual([]);
    expect(read("Participation in another clinical trial within 3 months prior to screening", "exclusion")).toEqual([]);
    expect(read("Positive serum hepatitis B surface antigen (HBsAg) for more than 6 months")).toEqual([]);
    expect(read("Follow-up of at least 24 weeks after the last infusion")).toEqual([]);
    expect(read("Chronic alcohol use (>5 years with ethanol intake ≥40 g/day for males)", "exclusion")).toEqual([]);
    expect(read("Use of human serum albumin within 3 weeks prior to clinical registration", "exclusion")).toEqual([]);
  });
  it("a change is not a level; half an alternative is not read", () => {
    expect(read("TB≥171 μmol/L or ascend ≥17.1 μmol/L/per day")).toEqual([]);
    expect(read("total bilirubin (TBIL) ≥170 µmo1/L or daily increase of TBIL ≥17.1 µmo1/L")).toEqual([]);
    expect(read("Child Pugh score of B or MELD >10 but below 20")).toEqual([]);
  });
  it("a fraction or typo, PT prolongation, limits relative to the lower limit of normal", () => {
    expect(read("Serum Cr more than 1/5mg/dL", "exclusion")).toEqual([]);
    expect(read("PT prolongation is greater than 3 seconds", "exclusion")).toEqual([]);
    expect(read("hemoglobin (Hb) is less than 70% lower limit of the normal value", "exclusion")).toEqual([]);
  });
  it("a number inside an example is not a limit", () => {
    expect(read("Serious complications in the previous 2 months (e.g., gastrointestinal bleeding: hemoglobin below 90g/L, serious infection such as sepsis)", "exclusion")).toEqual([]);
  });
  it("a MELD formula is not a limit", () => {
    expect(read("MELD score between 17-30. (MELD(i) = 0.957 × ln(Cr) + 0.378 × ln(bilirubin) + 1.120 × ln(INR) + 0.643)")).toEqual([
      ["MELD", "between", 17, 30, null, null, 0],
    ]);
  });
});

describe("other wordings", () => {
  const cases: [string, "inclusion" | "exclusion", unknown[][]][] = [
    ["MELD score of at least 10", "inclusion", [["MELD", ">=", 10, null, null, null, 0]]],
    // Two ranges no patient is in at once, joined by "and" in an exclusion: alternatives (one group).
    ["age ≤21 years and >70 years old", "exclusion", [["AGE", "<=", 21, null, "a", null, 0], ["AGE", ">", 70, null, "a", null, 0]]],
    // One alternative of a clause unread ("or if … <3.0 mg/dL [and unfit for anaesthesia]"): none of the clause is read.
    ["serum total bilirubin of 3.0 to 5.0 mg/dL, or if the total bilirubin is <3.0 mg/dL, patients unsuitable for general anaesthesia", "inclusion", []],
    // Limits that describe who is not taken, or another group, are not this trial's limits.
    ["Chronic cholestasis. Generic exclusion criteria: INR > 1.3, Albumin < 35 g/L", "inclusion", []],
    ["Incomplete response to UDCA. The criteria for the group of complete responders: bilirubin less than 17 μmol/L", "inclusion", []],
    // …but the criteria a patient must meet ("the criteria of ACLF defined as") are read.
    ["Meeting the criteria of ACLF defined as: TBil ≥ 170 μmol/L", "inclusion", [["TBIL", ">=", 170, null, "umol/L", null, 0]]],

    // An item of "one of the following" whose two limits are joined by "and": both must hold (two groups).
    ["Severe coagulation disorder (one of the following 1 to 3; 1. bleeding predisposition, 2. coagulation, 3. platelet≤50,000/mm3 and INR≥1.5)", "exclusion",
      [["PLATELETS", "<=", 50000, null, "/mm3", null, 0], ["INR", ">=", 1.5, null, null, null, 1]]],

    ["Child-Plough score of 10 or more.", "inclusion", [["CHILD_PUGH", ">=", 10, null, null, null, 0]]],
    ["Model for End-Stage Liver Disease (MELD) < 30", "inclusion", [["MELD", "<", 30, null, null, null, 0]]],
    ["platelet count more than 30.000/mm3", "inclusion", [["PLATELETS", ">", 30000, null, "/mm3", null, 0]]],
    ["Platelet count < 30,000/mm3.", "exclusion", [["PLATELETS", "<", 30000, null, "/mm3", null, 0]]],
    ["Platelets < 50 x 109/L", "exclusion", [["PLATELETS", "<", 50, null, "10*9/L", null, 0]]],
    ["platelets <50×10^9/L", "exclusion", [["PLATELETS", "<", 50, null, "10*9/L", null, 0]]],
    ["Serum Sodium <129mEq/L.", "exclusion", [["SODIUM", "<", 129, null, "meq/L", null, 0]]],
    ["Serum Creatinine > 2 mg/dl.", "exclusion", [["CREATININE", ">", 2, null, "mg/dL", null, 0]]],
    ["Creatinine >133 μmol/L", "exclusion", [["CREATININE", ">", 133, null, "umol/L", null, 0]]],
    ["Child-Pugh scores of ≥7 and <14", "inclusion", [["CHILD_PUGH", ">=", 7, null, null, null, 0], ["CHILD_PUGH", "<", 14, null, null, null, 1]]],
    ["Child-Pugh score 9-15", "inclusion", [["CHILD_PUGH", "between", 9, 15, null, null, 0]]],
    ["Child-Turcotte-Pugh (CTP) score 7 to 12 points.", "inclusion", [["CHILD_PUGH", "between", 7, 12, null, null, 0]]],
    ["17≤MELD score≤30", "inclusion", [["MELD", "between", 17, 30, null, null, 0]]],
    ["MELD scores meet 17 ≤ MELD ≤ 26.", "inclusion", [["MELD", "between", 17, 26, null, null, 0]]],
    ["Serum albumin <35 g/L, total bilirubin<170 μmol/L", "inclusion", [["ALBUMIN", "<", 35, null, "g/L", null, 0], ["TBIL", "<", 170, null, "umol/L", null, 1]]],
    ["Albumin < 35 g/litre", "exclusion", [["ALBUMIN", "<", 35, null, "g/L", null, 0]]],
    ["Hb>10gm/dl.", "inclusion", [["HEMOGLOBIN", ">", 10, null, "g/dL", null, 0]]],
    ["AST or ALT > 10 x ULN", "exclusion", [["AST", ">", 10, null, null, "ULN", 0], ["ALT", ">", 10, null, null, "ULN", 0]]],
    ["serum creatinine test exceeds 1.5 times the upper limit of normal", "exclusion", [["CREATININE", ">", 1.5, null, null, "ULN", 0]]],
    ["Serum ALP >/=1.67 ULN", "inclusion", [["ALP", ">=", 1.67, null, null, "ULN", 0]]],
    ["Serum ALT must be above ≥ 1.5 ULN", "inclusion", [["ALT", ">=", 1.5, null, null, "ULN", 0]]],
    ["Serum creatinine ≥ 2 mg/dL or T-Bil ≥ 5.0 mg/dL", "exclusion", [["CREATININE", ">=", 2, null, "mg/dL", null, 0], ["TBIL", ">=", 5, null, "mg/dL", null, 0]]],
    ["platelet≤50,000/mm3 and INR≥1.5", "exclusion", [["PLATELETS", "<=", 50000, null, "/mm3", null, 0], ["INR", ">=", 1.5, null, null, null, 1]]],
    ["International normalized ratio >3.0 and/or platelet counts <30,000/mm3", "exclusion", [["INR", ">", 3, null, null, null, 0], ["PLATELETS", "<", 30000, null, "/mm3", null, 0]]],
    ["white blood cell count <2.0×10^9/L or >12×10^9/L", "exclusion", [["WBC", "<", 2, null, "10*9/L", null, 0], ["WBC", ">", 12, null, "10*9/L", null, 0]]],
    ["Alpha fetoprotein>400ng/mL", "exclusion", [["AFP", ">", 400, null, "ng/mL", null, 0]]],
    ["prothrombin activity >30% (prothrombin time <20 s)", "inclusion", [["PTA", ">", 30, null, "%", null, 0]]],
    ["a prothrombin time <40%", "exclusion", [["PTA", "<", 40, null, "%", null, 0]]],
    ["Prothrombin time is over 30s.", "exclusion", [["PT", ">", 30, null, "s", null, 0]]],
    ["hepatic encephalopathy (grade II or lower)", "inclusion", [["HE_GRADE", "<=", 2, null, null, null, 0]]],
    ["Presence of advanced hepatic encephalopathy Stages 3-4 (West Haven criteria)", "exclusion", [["HE_GRADE", "between", 3, 4, null, null, 0]]],
    ["Aged 18~60 years.", "inclusion", [["AGE", "between", 18, 60, "a", null, 0]]],
    ["Age ≥ 18 , ≤70 years old at visit 1", "inclusion", [["AGE", "between", 18, 70, "a", null, 0]]],
    ["Be less than 20 years old or more than 60 years old", "exclusion", [["AGE", "<", 20, null, "a", null, 0], ["AGE", ">", 60, null, "a", null, 0]]],
    ["Subjects are between 20 and 70 years of age.", "inclusion", [["AGE", "between", 20, 70, "a", null, 0]]],
    ["Men and women ≥ 20 years of age", "inclusion", [["AGE", ">=", 20, null, "a", null, 0]]],
    ["serum total bilirubin not less than 5 mg/dL", "inclusion", [["TBIL", ">=", 5, null, "mg/dL", null, 0]]],
    ["INR ≧ 1.5", "inclusion", [["INR", ">=", 1.5, null, null, null, 0]]],
    ["MELD-Na score below 25", "inclusion", [["MELD_NA", "<", 25, null, null, null, 0]]],
    ["serum albumin at least 2.8 g/dL", "inclusion", [["ALBUMIN", ">=", 2.8, null, "g/dL", null, 0]]],
    ["serum total bilirubin [TBil] ≥10 X the upper limit of normal; coagulopathy (international normalized ratio [INR] ≥1.5 or prothrombin activity [PTA] <40%)", "inclusion",
      [["TBIL", ">=", 10, null, null, "ULN", 0], ["INR", ">=", 1.5, null, null, null, 1], ["PTA", "<", 40, null, "%", null, 1]]],
    ["Any of the following: serum creatinine > 1.5 mg/dL; sodium < 125 mmol/L; bilirubin > 20 mg/dL", "exclusion",
      [["CREATININE", ">", 1.5, null, "mg/dL", null, 0], ["SODIUM", "<", 125, null, "mmol/L", null, 0], ["TBIL", ">", 20, null, "mg/dL", null, 0]]],
  ];
  it.each(cases)("%s", (text, list, expected) => {
    expect(read(text, list)).toEqual(expected);
  });
});
