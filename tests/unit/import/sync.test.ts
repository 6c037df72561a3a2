import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { pageUrl, syncStudies, type SyncOptions } from "@/lib/import/sync";
import { readSnapshot } from "@/lib/db/read-connection";
import { readLatestPair, readVersionCounts } from "@/lib/db/versions";
import { versionEntry } from "@/lib/feed/changes";
import { countRows, scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * `npm run sync` against a real HTTP server on 127.0.0.1 that behaves like the API v2:
 * pages of studies built from the test's own fixture (tests/fixtures/ctgov-v2), page
 * tokens, and the faults the API shows (429, 500, a malformed page, an empty last page).
 */

const fixture = fs.readFileSync(path.join(process.cwd(), "tests", "fixtures", "ctgov-v2", "six-arms", "input.json"), "utf8");
const study = (n: number) => JSON.parse(fixture.replaceAll("NCT09000001", `NCT0920000${n}`));

type Reply = { status: number; body: string; headers?: Record<string, string> };
const ok = (doc: unknown): Reply => ({ status: 200, body: JSON.stringify(doc) });

/** Pages by token ("" is the first); each token's replies are served in order, the last one repeated. */
function apiServer(pages: Record<string, Reply[]>): Promise<{ url: string; requests: URL[]; close: () => Promise<void> }> {
  const requests: URL[] = [];
  const served: Record<string, number> = {};
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    requests.push(url);
    const token = url.searchParams.get("pageToken") ?? "";
    const replies = url.pathname === "/api/v2/studies" ? pages[token] : undefined;
    if (!replies) {
      res.writeHead(400, { "content-type": "application/json" }).end('{"message":"bad token"}');
      return;
    }
    const i = Math.min(served[token] ?? 0, replies.length - 1);
    served[token] = (served[token] ?? 0) + 1;
    const r = replies[i]!;
    res.writeHead(r.status, { "content-type": "application/json", ...r.headers }).end(r.body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  })));
}

/** Three pages (2 + 2 + 1 studies), then a token that leads to an empty page. */
const threePages = (faults: { page2?: Reply[]; page3?: Reply[] } = {}): Record<string, Reply[]> => ({
  "": [ok({ totalCount: 5, studies: [study(1), study(2)], nextPageToken: "t2" })],
  t2: [...(faults.page2 ?? []), ok({ studies: [study(3), study(4)], nextPageToken: "t3" })],
  t3: [...(faults.page3 ?? []), ok({ studies: [study(5)], nextPageToken: "t4" })],
  t4: [ok({ studies: [] })],
});

let scratch: ScratchDb | null = null;
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  scratch?.cleanup();
  scratch = close = null;
});

async function run(pages: Record<string, Reply[]>, options: Partial<SyncOptions> = {}) {
  const server = await apiServer(pages);
  close = server.close;
  scratch ??= scratchDatabase("sync");
  const lines: string[] = [];
  const delays: number[] = [];
  const db = openDatabase(scratch.url);
  const summary = await syncStudies(db, {
    baseUrl: server.url, term: "mesenchymal liver", baseDelayMs: 5, maxDelayMs: 20,
    sleep: async (ms) => void delays.push(ms), log: (l) => lines.push(l), ...options,
  });
  db.close();
  return { summary, lines, delays, requests: server.requests };
}

const ids = (file: string) => {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT id, sourceFile, sourceFormat FROM Trial ORDER BY id").all() as { id: string; sourceFile: string; sourceFormat: string }[];
  db.close();
  return rows;
};

