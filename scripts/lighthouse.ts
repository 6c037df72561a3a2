/**
 * Lighthouse (mobile: its default emulated phone, slow 4G and 4× CPU slowdown, simulated)
 * on the list, a trial page, the comparison of the five seeds and the dose landscape,
 * against the production build, in the system Chromium (npm run bench:lighthouse).
 *
 * Each page is run RUNS times (default 3): scores move between runs on a busy machine, so
 * the run with the median performance score is the one reported, with the spread and the
 * median Total Blocking Time. For that run it prints the scores, the metrics, what costs
 * performance (opportunities and diagnostics that are not passing, by Lighthouse's own
 * audit), where the main thread's time went (by script and by kind of work, and the long
 * tasks) and every failing accessibility or best-practices audit.
 *
 * The corpus: by default a fresh database of the seeds (scripts/e2e-server.mjs). With
 * `--full` (or LH_CORPUS=full) the database is the seeds plus every record of
 * ../shared/ctgov (classic, msc-other, v2, xml), built afresh in data/lighthouse-full.db
 * (LH_DB to name another file) by `npm run import` itself, the step a reader would run:
 *
 *   DATABASE_URL=file:./data/full.db npm run import
 *   DATABASE_URL=file:./data/full.db npm run import -- ../shared/ctgov/{classic,msc-other,v2,xml}
 *
 * With each page it also prints its main thread's work in thread time, from each run's own
 * trace (scripts/trace-tasks.ts): the CPU time of the load and the tasks that are long at 4×,
 * figures that stay put when the shared host is busy, where the simulated scores do not.
 *
 * Lighthouse's 4× CPU slowdown assumes a fast desktop (CPU benchmark index about 1500 or
 * more). The index of each run is printed: well below that (a busy or small machine), the
 * simulated phone is slower than a real one and Total Blocking Time is overstated.
 *
 *   npx tsx scripts/lighthouse.ts                 # starts its own server (port 3214, .next-lighthouse)
 *   npx tsx scripts/lighthouse.ts --full          # the same on the seeds + ../shared/ctgov
 *   BASE_URL=http://127.0.0.1:3113 npx tsx scripts/lighthouse.ts      # or measures a running one
 *   RUNS=5 LH_OUT=bench-out npx tsx scripts/lighthouse.ts /trials      # more runs, JSON reports, one page
 *   LH_CPU_MULTIPLIER=1 npx tsx scripts/lighthouse.ts     # a CPU slowdown calibrated to a slow host
 *   LH_PORT=3404 LH_DIST=.next-lighthouse-x LH_NO_BUILD=1 …  # its own port, build folder; reuse a build
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
import { execFileSync } from "node:child_process";
import { chromiumLaunchOptions } from "./browser";
import { startProductionServer } from "./prod-server";
import { mainThread, SLOWDOWN, type MainThread, type TraceEvent } from "./trace-tasks";

const IDS = "NCT04822922,NCT05948982,NCT05985863,NCT02812121,NCT06884904";
// The comparison at its canonical address (the one its "Copy link" gives): the short form
// `?ids=…` answers with a redirect to it first.
// The trial page: the seed whose contacts, arms and criteria make the longest page.
const DEFAULT_PAGES = ["/trials", "/trials/NCT04822922", `/compare?ids=${IDS}&weightKg=60`, "/landscape"];
const RUNS = Number(process.env.RUNS ?? 3);
const FULL = process.argv.includes("--full") || process.env.LH_CORPUS === "full";
/** The folders of ../shared/ctgov that hold records (fhir/ holds exports, not records). */
const SHARED_FOLDERS = ["classic", "msc-other", "v2", "xml"].map((f) => path.join("..", "shared", "ctgov", f));
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

  // Where the main thread's time went: by script (bootup-time), by kind of work, the long tasks.
  type Item = Record<string, unknown>;
  const items = (id: string) => ((a[id]?.details as { items?: Item[] } | undefined)?.items ?? []);
  const short = (u: unknown) => String(u).replace(/^https?:\/\/[^/]+/, "").slice(0, 70);
  const boot = items("bootup-time").slice(0, 5).map((i) => `${short(i.url)} ${ms(Number(i.total))} (script ${ms(Number(i.scripting))})`);
  if (boot.length) console.log(`  main thread by script: ${boot.join("; ")}`);
  const work = items("mainthread-work-breakdown").slice(0, 6).map((i) => `${i.groupLabel} ${ms(Number(i.duration))}`);
  if (work.length) console.log(`  main thread by work: ${work.join(", ")}`);
  const long = items("long-tasks").slice(0, 6).map((i) => `${short(i.url)} ${ms(Number(i.duration))} at ${ms(Number(i.startTime))}`);
  if (long.length) console.log(`  long tasks: ${long.join("; ")}`);

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
interface Run { lhr: Result; thread: MainThread | null }

