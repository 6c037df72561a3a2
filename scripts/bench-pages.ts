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
import { spawn, type ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

const IDS = "NCT04822922,NCT05948982,NCT05985863,NCT02812121,NCT06884904";
const PAGES = {
  "compare (5 trials, charts)": `/compare?ids=${IDS}&weightKg=60`,
  "compare (trial picker, no charts)": "/compare",
  "trials list": "/trials",
  "trials list, search hbv": "/trials?q=hbv",
  "trial page": "/trials/NCT05985863",
};
const RUNS = Number(process.env.RUNS ?? 30);

async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function startServer(): Promise<{ base: string; child: ChildProcess }> {
  const port = process.env.BENCH_PORT ?? "3210";
  const child = spawn("node", ["scripts/e2e-server.mjs"], {
    env: {
      ...process.env, E2E_PORT: port, NEXT_DIST_DIR: ".next-bench-compare",
      DATABASE_URL: "file:./data/bench-compare.db", NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600 && !(await healthy(base)); i++) await new Promise((r) => setTimeout(r, 1000));
  if (!(await healthy(base))) throw new Error("the production server did not start");
  return { base, child };
}

async function scriptBytes(base: string, path: string): Promise<{ files: number; raw: number; gzip: number }> {
  const { executablePath, args } = await chromiumLaunchOptions();
  const browser = await chromium.launch({ executablePath, args });
  const page = await browser.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.body().catch(() => null));
  });
  await page.goto(base + path);
  await page.waitForLoadState("networkidle");
  const all = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  await browser.close();
  return {
    files: all.length,
    raw: all.reduce((s, b) => s + b.length, 0),
    gzip: all.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
  };
}

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

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

let server: { base: string; child: ChildProcess } | null = null;
try {
  let base = process.env.BASE_URL;
  if (!base) {
    server = await startServer();
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
