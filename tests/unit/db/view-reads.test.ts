import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findAllLandscapeTrials, findTrialsNow, readAllMatches, screenTrialsByIds, searchTrialRecords } from "@/lib/data/search";
import { isDeepStrictEqual } from "node:util";
import { read } from "@/lib/db/store";
import { getAllTrials, getTrials } from "@/lib/data/records";
import { jsonStream } from "@/lib/http/json-stream";
import { loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { landscapeCsvLines, toLandscapeCsv } from "@/lib/landscape/csv";
import { collectLandscapeArms, finishLandscape, shapeLandscape, type LandscapeArms, type ShapeOptions } from "@/lib/landscape/shape";
import type { TrialRecord } from "@/lib/record/schema";
import { screenTrials } from "@/lib/screen";
import { screenAnswer } from "@/lib/screen/api";
import { parsePatient, type Patient } from "@/lib/screen/params";
import { parseSearchParams, type SearchQuery } from "@/lib/search/params";
import { engineDatabase, ENGINES, type EngineDb } from "@/tests/support/engines";

/**
 * The landscape and the screen read only the rows they need (lib/db/view-reads.ts), a
 * chunk at a time. Their answers must be the very answers of the whole records: the same
 * points, verdicts, reasons and order, on the seeds and on the real records of
 * ../shared/ctgov (read in place). On both engines.
 */
const SHARED = path.resolve(process.cwd(), "..", "shared", "ctgov");
const SHARED_DIRS = ["classic", "v2", "msc-other"].map((d) => path.join(SHARED, d)).filter((d) => fs.existsSync(d));

const query = (qs: string): SearchQuery => parseSearchParams(new URLSearchParams(qs)).query;
const patient = (qs: string): Patient => {
  const p = parsePatient((k) => new URLSearchParams(qs).get(k));
  if (!p.ok) throw new Error(p.message);
  return p.patient;
};

/** The whole-record path: the search's ids, then every record (what the routes read before). */
async function fullRecords(q: SearchQuery): Promise<TrialRecord[]> {
  return getTrials((await findTrialsNow({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER })).ids);
}

const QUERIES = ["", "q=liver", "q=umbilical%20cord&sort=dose", "source=UMBILICAL_CORD", "route=PERIPHERAL_VEIN&dosing=REPEATED_INFUSIONS",
  "origin=ALLOGENEIC", "phase=PHASE2&status=RECRUITING", "q=cirrhosis&sort=enrollment", "q=nothingmatchesthis"];

let all: TrialRecord[] = [];

describe.each(ENGINES)("on %s", (engine) => {
let scratch: EngineDb;
beforeAll(async () => {
  scratch = await engineDatabase(engine, "view-reads");
  const results = [...await scratch.importFiles(seedFiles(), loadCuration(SEED_CURATION)), ...await scratch.importFiles(SHARED_DIRS, {})];
  expect(results.filter((r) => !r.ok).map((r) => r.line).slice(0, 3)).toEqual([]);
  scratch.use();
  all = await getAllTrials();
}, 300_000);
afterAll(() => scratch?.cleanup());
beforeEach(() => scratch.use());

describe("the registry these tests read", () => {
  it("holds the seeds and the shared records, with MSC arms and thresholds to read", () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.flatMap((t) => t.arms).filter((a) => a.doses.some((d) => d.product === "MSC")).length).toBeGreaterThan(200);
    expect(all.filter((t) => t.eligibility.thresholds.length).length).toBeGreaterThan(50);
  });
});

describe("the landscape from its lean reads", () => {
  const options: ShapeOptions[] = [
    { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] } },
    { weightKg: 72.5, y: "cumulative", colour: "status", filters: { route: [], source: [], origin: [], dosing: [] } },
  ];
  it.each(QUERIES)("query %j: the same landscape (points, order, undrawn arms, summary) as from whole records", async (qs) => {
    const q = query(qs);
    const full = await fullRecords(q);
    const { trials } = await findAllLandscapeTrials(q);
    expect(trials.map((t) => t.id)).toEqual(full.map((t) => t.id));
    for (const o of [...options, { ...options[0]!, colour: "source" as const, filters: { route: q.route, source: q.source, origin: q.origin, dosing: q.dosing } }]) {
      const expected = shapeLandscape(full, o);
      expect(shapeLandscape(trials, o)).toEqual(expected);
      expect(toLandscapeCsv(shapeLandscape(trials, o))).toBe(toLandscapeCsv(expected));
    }
    if (!qs) expect(shapeLandscape(full, options[0]!).points.length).toBeGreaterThan(100);
  });

  it("an arm keeps its index among all the trial's arms (its anchor), arms without an MSC dose are not read", async () => {
    const { trials } = await findAllLandscapeTrials(query(""));
    const withGap = trials.find((t) => t.arms.length > Object.keys(t.arms).length);
    expect(withGap, "a trial whose first arm has no MSC dose (a placebo arm)").toBeTruthy();
    const record = all.find((t) => t.id === withGap!.id)!;
    for (const [i, arm] of Object.entries(withGap!.arms)) expect(arm.label).toBe(record.arms[Number(i)]!.label);
  });

  it("shaped a chunk of trials at a time, it is the landscape shaped at once", async () => {
    const { trials } = await findAllLandscapeTrials(query(""));
    const o: ShapeOptions = { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] } };
    const arms: LandscapeArms = { drawn: [], noDose: [] };
    for (let i = 0; i < trials.length; i += 7) collectLandscapeArms(trials.slice(i, i + 7), o, arms);
    expect(finishLandscape(arms, o)).toEqual(shapeLandscape(trials, o));
    // The API's landscape, without the summary in words it does not answer: all else the same.
    const withSummary = shapeLandscape(trials, o);
    expect(withSummary.summary.length).toBeGreaterThan(1000);
    expect(shapeLandscape(trials, { ...o, summary: false })).toEqual({ ...withSummary, summary: "" });
    expect([...landscapeCsvLines(shapeLandscape(trials, o))].join("")).toBe(toLandscapeCsv(shapeLandscape(trials, o)));
  });
});

