import type { ImportTarget } from "../db/writer";
import { importRecordAsync, oneLine, type FileResult } from "./run-import";

/**
 * `npm run sync`: studies from the ClinicalTrials.gov API v2 (`GET /api/v2/studies`),
 * page by page, each study imported in its own transaction as the import command does.
 * Interrupted and run again, it imports the same studies again under their ids: no
 * duplicates, nothing half-written.
 */

export interface SyncOptions {
  baseUrl: string;
  /** query.term, query.cond, query.intr: at least one. */
  term?: string;
  cond?: string;
  intr?: string;
  /** YYYY-MM-DD: only studies whose last update was posted on or after it. */
  since?: string;
  pageSize?: number;
  /** Tries of one page before giving up (429, 5xx, a network error, a page that is not JSON). */
  attempts?: number;
  /** The first wait before a retry; it doubles each time up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** One line of progress or of a study's result. */
  log?: (line: string, ok: boolean) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncSummary {
  pages: number;
  fetched: number;
  total: number | null;
  imported: number;
  failed: number;
  /** Why the sync stopped before the last page, or null when it reached it. */
  error: string | null;
}

export class SyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SyncError";
  }
}

/** The page's URL: the query, the page size, the token of the page after the last. */
export function pageUrl(options: SyncOptions, pageToken: string | null): string {
  const url = new URL("/api/v2/studies", options.baseUrl);
  const q = url.searchParams;
  if (options.term) q.set("query.term", options.term);
  if (options.cond) q.set("query.cond", options.cond);
  if (options.intr) q.set("query.intr", options.intr);
  // The API's filter for a date range of one field; "filter.lastUpdatePostDate" is not one
  // of its parameters (it answers 400 to parameters it does not know).
  if (options.since) q.set("filter.advanced", `AREA[LastUpdatePostDate]RANGE[${options.since},MAX]`);
  q.set("pageSize", String(options.pageSize ?? 100));
  q.set("format", "json");
  if (pageToken) q.set("pageToken", pageToken);
  else q.set("countTotal", "true");
  return url.toString();
}

interface Page {
  studies: unknown[];
  nextPageToken: string | null;
  totalCount: number | null;
}

const retryable = (status: number) => status === 429 || status >= 500;

/** Seconds of a Retry-After header (a number of seconds; dates are not used by the API). */
function retryAfterMs(header: string | null): number | null {
  const s = header && /^\d+$/.test(header.trim()) ? Number(header) : null;
  return s === null ? null : s * 1000;
}

/** One page, with retries: exponential backoff from baseDelayMs, never over maxDelayMs. */
async function fetchPage(url: string, pageNo: number, options: SyncOptions): Promise<Page> {
  const attempts = options.attempts ?? 6;
  const base = options.baseDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let problem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let wait: number | null = null;
    try {
      const res = await fetch(url, { headers: { accept: "application/json" } });
      const body = await res.text();
      if (res.ok) {
        const page = readPage(body);
        if (typeof page !== "string") return page;
        problem = page;
      } else if (retryable(res.status)) {
        problem = `HTTP ${res.status}`;
        wait = retryAfterMs(res.headers.get("retry-after"));
      } else {
        throw new SyncError(`page ${pageNo}: HTTP ${res.status} from ${url}: ${body.slice(0, 200).replace(/\s+/g, " ")}`);
      }
    } catch (e) {
      if (e instanceof SyncError) throw e;
      problem = `network error (${(e as Error).message})`;
    }
    if (attempt === attempts) break;
    const delay = Math.min(max, wait ?? base * 2 ** (attempt - 1));
    options.log?.(`  page ${pageNo}: ${problem}; retry ${attempt} of ${attempts - 1} in ${delay} ms`, true);
    await sleep(delay);
  }
  throw new SyncError(`page ${pageNo}: ${problem} after ${attempts} tries (${url})`);
}

/** A page's text → its studies and token, or what is wrong with it. */
function readPage(body: string): Page | string {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  const studies = (doc as { studies?: unknown })?.studies;
  if (typeof doc !== "object" || doc === null || !Array.isArray(studies)) return "not an API page (no \"studies\" list)";
  const token = (doc as { nextPageToken?: unknown }).nextPageToken;
  const total = (doc as { totalCount?: unknown }).totalCount;
  return {
    studies,
    nextPageToken: typeof token === "string" && token ? token : null,
    totalCount: typeof total === "number" ? total : null,
  };
}

/** Where synced studies come from; each is stored as this plus "/NCT…", its own address in the API. */
export function syncSourceName(baseUrl: string): string {
  return `${new URL(baseUrl).host}/api/v2/studies`;
}

/** Fetches every page of the query and imports its studies; resolves with what it did. */
export async function syncStudies(db: ImportTarget, options: SyncOptions): Promise<SyncSummary> {
  if (!options.term && !options.cond && !options.intr) throw new SyncError("a query is needed (--query, --cond or --intr)");
  const log = options.log ?? (() => {});
  const file = syncSourceName(options.baseUrl);
  const summary: SyncSummary = { pages: 0, fetched: 0, total: null, imported: 0, failed: 0, error: null };
  const seenTokens = new Set<string>();
  let token: string | null = null;
  try {
    for (;;) {
      const page = await fetchPage(pageUrl(options, token), summary.pages + 1, options);
      summary.pages++;
      summary.total ??= page.totalCount;
      // The API can hand out a token whose page is empty: that is the end, not an error.
      if (page.studies.length === 0) {
        log(`page ${summary.pages}: empty; done`, true);
        break;
      }
      for (const study of page.studies) {
        summary.fetched++;
        const name = `${file} #${summary.fetched}`;
        const r: FileResult = await importRecordAsync(db, { study }, file, name, {}, {}, { stored: (id) => `${file}/${id}` });
        if (r.ok) summary.imported++;
        else summary.failed++;
        log(`${r.ok ? "✓" : "✗"} ${oneLine(r.line)}`, r.ok);
      }
      log(`page ${summary.pages}: ${summary.fetched} of ${summary.total ?? "?"} studies fetched`, true);
      if (!page.nextPageToken) break;
      if (seenTokens.has(page.nextPageToken)) {
        log(`page ${summary.pages}: the API repeats the page token ${page.nextPageToken}; stopped`, false);
        break;
      }
      seenTokens.add(page.nextPageToken);
      token = page.nextPageToken;
    }
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    summary.error = e.message;
  }
  return summary;
}
