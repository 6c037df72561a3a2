import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "@/lib/import/run-import";
import { readTrialXmlFile } from "@/lib/import/xml-file";
import { importXmlRecord } from "@/lib/ingest/pipeline";
import { registryOf } from "@/lib/ingest/layouts/ictrp/read";
import type { TrialRecord } from "@/lib/record/schema";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { splitIds } from "@/lib/url/ids";
import { parseScreenRequest } from "@/lib/screen/api";

/**
 * The four real WHO ICTRP exports of ../shared/ictrp and the ChiCTR XML download of
 * ../shared/chictr, read record by record; the doses of the COVID-19 export's MSC trials
 * checked by hand against each record's Intervention field.
 */
const ICTRP = path.join("..", "shared", "ictrp");
const COVID = path.join(ICTRP, "ICTRP-Results_18Mar2020_COVID-19.xml");
const CHICTR = path.join("..", "shared", "chictr", "ChiCTR2000034346.xml");

function records(file: string): TrialRecord[] {
  const out: TrialRecord[] = [];
  for (const p of readTrialXmlFile(file)) {
    if (p.kind !== "record") throw new Error(p.message);
    out.push(importXmlRecord(p, path.basename(file)).record);
  }
  return out;
}

describe("the real ICTRP exports", () => {
  let all: TrialRecord[];
  let covid: Map<string, TrialRecord>;
  beforeAll(() => {
    all = fs.readdirSync(ICTRP).filter((f) => f.endsWith(".xml")).sort().flatMap((f) => records(path.join(ICTRP, f)));
    covid = new Map(records(COVID).map((r) => [r.id, r]));
  });

  it("reads every record, each under its TrialID, per registry", () => {
    expect(all).toHaveLength(855);
    const by: Record<string, number> = {};
    for (const r of all) {
      const reg = registryOf(r.otherIds.find((i) => i.startsWith("CTRI/")) ?? r.id) ?? "unknown";
      by[reg] = (by[reg] ?? 0) + 1;
    }
    expect(by).toEqual({ NCT: 149, EUCTR: 202, CTIS: 1, ChiCTR: 477, DRKS: 6, "JPRN-jRCT": 6, "JPRN-UMIN": 3, "NL-OMON": 2, KCT: 1, CTRI: 8 });
    expect(all.filter((r) => r.source.format === "ictrp")).toHaveLength(855);
    // The NCT id only for NCT records.
    expect(all.filter((r) => r.nctId !== null).every((r) => r.id === r.nctId)).toBe(true);
    expect(all.filter((r) => r.nctId !== null)).toHaveLength(149);
  });

  it("every record id is one the trial page, comparison and screen addresses accept", () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(855);
    for (const id of ids) expect(encodeURIComponent(id)).toBe(id);
    expect(splitIds(ids.join(",")).malformed).toEqual([]);
    const some = ["ChiCTR2000029990", "EUCTR2014-000123-45-DE", "JPRN-jRCT2071210009", "NL-OMON55279", "CTRI-2009-091-000527", "CTIS2023-507385-11-00"];
    const screen = parseScreenRequest(new URLSearchParams({ tbil: "3", ids: some.join(",") }));
    expect(screen.ok && screen.ids).toEqual(some);
  });

  it("keeps the ids as permalinks and the other registries' ids", () => {
    const ctri = all.find((r) => r.id === "CTRI-2009-091-000527")!;
    expect(ctri.otherIds).toContain("CTRI/2009/091/000527");
    const jrct = all.find((r) => r.id === "JPRN-jRCT2071210009")!;
    expect(jrct.nctId).toBeNull();
    expect(jrct.otherIds).toEqual(["NCT04136184", "2019-001698-10"]);
    expect(jrct.arms.map((a) => [a.label, a.type])).toEqual([["ION-682884", "EXPERIMENTAL"], ["Inotersen", "ACTIVE_COMPARATOR"]]);
    expect(jrct.eligibility.minAgeYears).toBe(20);
    expect(jrct.eligibility.maxAgeYears).toBe(82);
    const ctis = all.find((r) => r.id === "CTIS2023-507385-11-00")!;
    expect(ctis.otherIds).toEqual(["U1111-1296-5487", "2022-003405-30", "NCT05697861"]);
    expect(ctis.phases).toEqual(["PHASE2", "PHASE3"]);
    expect(ctis.eligibility.sex).toBe("ALL");
    expect(ctis.eligibility.maxAgeYears).toBeNull(); // "65+"
    const kct = all.find((r) => r.id === "KCT0000379")!;
    expect([kct.eligibility.minAgeYears, kct.eligibility.maxAgeYears, kct.phases]).toEqual([60, 80, ["PHASE1", "PHASE2"]]);
    const umin = all.find((r) => r.id === "JPRN-UMIN000027045")!;
    expect([umin.eligibility.minAgeYears, umin.eligibility.maxAgeYears, umin.dates.start]).toEqual([16, 50, "2016-12-06"]);
  });

  it("reads ChiCTR groups and their sizes, and the design words of free text, marked derived", () => {
    const r = covid.get("ChiCTR2000030088")!;
    expect(r.arms.map((a) => a.label)).toEqual(["Experimental group", "Control group"]);
    expect(r.enrollment).toEqual({ count: 40, type: null });
    expect(r.provenance.enrollment).toBe("derived");
    expect(r.design.interventionModel).toBe("PARALLEL");
    const nonRandom = covid.get("ChiCTR2000030300")!; // "Non randomized control"
    expect(nonRandom.design.allocation).toBe("NON_RANDOMIZED");
    expect(nonRandom.provenance["design.allocation"]).toBe("derived");
    const nct = covid.get("NCT04288102")!;
    expect(nct.design).toEqual({ allocation: "RANDOMIZED", interventionModel: "PARALLEL", masking: "QUADRUPLE" });
    expect(nct.phases).toEqual(["PHASE1", "PHASE2"]);
    expect(nct.eligibility.exclusion.length).toBeGreaterThan(0);
  });

  // Checked by hand against each record's Intervention (the export's own words).
  const MSC_DOSES: [string, { label: string; cellsPerKg: number | null; cellsPerInfusion: number | null; infusions: number | null }[]][] = [
    ["ChiCTR2000030088", [{ label: "Experimental group", cellsPerKg: 1e6, cellsPerInfusion: null, infusions: null }]], // "(1×10^6/kg)"
    ["ChiCTR2000030835", [
      { label: "High dose group", cellsPerKg: 2e6, cellsPerInfusion: null, infusions: null }, // "MSc (2 x10^6 / kg / time)"
      { label: "Low dose group", cellsPerKg: 1e6, cellsPerInfusion: null, infusions: null }]],
    ["ChiCTR2000030484", [
      { label: "treatment group1", cellsPerKg: null, cellsPerInfusion: 5e7, infusions: null }, // "5 × 10E7 cells / time, once / week, twice / course"
      // "2 times / course, a total of 2 courses": 4 administrations, stated as a total of courses
      { label: "treatment group 2", cellsPerKg: null, cellsPerInfusion: 5e7, infusions: 4 }]], // "5 × 107 cells / time"
  ];
  it.each(MSC_DOSES)("%s: the MSC doses as the record states them", (id, expected) => {
    const r = covid.get(id)!;
    const got = r.arms.flatMap((a) => a.doses.filter((d) => d.product === "MSC" && (d.cellsPerKg ?? d.cellsPerInfusion) !== null)
      .map((d) => ({ label: a.label, cellsPerKg: d.cellsPerKg, cellsPerInfusion: d.cellsPerInfusion, infusions: d.infusions })));
    expect(got).toEqual(expected);
  });

  // ">5x10^9 … once every two days for a total of five times": the schedule is read; the amount
  // is a lower bound (">"): no amount, the reason kept.
  it("ChiCTR2000029817: each group's infusions and its words, '>' a minimum, not a dose", () => {
    const r = covid.get("ChiCTR2000029817")!;
    expect(r.arms.map((a) => [a.label, a.doses.filter((d) => d.product === "MSC").map((d) => d.infusions)])).toEqual([
      ["High dose group", [5]], ["Conventional dose group", [3]], ["Preventive dose group", [1]]]);
    const msc = r.arms.flatMap((a) => a.doses.filter((d) => d.product === "MSC"));
    expect(msc.map((d) => [d.cellsPerKg, d.cellsPerInfusion])).toEqual([[null, null], [null, null], [null, null]]);
    expect(msc.map((d) => d.unstated?.amount)).toEqual(['stated as a minimum: "5x10^9"', 'stated as a minimum: "3x10^9"', 'stated as a minimum: "3x10^9"']);
    expect(r.arms[0]!.doses[0]!.text).toContain("mesenchymal stem cells(>5x10^9)");
    expect(r.arms[2]!.description).toBe("Preventive dose NK cells (>3x10^9)and mesenchymal stem cells(>3x10^9),Intravenous infusion once every week for a total of one time");
  });

  it("ChiCTR2000030484: a group's second product stays in that group (the ';' inside it is not a new group)", () => {
    const r = covid.get("ChiCTR2000030484")!;
    expect(r.arms.map((a) => a.label)).toEqual(["treatment group1", "treatment group 2", "control group"]);
    expect(r.arms[1]!.description).toBe("HUMSCs: intravenous infusion, 5 × 107 cells / time, 1 time / week, 2 times / course, a total of 2 courses; Exosomes: intravenous administration, 180mg / time, 1 time / day, 7 days / course, 2 courses in total");
    expect(r.enrollment).toEqual({ count: 90, type: null });
    // "once / week, twice / course": no number of courses, so no number of administrations
    expect(r.arms[0]!.doses[0]!.infusions).toBeNull();
    expect(r.arms[0]!.doses[0]!.unstated?.infusions).toBe('2 per course ("twice / course"); the number of courses is not stated');
    expect(r.arms[1]!.doses[0]!.dayOffsets).toBeNull();
    // "placebo (stem cell solvent)": the cells' liquid without the cells is a placebo
    expect(r.arms[2]!.doses.map((d) => [d.product, d.cellsPerKg, d.cellsPerInfusion])).toEqual([["PLACEBO", null, null]]);
  });

  it("cell products and cells treated by stem cells are no MSC arm (NCT04299152, NCT04276987)", () => {
    for (const id of ["NCT04299152", "NCT04276987"]) {
      expect(covid.get(id)!.arms.flatMap((a) => a.doses).filter((d) => d.product === "MSC")).toEqual([]);
    }
  });

  // No amount stated in the record: each MSC arm's dose is "not reported", never a number.
  const NO_AMOUNT = ["ChiCTR2000029569", "ChiCTR2000030173", "ChiCTR2000030116", "ChiCTR2000030138", "ChiCTR2000029580", "ChiCTR2000030020",
    "ChiCTR2000029990", "ChiCTR2000030300", "ChiCTR2000030261", "ChiCTR2000030224", "ChiCTR2000030866", "ChiCTR2000029816",
    "NCT04273646", "NCT04269525", "NCT04302519", "NCT04252118", "NCT04276987", "NCT04288102", "NCT04293692"];
  it.each(NO_AMOUNT)("%s: no cell amount stated, none shown", (id) => {
    const r = covid.get(id)!;
    expect(r).toBeDefined();
    expect(r.arms.flatMap((a) => a.doses).every((d) => d.cellsPerKg === null && d.cellsPerInfusion === null)).toBe(true);
  });

  it("marks the ChiCTR records cancelled by the investigator as withdrawn (derived)", () => {
    const r = covid.get("ChiCTR2000029816")!;
    expect(r.overallStatus).toBe("WITHDRAWN");
    expect(r.provenance.overallStatus).toBe("derived");
    expect(r.title).toMatch(/^Clinical Study for Cord Blood Mesenchymal Stem Cells/);
  });

  it("reads the ChiCTR XML download", () => {
    const [r] = records(CHICTR);
    expect(r!.id).toBe("ChiCTR2000034346");
    expect(r!.source.format).toBe("chictr-xml");
    expect(r!.arms.map((a) => a.label)).toEqual(["2019 Y", "2020 Y"]);
    expect(r!.enrollment).toEqual({ count: 3239, type: null });
    expect(r!.overallStatus).toBe("COMPLETED");
    expect(r!.dates.start).toBe("2020-04-10");
    expect(r!.eligibility.sex).toBe("ALL");
    expect(r!.design.interventionModel).toBe("SEQUENTIAL");
  });
});

