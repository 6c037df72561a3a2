// npm run bench:search [-- --trials 50000 --skip-http --keep]
// Builds a synthetic registry from the seeds' shapes in a scratch database, then prints
// p50/p95 of search (in process) and of rendering the list and a trial page (HTTP
// against the production build). Figures, not assertions: this is not a test.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSyntheticRegistry, seededRandom } from "./synthetic-registry";
import { parseSearchParams } from "../lib/search/params";
import { searchTrials } from "../lib/data/search";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const N = Number(arg("trials", "50000"));
const skipHttp = args.includes("--skip-http");
const keep = args.includes("--keep"); // leave the scratch database for profiling
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

// 2. Search in process (what the list page and the API call).
process.env.DATABASE_URL = url;
const QUERIES = [
  "q=hbv", "q=hepatitis%20B", "q=liver%20failure", "q=umbilical%20cord", "q=cirrhosis&phase=PHASE2", "q=NCT90012345",
  "q=safety%20efficacy&sort=dose", "phase=PHASE3&status=RECRUITING", "age=72&doseMin=1000000", "infusions=4&source=BONE_MARROW",
  "q=%22acute%20on%20chronic%22&sort=start", "q=NEAR(%22x%22*", "q=albumin&masking=QUADRUPLE&page=3", "", "sort=enrollment",
];
let t0 = performance.now();
searchTrials(parseSearchParams(new URLSearchParams("q=warm")).query);
console.log(`search: first call (loads the facet index) ${(performance.now() - t0).toFixed(0)} ms`);
const times: number[] = [];
const perQuery = new Map<string, number[]>();
for (let round = 0; round < 20; round++) {
  for (const qs of QUERIES) {
    const start = performance.now();
    const r = await searchTrials(parseSearchParams(new URLSearchParams(qs)).query);
    const ms = performance.now() - start;
    times.push(ms);
    perQuery.set(qs, [...(perQuery.get(qs) ?? []), ms]);
    if (round === 0) console.log(`  ${(qs || "(no query)").padEnd(40)} ${String(r.total).padStart(6)} hits`);
  }
}
console.log(`search on ${built.trials} trials (FTS + filters + facets + page rows): ${fmt(times)}`);
const slowest = [...perQuery].map(([q, xs]) => [q, percentile(xs, 95)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
console.log(`  slowest p95: ${slowest.map(([q, ms]) => `${q || "(none)"} ${ms.toFixed(1)} ms`).join("; ")}`);

// 3. Rendering over HTTP, production build.
if (!skipHttp) {
  const port = Number(arg("port", "3400"));
  const distDir = ".next-bench";
  const env = { ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  const bin = (name: string) => path.join("node_modules", ".bin", name);
  console.log("http: building the production app…");
  execFileSync(bin("next"), ["build"], { env, stdio: "ignore" });
  const server = spawn(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: "ignore", detached: true });
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
if (keep) console.log(`kept ${dbFile}`);
else fs.rmSync(dir, { recursive: true, force: true });
