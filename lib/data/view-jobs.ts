import type { SearchParams } from "../compare/params";
import { landscapeCsvLines } from "../landscape/csv";
import { chartWireOf, landscapePageOf, PAGE_ROWS, type LandscapePage } from "../landscape/page";
import { readLandscape } from "../landscape/read";
import { screenTrials } from "../screen";
import { screenAnswerOf } from "../screen/api";
import { parseScreenRequest } from "../screen/api";
import { mapInSlices } from "./cooperative";
import type { Patient } from "../screen/params";
import type { SearchQuery } from "../search/params";
import { screenSearch, type ScreenedList } from "./screen";
import { cachedScreenTrials } from "./view-cache";

/**
 * The heavy views as jobs: plain data in, plain data out, so that they can run on a
 * worker thread (lib/data/view-pool.ts) with its own read connection, and the server's
 * main thread only passes the answer on. An API answer comes back as its finished bytes
 * (the same bytes the route would write), a page's data as the bounded object it renders.
 * No `server-only` here or below: the worker loads these modules.
 */

export type ViewJob =
  | { kind: "landscape-api"; query: [string, string][] }
  | { kind: "landscape-page"; sp: SearchParams }
  | { kind: "landscape-chart"; query: [string, string][] }
  | { kind: "screen-api"; query: [string, string][] }
  | { kind: "screen-search"; q: SearchQuery; patient: Patient; onlyPossible: boolean };

/** An HTTP answer, finished: status, headers and body bytes. */
export interface BytesAnswer { status: number; headers: Record<string, string>; body: Uint8Array<ArrayBuffer> }

export type ViewResult<J extends ViewJob> = J extends { kind: "landscape-page" } ? LandscapePage : J extends { kind: "screen-search" } ? ScreenedList : BytesAnswer;

const encoder = new TextEncoder();
const json = (status: number, value: unknown, headers: Record<string, string> = {}): BytesAnswer =>
  ({ status, headers: { "Content-Type": "application/json", ...headers }, body: encoder.encode(JSON.stringify(value)) });

function searchParamsOf(query: [string, string][]): SearchParams {
  const sp: SearchParams = Object.create(null);
  for (const [k, v] of query) {
    const had = sp[k];
    sp[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return sp;
}

/**
 * `GET /api/landscape?<the list's and the landscape's parameters>[&format=csv]`: the points
 * of the landscape (JSON: `{ weightKg, y, colour, band, points, noDose }`) or the CSV of
 * them. A bad parameter is a 400 `{ error }` naming it.
 */
async function landscapeApi(query: [string, string][]): Promise<BytesAnswer> {
  const format = query.find(([k]) => k === "format")?.[1] ?? "json";
  if (format !== "json" && format !== "csv") return json(400, { error: `format must be json or csv, got “${format}”` });
  const { problems, landscape: l } = await readLandscape(searchParamsOf(query), { summary: false }); // the answer has no summary in words
  if (problems.length) return json(400, { error: problems[0] });
  if (format === "csv") {
    return {
      status: 200,
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="msc-landscape_${String(l.weightKg).replace(".", "-")}kg.csv"` },
      body: encoder.encode([...landscapeCsvLines(l)].join("")),
    };
  }
  return json(200, { weightKg: l.weightKg, y: l.y, colour: l.colour, band: l.band, points: l.points, noDose: l.noDose });
}

// The patient's values are in the query only: answered, never stored, never logged; and
// no cache along the way may keep them.
const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/screen: would this patient qualify? (shared/spec/screening.md) */
async function screenApi(query: [string, string][]): Promise<BytesAnswer> {
  const req = parseScreenRequest(new URLSearchParams(query));
  if (!req.ok) return json(400, { error: req.message, parameter: req.parameter }, NO_STORE);
  const { trials, missing } = await cachedScreenTrials(req.ids);
  if (missing.length) return json(400, { error: `ids: no trial "${missing[0]}"`, parameter: "ids" }, NO_STORE);
  const screens = await mapInSlices(trials, 20, (chunk) => screenTrials(chunk, req.patient));
  return json(200, screenAnswerOf(screens, req.patient), NO_STORE);
}

export async function runViewJob<J extends ViewJob>(job: J): Promise<ViewResult<J>> {
  switch (job.kind) {
    case "landscape-api": return (await landscapeApi(job.query)) as ViewResult<J>;
    case "screen-api": return (await screenApi(job.query)) as ViewResult<J>;
    case "screen-search": {
      // The list page shows the screens of its page's rows: only those travel back.
      const s = await screenSearch(job.q, job.patient, job.onlyPossible);
      const rows = new Set(s.result.items.map((i) => i.id));
      return { ...s, screens: new Map([...s.screens].filter(([id]) => rows.has(id))) } as ViewResult<J>;
    }
    case "landscape-page": return landscapePageOf(await readLandscape(job.sp, { summaryLimit: PAGE_ROWS })) as ViewResult<J>;
    case "landscape-chart": {
      // The page's landscape (the same options: shaped once for both), its points in columns.
      const { problems, landscape } = await readLandscape(searchParamsOf(job.query), { summaryLimit: PAGE_ROWS });
      return (problems.length ? json(400, { error: problems[0] }) : json(200, chartWireOf(landscape))) as ViewResult<J>;
    }
  }
}