async function runOnce(url: string, executablePath: string): Promise<Run> {
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
      if (!result.lhr.runtimeError) {
        // The load's own trace, in thread time (scripts/trace-tasks.ts): figures that do not
        // move with the host's load, unlike the simulated metrics above.
        const trace = (result.artifacts as unknown as { Trace?: { traceEvents: TraceEvent[] } }).Trace;
        let thread: MainThread | null = null;
        try {
          thread = trace ? mainThread(trace.traceEvents, result.lhr.finalDisplayedUrl) : null;
        } catch {
          thread = null;
        }
        return { lhr: result.lhr, thread };
      }
      if (attempt === 1) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
      console.error(`  (retrying: ${result.lhr.runtimeError.message.slice(0, 80)})`);
    } finally {
      await chrome.kill();
    }
  }
}

/** A fresh database of the seeds and every record of ../shared/ctgov, through `npm run import`. */
function buildFullCorpus(dbFile: string): string {
  for (const f of SHARED_FOLDERS) if (!fs.existsSync(f)) throw new Error(`--full: ${f} is missing (the shared records sit beside the project)`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  const url = `file:${dbFile}`;
  const env = { ...process.env, DATABASE_URL: url };
  const tsx = path.join("node_modules", ".bin", "tsx");
  for (const args of [[], SHARED_FOLDERS]) {
    const out = execFileSync(tsx, ["scripts/import.ts", ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    console.log(`  ${out.trim().split("\n").pop()}`);
  }
  return url;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

let server: { base: string; child: ChildProcess } | null = null;
const { executablePath } = await chromiumLaunchOptions();
try {
  let base = process.env.BASE_URL;
  const port = process.env.LH_PORT ?? "3214";
  const distDir = process.env.LH_DIST ?? ".next-lighthouse";
  if (!base && FULL) {
    const dbFile = process.env.LH_DB ?? "data/lighthouse-full.db";
    console.log(`Full corpus: the seeds and ${SHARED_FOLDERS.join(", ")} into ${dbFile}`);
    const databaseUrl = buildFullCorpus(dbFile);
    server = await startProductionServer({ port, distDir, databaseUrl, database: "as-is", build: !process.env.LH_NO_BUILD });
    base = server.base;
  } else if (!base) {
    server = await startProductionServer({ port, distDir, databaseUrl: "file:./data/lighthouse.db" });
    base = server.base;
  } else if (FULL) {
    console.log(`(--full with BASE_URL: the server's own database is measured; import the seeds and ${SHARED_FOLDERS.join(", ")} into it first)`);
  }
  const pages = process.argv.slice(2).filter((a) => !a.startsWith("--")).length ? process.argv.slice(2).filter((a) => !a.startsWith("--")) : DEFAULT_PAGES;
  if (OUT) fs.mkdirSync(OUT, { recursive: true });
  console.log(`Lighthouse ${RUNS}× per page, mobile, CPU slowdown ${CPU ?? 4}×${CPU === undefined ? " (default)" : ""}, against ${base}${FULL ? " (seeds + ../shared/ctgov)" : ""} (median run by performance score)`);
  const summary: string[] = [];
  for (const p of pages) {
    const url = base + p;
    const all: Run[] = [];
    for (let i = 0; i < RUNS; i++) all.push(await runOnce(url, executablePath));
    const threads = all.map((r) => r.thread).filter((t): t is MainThread => t !== null);
    const runs = all.map((r) => r.lhr);
    runs.sort((x, y) => score(x, "performance") - score(y, "performance"));
    const mid = runs[Math.floor(runs.length / 2)]!;
    const perfs = runs.map((r) => score(r, "performance")).join("/");
    const bench = runs.map((r) => Math.round(r.environment.benchmarkIndex)).join("/");
    const tbts = runs.map((r) => r.audits["total-blocking-time"]?.numericValue ?? NaN);
    const thread = threads.length
      ? `; main thread (thread time, load-independent): ${median(threads.map((t) => t.cpu)).toFixed(0)} ms, ${median(threads.map((t) => t.long))} tasks long at ${SLOWDOWN}× blocking ${median(threads.map((t) => t.blocking)).toFixed(0)} ms (medians; runs ${threads.map((t) => `${t.cpu.toFixed(0)}/${t.long}/${t.blocking.toFixed(0)}`).join(", ")})`
      : "";
    const line = `${p}: performance ${score(mid, "performance")} (runs ${perfs}), accessibility ${score(mid, "accessibility")}, TBT ${ms(median(tbts))} (median; runs ${tbts.map((t) => ms(t)).join("/")}), best practices ${score(mid, "best-practices")}, SEO ${score(mid, "seo")}; CPU benchmark index ${bench}${thread}`;
    summary.push(line);
    console.log(`\n${line}`);
    report(mid);
    if (OUT) fs.writeFileSync(path.join(OUT, `lighthouse-${p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "").slice(0, 60) || "root"}.json`), JSON.stringify(mid, null, 1));
  }
  console.log(`\nSummary (median of ${RUNS}, CPU slowdown ${CPU ?? 4}×):\n${summary.map((s) => `  ${s}`).join("\n")}`);
} finally {
  server?.child.kill("SIGTERM");
}
