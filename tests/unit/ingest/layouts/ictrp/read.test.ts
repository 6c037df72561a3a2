import { describe, expect, it } from "vitest";
import { readIctrpAge, readIctrpDate, readIctrpPhases, readIctrpSex, recordIdOf, registryOf } from "@/lib/ingest/layouts/ictrp/read";
import { chictrPairs, readIctrpArms } from "@/lib/ingest/layouts/ictrp/arms";
import { fieldText } from "@/lib/ingest/layouts/ictrp/text";

describe("ICTRP field readers", () => {
  it.each([
    ["18 Years", "min", 18], ["18", "min", 18], [">= 20age old", "min", 20], ["<= 82age old", "max", 82], ["16years-old", "min", 16],
    ["60(Year)", "min", 60], ["6 Months", "min", 0.5], ["65+", "max", null], ["N/A", "min", null], ["None", "max", null],
    ["Not applicable", "min", null], ["", "min", null],
  ] as const)("age %j (%s) → %j", (text, bound, years) => expect(readIctrpAge(text, bound)).toBe(years));

  it.each([
    ["20200216", "2020-02-16"], ["2020-02-16", "2020-02-16"], ["2016/12/06", "2016-12-06"], ["28/06/2004", "2004-06-28"],
    ["27-07-2009", "2009-07-27"], ["April 25, 2024", "2024-04-25"], ["April 2024", "2024-04"], ["31/02/2020", null], ["soon", null],
  ])("date %j → %j", (text, iso) => expect(readIctrpDate(text)).toBe(iso));

  it.each([
    ["All", "ALL"], ["Both", "ALL"], ["Male and Female", "ALL"], ["Female: yes Male: yes", "ALL"], ["Female: yes\nMale: no", "FEMALE"],
    ["Female: no Male: yes", "MALE"], ["-", null],
  ])("sex %j → %j", (text, sex) => expect(readIctrpSex(text)).toBe(sex));

  it.each([
    ["Phase 2/Phase 3", ["PHASE2", "PHASE3"]], ["3", ["PHASE3"]], ["1-2", ["PHASE1", "PHASE2"]], ["Phase1/Phase2", ["PHASE1", "PHASE2"]],
    ["N/A", ["NA"]], ["0", []], ["Retrospective study", []], ["Not selected", []],
    ["Human pharmacology (Phase I): no Therapeutic exploratory (Phase II): yes Therapeutic confirmatory - (Phase III): yes Therapeutic use - (Phase IV): no", ["PHASE2", "PHASE3"]],
  ])("phase %j → %j", (text, phases) => expect(readIctrpPhases(text)).toEqual(phases));

  it("ids: the TrialID as a path-safe permalink; registries by prefix", () => {
    expect(recordIdOf("CTRI/2009/091/000527")).toBe("CTRI-2009-091-000527");
    expect(recordIdOf("EUCTR2014-000123-45-DE")).toBe("EUCTR2014-000123-45-DE");
    expect(["NCT04288102", "EUCTR2014-000123-45-DE", "JPRN-jRCTs031210288", "JPRN-UMIN000027045", "NL-OMON55279", "KCT0000379", "XYZ-1"].map(registryOf))
      .toEqual(["NCT", "EUCTR", "JPRN-jRCT", "JPRN-UMIN", "NL-OMON", "KCT", null]);
  });

  it("decodes escaped HTML once: a CR before <br> is one break, <p> a break, entities decoded", () => {
    expect(fieldText("a\r\n<br>b\n<br>\n<br>c")).toBe("a\nb\n\nc");
    expect(fieldText("<p>x &lt; y &amp; z</p><br>")).toBe("x < y & z");
    expect(fieldText("&lt;br&gt;Female: yes&lt;br&gt;")).toBe("Female: yes");
  });
});

describe("ICTRP arms by registry", () => {
  it("ChiCTR pairs: a label with parentheses, a ';' inside a group's words", () => {
    expect(chictrPairs("control group:None;Experimental group (mild and normal type in patients with new coronavirus pneumonia):3% hydrogen peroxide gargle;"))
      .toEqual([{ label: "control group", value: "None" }, { label: "Experimental group (mild and normal type in patients with new coronavirus pneumonia)", value: "3% hydrogen peroxide gargle" }]);
    const a = readIctrpArms("ChiCTR", "A group:x 1 mg; y 2 mg;B group:z;", "A group:10;B group:12;");
    expect(a.arms.map((x) => [x.label, x.description])).toEqual([["A group", "x 1 mg; y 2 mg"], ["B group", "z"]]);
    expect(a.groupSizes).toEqual([{ label: "A group", count: 10 }, { label: "B group", count: 12 }]);
  });

  it("NCT Type: lists are interventions linked to no arm", () => {
    const a = readIctrpArms("NCT", "Biological: UC-MSCs;Drug: Placebo", "48");
    expect([a.arms, a.unlinked.map((u) => u.name), a.names]).toEqual([[], ["UC-MSCs", "Placebo"], ["UC-MSCs", "Placebo"]]);
  });

  it("an unknown registry's text: one intervention, no arm", () => {
    const a = readIctrpArms("unknown", "Cells given once", "12");
    expect([a.arms.length, a.unlinked, a.convention]).toEqual([0, [{ name: "Cells given once", description: "Cells given once" }], "free text"]);
  });
});
