import { beforeAll, describe, expect, it } from "vitest";
import { findAmounts } from "@/lib/ingest/prose/amounts";
import { combineSchedules, findSchedules } from "@/lib/ingest/prose/schedules";
import { findProducts } from "@/lib/ingest/prose/products";
import { findGroups } from "@/lib/ingest/prose/groups";
import { analyzeScopes } from "@/lib/ingest/prose/scopes";
import { readArmsFromProse } from "@/lib/ingest/prose/index";

const one = (t: string) => {
  const a = findAmounts(t);
  expect(a).toHaveLength(1);
  return a[0]!;
};

describe("amounts", () => {
  it.each([
    ["2.0×10^6 cells/kg", 2000000, true], ["2.0×10\\^6 cells/kg", 2000000, true], ["4*10^5/kg", 400000, true],
    ["12*10^5 cells", 1200000, false], ["1 x 1000000 cells/kg", 1000000, true], ["1x10E6 MSCs/kg", 1000000, true],
    ["0.5*10E6 MSC/kg", 500000, true], ["2 x 10e6 cells/kg", 2000000, true], ["6.0×10E7cells per time", 60000000, false],
    ["2×105/Kg", 200000, true], ["1x106 MSCs per kg", 1000000, true], ["5X107 cells", 50000000, false],
    ["1.000.000 cells/kg", 1000000, true], ["10 million cells", 10000000, false], ["100 million cells", 100000000, false],
    ["2 million cells per Kg", 2000000, true], ["1×10^6 UC-MSCs/kg", 1000000, true], ["3×10⁶ cells/kg body weight", 3000000, true],
  ])("%s", (text, value, perKg) => {
    const m = one(text);
    expect(m.value).toBe(value);
    expect(m.perKg).toBe(perKg);
    if (perKg) expect(m.cellsPerKg).toBe(value);
    else expect(m.cellsPerInfusion).toBe(value);
    expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it("reads 2×105/Kg as 200000 per kg", () => expect(one("2×105/Kg").cellsPerKg).toBe(200000));
  it("marks approximate amounts", () => expect(one("approximately 5 x 10^7 cells").approximate).toBe(true));
  it("keeps ranges as ranges", () => {
    for (const t of ["0.5-1×10^6/kg", "1.0–10×10^5 cells/kg", "0.5 to 1 x 10^6/kg", "4.5 x 10^7 to 5.5 x 10^7 cells"]) {
      const m = one(t);
      expect(m.value).toBeNull();
      expect(m.range).not.toBeNull();
    }
    expect(one("0.5-1×10^6/kg").range).toEqual({ low: 500000, high: 1000000, exp: 6 });
  });
  it("a concentration is not a dose", () => expect(one("5x10^6 cells/mL").concentration).toBe(true));
  it("lists of levels are alternatives", () => expect(one("0.5, 1.0, 2.5 million cells/kg").alternatives).toEqual([500000, 1000000, 2500000]));
  it("implausible numbers are not amounts", () => {
    expect(findAmounts("1.5 x 10^12 cells, 2000 ml plasma, 2019, 300 patients, 1 x 100 cells")).toEqual([]);
  });
});

describe("schedules", () => {
  const read = (t: string) => combineSchedules(findSchedules(t));
  it.each([
    ["four times", 4, null], ["twice", 2, null], ["a single infusion", 1, [0]], ["3 doses", 3, null],
    ["once a week for 8 weeks", 8, [0, 7, 14, 21, 28, 35, 42, 49]], ["weekly for 4 weeks", 4, [0, 7, 14, 21]],
    ["every 3 days, 4 infusions", 4, [0, 3, 6, 9]], ["once every 4 weeks, three infusions", 3, [0, 28, 56]],
    ["every two weeks, 3 times", 3, [0, 14, 28]], ["q4w, 3 doses", 3, [0, 28, 56]], ["on days 1, 3 and 7", 3, [0, 2, 6]],
    ["at week 0, 1 and 2", 3, [0, 7, 14]], ["at week 4 and week 5", 2, [0, 7]], ["once a month for 6 months", 6, null],
    ["at Day 0, Day 5 (±1) and Day 13 (±1)", 3, [0, 5, 13]], ["three times at 3-week intervals", 3, [0, 21, 42]],
    ["injected two times at 4, 8week", 2, [0, 28]], ["A single dose of 2×107 hUC-MSC, repeated every week for four times", 4, [0, 7, 14, 21]],
    ["once a week for 8 weeks after randomisation", 8, [0, 7, 14, 21, 28, 35, 42, 49]],
    // more infusions than any trial gives: read in full, not listed, for the plausibility check to refuse
    ["once a week for 1234 weeks", 1234, null],
  ])("%s", (text, infusions, days) => {
    const s = read(text)!;
    expect(s.infusions).toBe(infusions);
    expect(s.dayOffsets).toEqual(days);
  });
  it("follow-up visits are not infusions", () => {
    expect(findSchedules("followed up at weeks 4, 12 and 24")).toEqual([]);
    expect(findSchedules("from day 0 through the week 12 study visit")).toEqual([]);
    expect(findSchedules("ALT above 3 times the upper limit of normal")).toEqual([]);
    expect(findSchedules("BM Aspiration will be done twice from the iliac crest")).toEqual([]);
    expect(findSchedules("Each patient will receive 30mg Pioglitazone daily for 24 months.")).toEqual([]);
    expect(findSchedules("patients are followed up every week for 6 months")).toEqual([]);
    expect(findSchedules("the stromal cells were expanded in culture for three weeks")).toEqual([]);
  });
  it("counts above 100 are not counts", () => expect(findSchedules("150 times")).toEqual([]));
});

describe("products", () => {
  it("names MSCs in all forms", () => {
    const p = findProducts("UC-MSC, hUC-MSCs, BM-MSC, MSCs, mesenchymal stromal cells, menstrual blood-derived stem cells, Stemchymal");
    expect(p.map((x) => x.product)).toEqual(Array(7).fill("MSC"));
  });
  it("keeps non-MSC treatments apart", () => {
    const p = findProducts("plasma exchange, artificial liver support, G-CSF, entecavir, glucocorticoids, albumin, hematopoietic stem cells, CD34+ cells, bone marrow mononuclear cells, regulatory T cells, hepatocytes, scaffold");
    expect(p.every((x) => x.product === "OTHER")).toBe(true);
    expect(p).toHaveLength(12);
  });
  it("negation and carriers", () => {
    expect(findProducts("solution without UC-MSCs")[0]!.negated).toBe(true);
    expect(findProducts("MSCs suspended in normal saline").map((x) => x.product)).toEqual(["MSC"]);
    expect(findProducts("placebo, saline, vehicle").map((x) => x.product)).toEqual(["PLACEBO", "PLACEBO", "PLACEBO"]);
  });
});

describe("groups and scopes", () => {
  it("reads group names to keys", () => {
    const keys = (t: string) => findGroups(t).map((g) => g.keys);
    expect(keys("group A")).toEqual([["id:a"]]);
    expect(keys("Group II")).toEqual([["id:2"]]);
    expect(keys("the medium-dose group")).toEqual([["level:medium"]]);
    expect(keys("the control group")).toEqual([["control"]]);
    expect(keys("the placebo group")).toEqual([["placebo"]]);
    expect(keys("Groups A and B")).toEqual([["id:a", "id:b"]]);
    expect(keys("randomized into two groups")).toEqual([]);
    expect(findGroups("Patients in Group MSC-1 receive", ["Group MSC-1"]).map((g) => g.text)).toEqual(["Group MSC-1"]);
  });
  it("splits sentences, clauses and parentheses with spans", () => {
    const t = "Group A gets 1×10^6 cells/kg (weekly), while group B gets placebo. Dr. X signs e.g. this.";
    const s = analyzeScopes(t);
    expect(s.sentences.map(([a, b]) => t.slice(a, b))).toEqual(["Group A gets 1×10^6 cells/kg (weekly), while group B gets placebo.", "Dr. X signs e.g. this."]);
    expect(s.clauses.length).toBe(3);
    expect(s.parens.map(([a, b]) => t.slice(a, b))).toEqual(["(weekly)"]);
  });
});

/** CPU milliseconds `fn` took: the test machine is shared, and a busy neighbour must not fail a linear reader. */
function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe("linear time", () => {
  const inputs = [
    "1 ".repeat(500_000), "1".repeat(1_000_000), " ".repeat(1_000_000), "(".repeat(1_000_000),
    "a ".repeat(500_000) + "group", "1, ".repeat(330_000) + "million cells/kg",
    "every ".repeat(170_000), "the same ".repeat(110_000), "1.000".repeat(200_000),
    // 1 MB each: groups, amounts and schedules up to the mention caps in one long sentence
    "group ".repeat(170_000), "1 x 10".repeat(170_000), "at week 1, ".repeat(92_000),
    "(a) ".repeat(250_000), "Group A. ".repeat(112_000),
  ];
  // Compile the reader's patterns first: the first call's one-time JIT work is not the input's cost.
  beforeAll(() => void readArmsFromProse({ arms: [], trialText: "Group A received 1×10^6 MSCs/kg once a week for 4 weeks. 1 2 (3) group" }));
  it.each(inputs.map((t, i) => [i, t] as const))("adversarial line %i finishes under a second of CPU", (_i, text) => {
    expect(cpuMs(() => readArmsFromProse({ arms: [], trialText: text }))).toBeLessThan(1000);
  });
});
