/**
 * Measures the list, a trial page and the comparison page on the seeds, against the
 * production build (npm run bench:pages):
 *  - the JavaScript the browser downloads for it (sum of gzipped script bytes, each
 *    script's body gzipped here with zlib, level 9, whatever the server sent);
 *  - the server render time of the page (full HTML response, N sequential requests,
 *    after warm-up; the median is reported).
 *
 *   npx tsx scripts/bench-pages.ts              # starts its own server (port 3210, .next-bench-compare)
 *   BASE_URL=http://127.0.0.1:3200 npx tsx scripts/bench-pages.ts   # or measures a running one
 */
import type { ChildProcess } from "node:child_process";
import { kb, scriptBytes } from "./js-size";
import { startProductionServer } from "./prod-server";

const IDS = "NCT04822922,NCT05948982,NCT05985863,NCT02812121,NCT06884904";
const PAGES = {
  "compare (5 trials, charts)": `/compare?ids=${IDS}&weightKg=60`,
  "compare (trial picker, no charts)": "/compare",
  "trials list": "/trials",
  "trials list, search hbv": "/trials?q=hbv",
  "trial page": "/trials/NCT05985863",
  "dose landscape (all trials, chart)": "/landscape",
};
const RUNS = Number(process.env.RUNS ?? 30);


async function renderTimes(base: string, path: string): Promise<number[]> {
  for (let i = 0; i < 3; i++) await (await fetch(base + path)).text(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(base + path);
    await res.text();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}


let server: { base: string; child: ChildProcess } | null = null;
try {
  let base = process.env.BASE_URL;
  if (!base) {
    server = await startProductionServer({ port: process.env.BENCH_PORT ?? "3210", distDir: ".next-bench-compare", databaseUrl: "file:./data/bench-compare.db" });
    base = server.base;
  }
  for (const [name, path] of Object.entries(PAGES)) {
    const js = await scriptBytes(base, path);
    const t = await renderTimes(base, path);
    const median = t[Math.floor(t.length / 2)]!;
    console.log(`${name}: JS ${js.files} files, ${kb(js.gzip)} gzipped (${kb(js.raw)} raw); server render median ${median.toFixed(1)} ms (min ${t[0]!.toFixed(1)}, p90 ${t[Math.floor(t.length * 0.9)]!.toFixed(1)}, n=${t.length})`);
  }
} finally {
  server?.child.kill("SIGTERM");
}