describe("npm run import of XML files", () => {
  let db: ScratchDb;
  let dir: string;
  beforeAll(() => {
    db = scratchDatabase("ictrp");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ictrp-bad-"));
  });
  afterAll(() => {
    db.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const trial = (id: string, extra = "") => `<Trial><TrialID>${id}</TrialID><Public_title>T ${id}</Public_title>${extra}</Trial>`;
  const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Trials_downloaded_from_ICTRP>\n${body}\n</Trials_downloaded_from_ICTRP>\n`;
  const run = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    const conn = new Database(db.file);
    try {
      return importFiles(conn, [path.join(dir, name)], {});
    } finally {
      conn.close();
    }
  };

  it("imports each record in its own transaction, stored as file.xml#TrialID", () => {
    const results = run("two.xml", doc(trial("ChiCTR2000000001") + trial("DRKS00000002")));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const conn = new Database(db.file, { readonly: true });
    const rows = conn.prepare("SELECT id, sourceFile FROM Trial WHERE sourceFile LIKE 'two.xml#%' ORDER BY id").all();
    conn.close();
    expect(rows).toEqual([{ id: "ChiCTR2000000001", sourceFile: "two.xml#ChiCTR2000000001" }, { id: "DRKS00000002", sourceFile: "two.xml#DRKS00000002" }]);
  });

  it("a <Trial> without an id: one named line, the rest imported", () => {
    const results = run("noid.xml", doc(trial("ChiCTR2000000003") + "<Trial><Public_title>no id</Public_title></Trial>" + trial("ChiCTR2000000004")));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]!.line).toBe("noid.xml #2: TrialID: a trial without a TrialID: it cannot be stored under a stable id");
  });

  it("an export cut mid-record: the records before it imported, one line for the cut", () => {
    const results = run("cut.xml", doc(trial("ChiCTR2000000005") + trial("ChiCTR2000000006")).slice(0, -80));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(results[1]!.line).toBe("cut.xml #2: truncated: the file ends at line 3 inside record 2 (unclosed tag: Trial)");
  });

  it("a broken XML file: one line naming the line", () => {
    const results = run("broken.xml", doc(trial("ChiCTR2000000007") + "<Trial><TrialID>X</Trial>"));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    expect(results[1]!.line).toBe("broken.xml #2: not well-formed XML at line 3: unexpected close tag (in record 2)");
  });

  it("an XML file of no known kind: one line naming its root and the kinds read", () => {
    const results = run("other.xml", "<?xml version=\"1.0\"?>\n<catalog><book/></catalog>\n");
    expect(results).toHaveLength(1);
    expect(results[0]!.line).toBe("other.xml: an XML document whose root is <catalog>, not a known trial record (known layouts: ClinicalTrials.gov clinical_study XML; WHO ICTRP XML export (<Trials_downloaded_from_ICTRP>); ChiCTR XML download (<trials><Triall>))");
  });
});