describe("the screen from its lean reads", () => {
  const PATIENTS = ["tbil=15&tbil_unit=mg/dL&inr=1.8&meld=26&age=58", "tbil=100&tbil_unit=umol/L&creatinine=1.4&creatinine_unit=mg/dL&age=30", "age=90", "alt=400&alt_unit=U/L&age=17"];
  it.each(PATIENTS)("patient %j: every trial's verdict and reasons equal those of its whole record, in the export's order", async (ps) => {
    const p = patient(ps);
    const { trials, missing } = await screenTrialsByIds(null);
    expect(missing).toEqual([]);
    expect(trials.map((t) => t.id)).toEqual(all.map((t) => t.id));
    const expected = screenAnswer(all, p);
    expect(screenAnswer(trials, p)).toEqual(expected);
    expect(new Set(expected.trials.map((t) => t.verdict))).toEqual(new Set(["possible", "excluded"]));
  });

  it("asked for ids: the order given, and the ids not stored named", async () => {
    const ids = [all[5]!.id, all[0]!.id, all[200]!.id];
    const { trials, missing } = await screenTrialsByIds([...ids, "NCT00000000"]);
    expect(trials.map((t) => t.id)).toEqual(ids);
    expect(missing).toEqual(["NCT00000000"]);
    const p = patient(PATIENTS[0]!);
    expect(screenTrials(trials, p)).toEqual(screenTrials(await getTrials(ids), p));
  });

  it.each(QUERIES)("the list's query %j screened: the search's order, the whole records' verdicts", async (qs) => {
    const q = query(qs);
    const p = patient(PATIENTS[0]!);
    const screened = await readAllMatches(q, (r, ids) => r.screenTrials(ids), (_r, found, trials) => ({ found, screens: screenTrials(trials, p) }));
    expect(screened.screens).toEqual(screenTrials(await fullRecords(q), p));
    expect(screened.found.total).toBe(screened.screens.length);
  });
});

describe("whole records read with raw SQL (the export, GET /api/trials: the search and its records from one snapshot)", () => {
  it("equal the records as the importer wrote them (each trial's newest version, kept as JSON at import), for every trial", async () => {
    const written = await read(async (r) => Promise.all(all.map(async (t) => (await r.latestPair(t.id))?.latest.record)));
    expect(written.filter(Boolean)).toHaveLength(all.length);
    const differing = all.filter((t, i) => !isDeepStrictEqual(t, written[i])).map((t) => t.id);
    expect(differing).toEqual([]);
  });

  it.each(QUERIES)("query %j: the API's page is the whole records of the search's page", async (qs) => {
    const q = query(`${qs}&pageSize=50&page=1`);
    const answer = await searchTrialRecords(q);
    const { total, ids } = await findTrialsNow(q);
    expect(answer.total).toBe(total);
    expect(JSON.stringify(answer.trials)).toBe(JSON.stringify(await getTrials(ids)));
  });
});

});

describe("a streamed JSON answer", () => {
  it("is byte for byte JSON.stringify's, long arrays and all", async () => {
    const value = {
      a: 1, skipped: undefined, s: "é\u2028\"", nested: { list: Array.from({ length: 300 }, (_, i) => ({ i, x: i % 3 ? null : [i, "t"], u: undefined })) },
      long: Array.from({ length: 1000 }, (_, i) => (i % 5 ? i / 7 : undefined)), short: [1, 2], empty: [], nil: null, t: true,
    };
    expect(await new Response(jsonStream(value)).text()).toBe(JSON.stringify(value));
    const landscape = shapeLandscape(all, { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] } });
    const body = { weightKg: landscape.weightKg, points: landscape.points, noDose: landscape.noDose };
    expect(await new Response(jsonStream(body)).text()).toBe(JSON.stringify(body));
  });
});
