// npm run bench:search [-- --trials 50000 --engine sqlite|postgresql|both --skip-http --keep]
// Builds a synthetic registry from the seeds' shapes in a scratch database, then prints
// p50/p95 of search (in process) and of rendering the list and a trial page (HTTP
// against the production build). Figures, not assertions: this is not a test.
// --engine (default both): SQLite, PostgreSQL, or both side by side on the same registry
// (PostgreSQL: BENCH_POSTGRES_URL's or TEST_POSTGRES_URL's server, else an embedded one
// started for the run; the SQLite registry is copied into it, scripts/copy-to-postgres.ts).
import { execFileSync } from "node:child_process";
import { spawnNextStart } from "./next-start.mjs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSyntheticRegistry, seededRandom } from "./synthetic-registry";
import { parseSearchParams } from "../lib/search/params";
import { findTrials, searchTrials } from "../lib/data/search";
import { read } from "../lib/db/store";
import { endPostgresPools } from "../lib/db/postgres/pool";
import { copySqliteToPostgres } from "./copy-to-postgres";
import { createDatabase, startCluster, type Cluster } from "./embedded-postgres";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const N = Number(arg("trials", "50000"));
const skipHttp = args.includes("--skip-http");
const keep = args.includes("--keep"); // leave the scratch database for profiling
const engineArg = arg("engine", "both");
if (!["sqlite", "postgresql", "both"].includes(engineArg)) {
  console.error(`--engine "${engineArg}": one of sqlite, postgresql, both`);
  process.exit(2);
}
const ENGINES = engineArg === "both" ? ["sqlite", "postgresql"] : [engineArg];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-search-"));
const dbFile = path.join(dir, "bench.db");
const url = `file:${dbFile}`;

const rand = seededRandom();

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms (n=${xs.length})`;

// 1. Build the registry.
const built = buildSyntheticRegistry(url, N, rand);
const size = fs.statSync(dbFile).size;
console.log(`registry: ${built.trials} trials written in ${built.seconds.toFixed(1)} s (${(size / 1e6).toFixed(0)} MB) at ${dbFile}`);

// PostgreSQL: the same registry, copied.
let cluster: Cluster | null = null;
const urls: Record<string, string> = { sqlite: url };
if (ENGINES.includes("postgresql")) {
  const server = process.env.BENCH_POSTGRES_URL?.trim() || process.env.TEST_POSTGRES_URL?.trim();
  if (!server) cluster = await startCluster();
  urls.postgresql = await createDatabase(server || cluster!.url, `bench_search_${process.pid}`);
  const t = performance.now();
  await copySqliteToPostgres(dbFile, urls.postgresql);
  console.log(`postgresql: the registry copied in ${((performance.now() - t) / 1000).toFixed(1)} s${cluster ? " (embedded server)" : ""}`);
}

// 2. Search in process (what the list page and the API call), each engine in turn.
const QUERIES = [
  "q=hbv", "q=hepatitis%20B", "q=liver%20failure", "q=umbilical%20cord", "q=cirrhosis&phase=PHASE2", "q=NCT90012345",
  "q=safety%20efficacy&sort=dose", "phase=PHASE3&status=RECRUITING", "age=72&doseMin=1000000", "infusions=4&source=BONE_MARROW",
  "q=%22acute%20on%20chronic%22&sort=start", "q=NEAR(%22x%22*", "q=albumin&masking=QUADRUPLE&page=3", "", "sort=enrollment",
];
const summary: string[] = [];
for (const engine of ENGINES) {
  process.env.DATABASE_URL = urls[engine]!;
  console.log(`— ${engine}`);
  let t0 = performance.now();
  await searchTrials(parseSearchParams(new URLSearchParams("q=warm")).query);
  const first = performance.now() - t0;
  console.log(`search: first call (loads the facet index) ${first.toFixed(0)} ms`);
  const times: number[] = [];
  const uncached: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let round = 0; round < 20; round++) {
    for (const qs of QUERIES) {
      const q = parseSearchParams(new URLSearchParams(qs)).query;
      let start = performance.now();
      const r = await searchTrials(q);
      const ms = performance.now() - start;
      times.push(ms);
      perQuery.set(qs, [...(perQuery.get(qs) ?? []), ms]);
      if (round === 0) console.log(`  ${(qs || "(no query)").padEnd(40)} ${String(r.total).padStart(6)} hits`);
      // The same search without the per-version answer cache: a snapshot, the text match, the facets, the page's rows.
      start = performance.now();
      await read(async (reader) => {
        const found = await findTrials(reader, q);
        return reader.listRows(found.ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize));
      });
      uncached.push(performance.now() - start);
    }
  }
  console.log(`search on ${built.trials} trials (FTS + filters + facets + page rows): ${fmt(times)}`);
  console.log(`  uncached (a snapshot, the text match, facets, the page's rows): ${fmt(uncached)}`);
  const slowest = [...perQuery].map(([q, xs]) => [q, percentile(xs, 95)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`  slowest p95: ${slowest.map(([q, ms]) => `${q || "(none)"} ${ms.toFixed(1)} ms`).join("; ")}`);
  summary.push(`${engine.padEnd(11)} first ${first.toFixed(0).padStart(5)} ms | searchTrials ${fmt(times)} | uncached ${fmt(uncached)}`);
}
console.log(`\nsearch at ${built.trials} trials, side by side:\n${summary.map((l) => `  ${l}`).join("\n")}`);
await endPostgresPools();
process.env.DATABASE_URL = url;

// 3. Rendering over HTTP, production build.
// (The HTTP part renders with SQLite; bench:load measures both engines over HTTP.)
if (!skipHttp) {
  const port = Number(arg("port", "3400"));
  const distDir = ".next-bench";
  const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  const bin = (name: string) => path.join("node_modules", ".bin", name);
  console.log("http: building the production app…");
  execFileSync(bin("next"), ["build"], { env, stdio: "ignore" });
  const server = spawnNextStart(["-p", String(port), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 300));
    }
    const time = async (p: string) => {
      const start = performance.now();
      const res = await fetch(base + p);
      await res.text();
      if (!res.ok) throw new Error(`${p}: HTTP ${res.status}`);
      return performance.now() - start;
    };
    await time("/trials?q=warm");
    const lists: number[] = [];
    const pages: number[] = [];
    for (let i = 0; i < 60; i++) {
      lists.push(await time(`/trials?${QUERIES[i % QUERIES.length]}`));
      pages.push(await time(`/trials/NCT9${String(Math.floor(rand() * N)).padStart(7, "0")}`));
    }
    console.log(`render /trials (list, ${built.trials} trials): ${fmt(lists)}`);
    console.log(`render /trials/[id] (trial page): ${fmt(pages)}`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}
if (keep) console.log(`kept ${dbFile}${urls.postgresql && !cluster ? ` and ${urls.postgresql}` : ""}`);
else fs.rmSync(dir, { recursive: true, force: true });
await cluster?.stop();
