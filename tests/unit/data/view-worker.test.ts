import fs from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenSearch } from "@/lib/data/screen";
import { findTrialsNow } from "@/lib/data/search";
import { runViewJob } from "@/lib/data/view-jobs";
import { runView, VIEW_POOL_SIZE } from "@/lib/data/view-pool";
import { openDatabase } from "@/lib/db/sqlite";
import { getTrials } from "@/lib/data/records";
import { importFiles, loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { toLandscapeCsv } from "@/lib/landscape/csv";
import { chartDataOf, PAGE_ROWS, PICKER_ROWS, UNDRAWN_ROWS, type ChartWire } from "@/lib/landscape/page";
import { shapeLandscape, type ShapeOptions } from "@/lib/landscape/shape";
import type { TrialRecord } from "@/lib/record/schema";
import { screenAnswer } from "@/lib/screen/api";
import { parsePatient } from "@/lib/screen/params";
import { parseSearchParams, type SearchQuery } from "@/lib/search/params";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * The heavy views run on a worker thread (lib/data/view-pool.ts) with its own connection
 * and a cache per data version (lib/data/view-cache.ts). Their answers must be the very
 * answers of the whole records, byte for byte, and an import must show in the next answer.
 */
const SHARED = path.resolve(process.cwd(), "..", "shared", "ctgov");
const SHARED_DIRS = ["classic", "v2", "msc-other"].map((d) => path.join(SHARED, d)).filter((d) => fs.existsSync(d));
const ID = "NCT06884904";
const SEED = "seeds/000_423415c0e2b20a3c.txt";

let scratch: ScratchDb;

beforeAll(() => {
  scratch = scratchDatabase("view-worker");
  const db = openDatabase(scratch.url);
  const results = [...importFiles(db, seedFiles(), loadCuration(SEED_CURATION)), ...importFiles(db, SHARED_DIRS, {})];
  db.close();
  expect(results.filter((r) => !r.ok).map((r) => r.line).slice(0, 3)).toEqual([]);
  process.env.DATABASE_URL = scratch.url;
}, 300_000);

afterAll(async () => {

  scratch?.cleanup();
});

const query = (qs: string): SearchQuery => parseSearchParams(new URLSearchParams(qs)).query;
const fullRecords = async (q: SearchQuery): Promise<TrialRecord[]> => getTrials((await findTrialsNow({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER })).ids);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const PATIENT = "tbil=15&tbil_unit=mg/dL&inr=1.8&meld=26&age=58";

describe("the view worker", () => {
  it("runs on a worker thread here (the pool is not in process)", async () => {
    expect(VIEW_POOL_SIZE).toBeGreaterThan(0);
    const a = await runView({ kind: "landscape-api", query: [["format", "xml"]] });
    expect(a.status).toBe(400);
    // The job went to a worker of the pool (lib/data/view-pool.ts keeps it on globalThis), not this thread.
    const pool = (globalThis as unknown as { registryViewPool?: { worker: Worker }[] }).registryViewPool ?? [];
    expect(pool.length).toBeGreaterThan(0);
    expect(pool.every((s) => s.worker.threadId > 0)).toBe(true);
  });

  it("runs at nice 10 (VIEW_WORKER_NICE), this thread at its own priority", () => {
    // Linux: each thread's nice value is field 19 of /proc/<pid>/task/<tid>/stat.
    const niceOf = (tid: string) => Number(fs.readFileSync(`/proc/${process.pid}/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]);
    const nices = fs.readdirSync(`/proc/${process.pid}/task`).map(niceOf);
    expect(niceOf(String(process.pid))).toBe(0);
    expect(nices.filter((n) => n === 10)).toHaveLength(VIEW_POOL_SIZE);
  });

  it("answers /api/landscape with the bytes of the whole records' landscape, JSON and CSV", async () => {
    const qs = "q=liver&weightKg=72.5&y=cumulative&colour=status";
    const o: ShapeOptions = { weightKg: 72.5, y: "cumulative", colour: "status", filters: { route: [], source: [], origin: [], dosing: [] }, summary: false };
    const l = shapeLandscape(await fullRecords(query(qs)), o);
    expect(l.points.length).toBeGreaterThan(50);
    const a = await runView({ kind: "landscape-api", query: [...new URLSearchParams(qs)] });
    expect(a.status).toBe(200);
    expect(a.headers["Content-Type"]).toBe("application/json");
    expect(text(a.body)).toBe(JSON.stringify({ weightKg: l.weightKg, y: l.y, colour: l.colour, band: l.band, points: l.points, noDose: l.noDose }));
    const csv = await runView({ kind: "landscape-api", query: [...new URLSearchParams(`${qs}&format=csv`)] });
    expect(csv.headers["Content-Disposition"]).toBe('attachment; filename="msc-landscape_72-5kg.csv"');
    expect(text(csv.body)).toBe(toLandscapeCsv(l));
    // The same job in process: the same bytes.
    expect(text((await runViewJob({ kind: "landscape-api", query: [...new URLSearchParams(qs)] })).body)).toBe(text(a.body));
  });

  it("names a bad parameter with a 400", async () => {
    const a = await runView({ kind: "landscape-api", query: [["format", "xml"]] });
    expect(a.status).toBe(400);
    expect(JSON.parse(text(a.body))).toEqual({ error: "format must be json or csv, got “xml”" });
    const s = await runView({ kind: "screen-api", query: [["ids", "NCT00000000"], ["age", "40"]] });
    expect(s.status).toBe(400);
    expect(s.headers["Cache-Control"]).toBe("no-store");
    expect(JSON.parse(text(s.body))).toEqual({ error: 'ids: no trial "NCT00000000"', parameter: "ids" });
  });

  it("answers /api/screen with the bytes of the whole records' screen, in the export's order", async () => {
    const p = parsePatient((k) => new URLSearchParams(PATIENT).get(k));
    if (!p.ok) throw new Error(p.message);
    const all = await getTrials((await findTrialsNow({ ...query(""), page: 1, pageSize: Number.MAX_SAFE_INTEGER })).ids);
    const byExport = await import("@/lib/data/records").then((m) => m.getAllTrials());
    const a = await runView({ kind: "screen-api", query: [...new URLSearchParams(PATIENT)] });
    expect(a.status).toBe(200);
    expect(text(a.body)).toBe(JSON.stringify(screenAnswer(byExport, p.patient)));
    expect(JSON.parse(text(a.body)).trials).toHaveLength(all.length);
  });

  it("screens the list's matches for the /trials page: the counts of all, the screens of the page's rows", async () => {
    const p = parsePatient((k) => new URLSearchParams(PATIENT).get(k));
    if (!p.ok) throw new Error(p.message);
    const q = { ...query("q=liver"), page: 2 };
    const expected = await screenSearch(q, p.patient, true);
    const got = await runView({ kind: "screen-search", q, patient: p.patient, onlyPossible: true });
    expect(expected.result.items.length).toBeGreaterThan(0);
    expect(got.result).toEqual(expected.result);
    expect([got.screened, got.possible, got.excluded, got.unknownCriteria]).toEqual([expected.screened, expected.possible, expected.excluded, expected.unknownCriteria]);
    expect([...got.screens.keys()]).toEqual(expected.result.items.map((i) => i.id));
    for (const [id, screen] of got.screens) expect(screen).toEqual(expected.screens.get(id));
  });

  it("gives the /landscape page the first rows of each list and their counts; the chart every drawn point", async () => {
    const o: ShapeOptions = { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] } };
    const l = shapeLandscape(await fullRecords(query("")), o);
    expect(l.points.length).toBeGreaterThan(PAGE_ROWS); // the seeds and the shared records: more than one page's rows
    const page = await runView({ kind: "landscape-page", sp: {} });
    expect(page.totals).toEqual({ points: l.points.length, noDose: l.noDose.length, trialIds: l.trialIds.length });
    expect(page.landscape.points).toEqual(l.points.slice(0, PAGE_ROWS));
    expect(page.landscape.trialIds).toEqual(l.trialIds.slice(0, PICKER_ROWS));
    expect(page.landscape.noDose).toEqual(l.noDose.slice(0, UNDRAWN_ROWS));
    expect(Object.keys(page.titles)).toEqual(l.trialIds.slice(0, PICKER_ROWS));
    expect(page.landscape.series).toEqual(l.series);
    // The chart's points, rebuilt in the browser: every one, each with the fields the chart and its card read.
    const chart = await runView({ kind: "landscape-chart", query: [] });
    expect(chart.status).toBe(200);
    const wire = JSON.parse(text(chart.body)) as ChartWire;
    expect(wire.count).toBe(l.points.length);
    const drawn = chartDataOf(wire);
    expect(drawn.points).toEqual(l.points.map((p) => ({
      trialId: p.trialId, armLabel: p.armLabel, armIndex: p.armIndex, x: p.x, plotX: p.plotX, plotY: p.plotY, range: p.range, statedRange: p.statedRange,
      errorX: p.errorX, estimated: p.estimated, flatCellsPerInfusion: p.flatCellsPerInfusion, infusions: p.infusions, enrollment: p.enrollment,
      radius: p.radius, route: p.route, cellSource: p.cellSource, color: p.color, doseText: p.doseText, routeText: p.routeText,
      key: p.key, href: p.href, trialTitle: p.trialTitle,
    })));
    expect([drawn.xDomain, drawn.yDomain, drawn.laneY]).toEqual([l.xDomain, l.yDomain, l.laneY]);
    // The summary in words: the first PAGE_ROWS points one by one, then how many more.
    const more = l.points.length - PAGE_ROWS;
    expect(page.landscape.summary).toBe(shapeLandscape(await fullRecords(query("")), { ...o, summaryLimit: PAGE_ROWS }).summary);
    expect(page.landscape.summary).toContain(`And ${more} more arms, listed in the CSV download.`);
    expect(page.landscape.summary.length).toBeLessThan(l.summary.length);
    // A limit past the points changes nothing.
    expect(shapeLandscape(await fullRecords(query("")), { ...o, summaryLimit: l.points.length }).summary).toBe(l.summary);
  });

  it("answers of the new data after an import commits (its cache is per data version)", async () => {
    const before = JSON.parse(text((await runView({ kind: "landscape-api", query: [["q", ID]] })).body)) as { points: { x: number | null }[] };
    expect(before.points.map((p) => p.x)).toContain(4e6);
    const changed = path.join(path.dirname(scratch.file), "changed.txt");
    const seed = fs.readFileSync(SEED, "utf8");
    expect(seed).toContain("\n4.0×10\\^6/kg\n");
    fs.writeFileSync(changed, seed.replace("\n4.0×10\\^6/kg\n", "\n5.0×10\\^6/kg\n"));
    const db = openDatabase(scratch.url);
    expect(importFiles(db, [changed], loadCuration(SEED_CURATION)).every((r) => r.ok)).toBe(true);
    db.close();
    // Past the window in which a request joins one already running.
    await new Promise((r) => setTimeout(r, 300));
    const after = JSON.parse(text((await runView({ kind: "landscape-api", query: [["q", ID]] })).body)) as { points: { x: number | null }[] };
    expect(after.points.map((p) => p.x)).toContain(5e6);
    expect(after.points.map((p) => p.x)).not.toContain(4e6);
  });
});
