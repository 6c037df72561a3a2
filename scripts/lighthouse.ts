/**
 * Lighthouse (mobile: its default emulated phone, slow 4G and 4× CPU slowdown, simulated)
 * on the list, a trial page and the comparison of the five seeds, against the production
 * build, in the system Chromium (npm run bench:lighthouse).
 *
 * Each page is run RUNS times (default 3): scores move between runs on a busy machine, so
 * the run with the median performance score is the one reported, with the spread. For that
 * run it prints the scores, the metrics, what costs performance (opportunities and
 * diagnostics that are not passing, by Lighthouse's own audit) and every failing
 * accessibility or best-practices audit.
 *
 * Lighthouse's 4× CPU slowdown assumes a fast desktop (CPU benchmark index about 1500 or
 * more). The index of each run is printed: well below that (a busy or small machine), the
 * simulated phone is slower than a real one and Total Blocking Time is overstated.
 *
 *   npx tsx scripts/lighthouse.ts                 # starts its own server (port 3214, .next-lighthouse)
 *   BASE_URL=http://127.0.0.1:3113 npx tsx scripts/lighthouse.ts      # or measures a running one
 *   RUNS=5 LH_OUT=bench-out npx tsx scripts/lighthouse.ts /trials      # more runs, JSON reports, one page
 *   LH_CPU_MULTIPLIER=1 npx tsx scripts/lighthouse.ts     # a CPU slowdown calibrated to a slow host
 *
 * Lighthouse warns when the host's benchmark index is under 1000 and points to calibrating
 * the multiplier (its docs/throttling.md; PageSpeed Insights itself runs at 1.2×). Reported
 * figures should say which multiplier they used: the default is Lighthouse's own 4×.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { chromiumLaunchOptions } from "./browser";
import { startProductionServer } from "./prod-server";

const IDS = "NCT04822922,NCT05948982,NCT05985863,NCT02812121,NCT06884904";
// The comparison at its canonical address (the one its "Copy link" gives): the short form
// `?ids=…` answers with a redirect to it first.
const DEFAULT_PAGES = ["/trials", "/trials/NCT05985863", `/compare?ids=${IDS}&weightKg=60`];
const RUNS = Number(process.env.RUNS ?? 3);
const OUT = process.env.LH_OUT;
const CPU = process.env.LH_CPU_MULTIPLIER ? Number(process.env.LH_CPU_MULTIPLIER) : undefined;


const score = (lhr: Result, cat: string) => Math.round((lhr.categories[cat]?.score ?? 0) * 100);
const ms = (n: number | undefined) => (n === undefined ? "?" : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);

function report(lhr: Result) {
  const a = lhr.audits;
  const metric = (id: string) => a[id]?.displayValue ?? "?";
  console.log(`  metrics: FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}`);

  const lcpEl = a["largest-contentful-paint-element"]?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
  const snippet = lcpEl?.items?.[0]?.items?.[0]?.node?.snippet;
  if (snippet) console.log(`  LCP element: ${snippet.slice(0, 140)}`);

  // What costs performance: every audit of the category that does not pass, the ones with
  // estimated savings first.
  const perfRefs = lhr.categories.performance?.auditRefs ?? [];
  const costly = perfRefs
    .filter((r) => !["metrics"].includes(r.group ?? ""))
    .map((r) => a[r.id]!)
    .filter((au) => au && au.score !== null && au.score < 0.9 && au.scoreDisplayMode !== "informative" && au.scoreDisplayMode !== "notApplicable")
    .map((au) => {
      const d = au.details as { overallSavingsMs?: number; overallSavingsBytes?: number } | undefined;
      const savings = au.metricSavings ? Object.entries(au.metricSavings).filter(([, v]) => (v ?? 0) > 0).map(([k, v]) => `${k} −${k === "CLS" ? v!.toFixed(3) : ms(v)}`).join(", ") : "";
      return { au, order: d?.overallSavingsMs ?? 0, text: `${au.title}${au.displayValue ? ` — ${au.displayValue}` : ""}${savings ? ` [${savings}]` : ""}${d?.overallSavingsBytes ? ` (${Math.round(d.overallSavingsBytes / 1024)} KiB)` : ""}` };
    })
    .sort((x, y) => y.order - x.order);
  if (costly.length) {
    console.log("  performance opportunities and diagnostics:");
    for (const c of costly.slice(0, 10)) console.log(`    - ${c.text}`);
  }

  for (const cat of ["accessibility", "best-practices"]) {
    const failing = (lhr.categories[cat]?.auditRefs ?? [])
      .map((r) => a[r.id]!)
      .filter((au) => au && au.score !== null && au.score < 1 && au.scoreDisplayMode === "binary");
    for (const au of failing) {
      const items = ((au.details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items ?? [])
        .map((i) => i.node?.snippet).filter(Boolean).slice(0, 3);
      console.log(`  ${cat} fails: ${au.id}: ${au.title}${items.length ? `\n      ${items.join("\n      ")}` : ""}`);
    }
  }
}

/** One Lighthouse run in a fresh browser (no cache, no state carried over). A run the browser
 *  could not load (the machine too busy to answer in time) is tried once more. */
async function runOnce(url: string, executablePath: string): Promise<Result> {
  for (let attempt = 0; ; attempt++) {
    const chrome = await chromeLauncher.launch({
      chromePath: executablePath,
      chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port, output: "json", logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
        ...(CPU !== undefined ? { throttling: { cpuSlowdownMultiplier: CPU } } : {}),
      });
      if (!result) throw new Error(`${url}: no result`);
      if (!result.lhr.runtimeError) return result.lhr;
      if (attempt === 1) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
      console.error(`  (retrying: ${result.lhr.runtimeError.message.slice(0, 80)})`);
    } finally {
      await chrome.kill();
    }
  }
}

let server: { base: string; child: ChildProcess } | null = null;
const { executablePath } = await chromiumLaunchOptions();
try {
  let base = process.env.BASE_URL;
  if (!base) {
    server = await startProductionServer({ port: process.env.LH_PORT ?? "3214", distDir: ".next-lighthouse", databaseUrl: "file:./data/lighthouse.db" });
    base = server.base;
  }
  const pages = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_PAGES;
  if (OUT) fs.mkdirSync(OUT, { recursive: true });
  console.log(`Lighthouse ${RUNS}× per page, mobile, CPU slowdown ${CPU ?? 4}×${CPU === undefined ? " (default)" : ""}, against ${base} (median run by performance score)`);
  const summary: string[] = [];
  for (const p of pages) {
    const url = base + p;
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await runOnce(url, executablePath));
    runs.sort((x, y) => score(x, "performance") - score(y, "performance"));
    const median = runs[Math.floor(runs.length / 2)]!;
    const perfs = runs.map((r) => score(r, "performance")).join("/");
    const bench = runs.map((r) => Math.round(r.environment.benchmarkIndex)).join("/");
    const line = `${p}: performance ${score(median, "performance")} (runs ${perfs}), accessibility ${score(median, "accessibility")}, best practices ${score(median, "best-practices")}, SEO ${score(median, "seo")}; CPU benchmark index ${bench}`;
    summary.push(line);
    console.log(`\n${line}`);
    report(median);
    if (OUT) fs.writeFileSync(path.join(OUT, `lighthouse-${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root"}.json`), JSON.stringify(median, null, 1));
  }
  console.log(`\nSummary (median of ${RUNS}):\n${summary.map((s) => `  ${s}`).join("\n")}`);
} finally {
  server?.child.kill("SIGTERM");
}