describe("npm run sync", () => {
  it("pages with pageToken, shows progress against totalCount, stops on the empty last page", async () => {
    const { summary, lines, requests } = await run(threePages());
    expect(summary).toEqual({ pages: 4, fetched: 5, total: 5, imported: 5, failed: 0, error: null });
    expect(lines.filter((l) => l.startsWith("page"))).toEqual([
      "page 1: 2 of 5 studies fetched", "page 2: 4 of 5 studies fetched", "page 3: 5 of 5 studies fetched", "page 4: empty; done",
    ]);
    expect(lines[0]).toMatch(/^✓ 127\.0\.0\.1:\d+\/api\/v2\/studies #1 {2}NCT09200001 {2}ctgov-v2 {2}arms 6/);
    expect(requests.map((r) => r.searchParams.get("pageToken"))).toEqual([null, "t2", "t3", "t4"]);
    expect(requests[0]!.searchParams.get("query.term")).toBe("mesenchymal liver");
    expect(requests[0]!.searchParams.get("pageSize")).toBe("100");
    expect(requests[0]!.searchParams.get("countTotal")).toBe("true");
    expect(requests[0]!.searchParams.get("filter.advanced")).toBe(null);
    const rows = ids(scratch!.file);
    expect(rows.map((r) => r.id)).toEqual(["NCT09200001", "NCT09200002", "NCT09200003", "NCT09200004", "NCT09200005"]);
    expect(rows[0]!.sourceFile).toMatch(/^127\.0\.0\.1:\d+\/api\/v2\/studies\/NCT09200001$/);
    expect(rows.every((r) => r.sourceFormat === "ctgov-v2")).toBe(true);
  });

  it("retries a 429 and a 500 with exponential backoff under a ceiling, and imports everything", async () => {
    const { summary, lines, delays, requests } = await run(threePages({
      page2: [{ status: 429, body: "slow down" }],
      page3: [{ status: 500, body: "oops" }, { status: 503, body: "busy" }, { status: 502, body: "bad gateway" }, { status: 500, body: "again" }],
    }));
    expect(summary).toEqual({ pages: 4, fetched: 5, total: 5, imported: 5, failed: 0, error: null });
    // 5 ms doubling, capped at 20 ms.
    expect(delays).toEqual([5, 5, 10, 20, 20]);
    expect(lines).toContain("  page 2: HTTP 429; retry 1 of 5 in 5 ms");
    expect(lines).toContain("  page 3: HTTP 500; retry 1 of 5 in 5 ms");
    expect(lines).toContain("  page 3: HTTP 500; retry 4 of 5 in 20 ms");
    expect(requests.map((r) => r.searchParams.get("pageToken"))).toEqual([null, "t2", "t2", "t3", "t3", "t3", "t3", "t3", "t4"]);
    expect(countRows(scratch!.file).Trial).toBe(5);
  });

  it("honours Retry-After (within the ceiling)", async () => {
    const { delays } = await run(threePages({ page2: [{ status: 429, body: "", headers: { "retry-after": "0" } }] }));
    expect(delays).toEqual([0]);
  });

  it("a malformed page is fetched again; one that stays malformed stops the sync with the page named, the earlier pages kept", async () => {
    const once = await run(threePages({ page2: [{ status: 200, body: '{"studies": [{"protocolSection": ' }] }));
    expect(once.summary.imported).toBe(5);
    expect(once.lines.some((l) => /^ {2}page 2: not valid JSON \(.+\); retry 1 of 5 in 5 ms$/.test(l))).toBe(true);
    await close!();
    scratch!.cleanup();
    scratch = null;

    const pages = threePages();
    pages.t2 = [{ status: 200, body: '{"items": []}' }]; // every time
    const broken = await run(pages, { attempts: 3 });
    expect(broken.summary).toEqual({
      pages: 1, fetched: 2, total: 5, imported: 2, failed: 0,
      error: expect.stringMatching(/^page 2: not an API page \(no "studies" list\) after 3 tries \(http:\/\/127\.0\.0\.1:\d+\/api\/v2\/studies\?.*pageToken=t2\)$/),
    });
    expect(countRows(scratch!.file).Trial).toBe(2);
  });

  it("a 4xx other than 429 is not retried", async () => {
    const { summary, delays } = await run({ "": [{ status: 400, body: '{"message":"unknown parameter"}' }] });
    expect(delays).toEqual([]);
    expect(summary.error).toMatch(/^page 1: HTTP 400 from http:\/\/127\.0\.0\.1:\d+\/api\/v2\/studies\?.*: \{"message":"unknown parameter"\}$/);
  });

  it("runs again without duplicates, and a bad study is one line while the others import", async () => {
    const noId = study(6);
    delete noId.protocolSection.identificationModule.nctId;
    const pages = threePages();
    pages.t3 = [ok({ studies: [study(5), noId], nextPageToken: "t4" })];
    const first = await run(pages);
    expect(first.summary).toMatchObject({ fetched: 6, imported: 5, failed: 1 });
    expect(first.lines.find((l) => l.startsWith("✗"))).toMatch(/^✗ 127\.0\.0\.1:\d+\/api\/v2\/studies #6: nctId: the study has no NCT id/);
    await close!();
    const again = await run(pages);
    expect(again.summary).toMatchObject({ fetched: 6, imported: 5, failed: 1 });
    expect(countRows(scratch!.file).Trial).toBe(5);
  });

  it("a second sync whose page 2 carries an updated study adds one version of it, and one feed entry", async () => {
    await run(threePages());
    await close!();
    const updated = study(3);
    updated.protocolSection.statusModule.overallStatus = "COMPLETED";
    updated.protocolSection.statusModule.lastUpdatePostDateStruct = { date: "2025-02-10", type: "ACTUAL" };
    const pages = threePages();
    pages.t2 = [ok({ studies: [updated, study(4)], nextPageToken: "t3" })];
    const again = await run(pages);
    expect(again.summary).toMatchObject({ fetched: 5, imported: 5, failed: 0 });
    const db = new Database(scratch!.file, { readonly: true });
    try {
      expect(db.prepare("SELECT trialId, n, sourceFile, lastUpdatePosted FROM TrialVersion ORDER BY trialId, n").all()).toEqual([
        ...[1, 2].map((i) => ({ trialId: `NCT0920000${i}`, n: 1, sourceFile: expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1:\\d+/api/v2/studies/NCT0920000${i}$`)), lastUpdatePosted: "2024-05-02" })),
        { trialId: "NCT09200003", n: 1, sourceFile: expect.stringMatching(/^127\.0\.0\.1:\d+\/api\/v2\/studies\/NCT09200003$/), lastUpdatePosted: "2024-05-02" },
        { trialId: "NCT09200003", n: 2, sourceFile: expect.stringMatching(/^127\.0\.0\.1:\d+\/api\/v2\/studies\/NCT09200003$/), lastUpdatePosted: "2025-02-10" },
        ...[4, 5].map((i) => ({ trialId: `NCT0920000${i}`, n: 1, sourceFile: expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1:\\d+/api/v2/studies/NCT0920000${i}$`)), lastUpdatePosted: "2024-05-02" })),
      ]);
      // The second sync came from another port: the source changed, the facts of the others did not (no version).
      // The feed of every trial: one entry says what changed, the others are the first versions.
      const items = readSnapshot((tx) => readVersionCounts(tx, ["NCT09200001", "NCT09200002", "NCT09200003", "NCT09200004", "NCT09200005"])
        .map((c) => readLatestPair(tx, c.trialId)!), db);
      const entries = items.map((i) => versionEntry(i.latest, i.previous, ""));
      const changedEntries = entries.filter((e) => e.title.startsWith("Changed"));
      expect(changedEntries.map((e) => [e.title.split(":")[0], e.summary.split("\n")])).toEqual([
        ["Changed (version 2)", ["Status: Recruiting → Completed", "Registry's last update posted: 2024-05-02 → 2025-02-10"]],
      ]);
    } finally {
      db.close();
    }
  });

  it("sends --since as the API's date-range filter on LastUpdatePostDate", () => {
    const url = new URL(pageUrl({ baseUrl: "https://mirror.example.org/", term: "msc", cond: "liver", intr: "stem cell", since: "2024-01-01" }, "tok"));
    expect(url.origin + url.pathname).toBe("https://mirror.example.org/api/v2/studies");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      "query.term": "msc", "query.cond": "liver", "query.intr": "stem cell",
      "filter.advanced": "AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]", pageSize: "100", format: "json", pageToken: "tok",
    });
  });

  it("the command: --base-url to a mirror, one line a study, the summary, exit code 0; bad arguments exit 2", async () => {
    const server = await apiServer(threePages());
    close = server.close;
    scratch = scratchDatabase("sync-cli");
    const cli = (args: string[]) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/sync.ts", ...args], {
        env: { ...process.env, DATABASE_URL: scratch!.url },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    const r = await cli(["--query", "mesenchymal liver", "--since", "2024-01-01", "--base-url", server.url]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^page 3: 5 of 5 studies fetched$/m);
    expect(r.stdout).toMatch(/^5 of 5 studies imported \(5 match\), 0 failed, 4 pages, in \d+ ms/m);
    expect(server.requests[0]!.searchParams.get("filter.advanced")).toBe("AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]");
    expect(countRows(scratch.file).Trial).toBe(5);
    const bad = await cli(["--query", "x", "--since", "2024-13-01"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe("sync: --since \"2024-13-01\" is not a date written YYYY-MM-DD");
  }, 60_000);
});
