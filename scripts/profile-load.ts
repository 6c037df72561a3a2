/**
 * Where a page's main-thread time goes at load, in two passes over a fresh page at a phone's
 * viewport (412×823, Lighthouse's mobile):
 *
 * 1. Main-thread CPU time from a trace, not slowed (scripts/trace-tasks.ts): each task's
 *    thread time, by kind of work and by script, the tasks that would be long on
 *    Lighthouse's phone (thread time × 4 ≥ 50 ms) and their blocking time (Σ 4·t − 50).
 *    RUNS loads (default 3), median.
 * 2. A JS CPU profile with the CPU slowed (default 4×): the top functions by self time and
 *    by script, and the long tasks the page itself observed (wall time: moves with the load).
 *
 *   npx tsx scripts/profile-load.ts <url> [cpuRate] [out.cpuprofile]
 *   RUNS=5 npx tsx scripts/profile-load.ts http://127.0.0.1:3407/landscape
 *   PROFILE=0 npx tsx scripts/profile-load.ts <url>...   # the trace figures only, for several pages
 *   VIEWPORT=412x2000 …                                    # a taller screen: the charts draw at load
 */
import fs from "node:fs";
import { chromium, type Browser } from "playwright";
import { chromiumLaunchOptions } from "./browser";
import { mainThread, SLOWDOWN, topOf, type MainThread, type TraceEvent } from "./trace-tasks";

const urls = process.argv.slice(2).filter((a) => /^https?:/.test(a));
const rest = process.argv.slice(2).filter((a) => !/^https?:/.test(a));
if (urls.length === 0) throw new Error("usage: profile-load.ts <url>... [cpuRate] [out.cpuprofile]");
const rate = Number(rest[0] ?? 4);
const out = rest[1];
const RUNS = Number(process.env.RUNS ?? 3);
/** Lighthouse's mobile viewport; VIEWPORT=412x2000 makes the charts of /compare and /landscape part of the load. */
const [vw, vh] = (process.env.VIEWPORT ?? "412x823").split("x").map(Number);
const VIEWPORT = { width: vw!, height: vh! };

type Figures = MainThread;

/** One unthrottled load, traced: the page's main thread, its tasks' thread times. */
async function traceOnce(browser: Browser, url: string): Promise<Figures> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8.execute",
      transferMode: "ReportEvents",
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(3000);
    await cdp.send("Tracing.end");
    await done;
    return mainThread(events, url);
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const top = topOf;

async function profile(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await page.addInitScript(() => {
      (window as unknown as { __long: unknown[] }).__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as unknown as { __long: unknown[] }).__long.push({ start: Math.round(e.startTime), dur: Math.round(e.duration) }); }).observe({ type: "longtask", buffered: true });
    });
    await cdp.send("Profiler.start");
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(4000);
    const { profile } = await cdp.send("Profiler.stop");
    if (out) fs.writeFileSync(out, JSON.stringify(profile));
    const long = await page.evaluate(() => (window as unknown as { __long: unknown[] }).__long);
    console.log(`  CPU profile at ${rate}× CPU: long tasks (wall time) ${JSON.stringify(long)}`);
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    const dts = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dts[i + 1] ?? 0)));
    const byFn = new Map<string, number>();
    const byUrl = new Map<string, number>();
    for (const [id, t] of self) {
      const cf = nodes.get(id)!.callFrame;
      const u = cf.url.replace(/^https?:\/\/[^/]+/, "");
      const k = `${cf.functionName || "(anon)"} ${u.split("/").pop()}:${cf.lineNumber}:${cf.columnNumber}`;
      byFn.set(k, (byFn.get(k) ?? 0) + t);
      byUrl.set(u || cf.functionName, (byUrl.get(u || cf.functionName) ?? 0) + t);
    }
    const list = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `    ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`).join("\n");
    console.log("  self time by script:\n" + list(byUrl, 12));
    console.log("  self time by function:\n" + list(byFn, 25));
  } finally {
    await page.close();
  }
}

const { executablePath, args } = await chromiumLaunchOptions();
const browser = await chromium.launch({ executablePath, args });
try {
  for (const url of urls) {
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await traceOnce(browser, url));
    const mid = [...runs].sort((a, b) => a.cpu - b.cpu)[Math.floor(runs.length / 2)]!;
    const dom = await (async () => {
      const page = await browser.newPage({ viewport: VIEWPORT });
      await page.goto(url, { waitUntil: "load" });
      const n = await page.evaluate(() => document.getElementsByTagName("*").length);
      await page.close();
      return n;
    })();
    console.log(`${url.replace(/^https?:\/\/[^/]+/, "")}: ${dom} elements; main-thread CPU ${median(runs.map((r) => r.cpu)).toFixed(0)} ms (runs ${runs.map((r) => r.cpu.toFixed(0)).join("/")}), ` +
      `tasks long at ${SLOWDOWN}× ${median(runs.map((r) => r.long))} (runs ${runs.map((r) => r.long).join("/")}), ` +
      `their blocking time at ${SLOWDOWN}× ${median(runs.map((r) => r.blocking)).toFixed(0)} ms (runs ${runs.map((r) => r.blocking.toFixed(0)).join("/")}); median run:`);
    console.log(`  by kind (self): ${top(mid.byKind, 8)}`);
    console.log(`  by script (self): ${top(mid.byScript, 6)}`);
    for (const t of mid.longTasks) console.log(`  long task ${t}`);
    if (process.env.PROFILE !== "0") await profile(browser, url);
  }
} finally {
  await browser.close();
}
