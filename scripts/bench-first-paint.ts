/**
 * First paint of a cold load in Chromium (npm run bench:first-paint): each page loaded
 * RUNS times, each in a fresh browser context (nothing cached), on a mobile-like link
 * (CDP network emulation: 150 ms latency, 1.6 Mbit/s down, Lighthouse's "slow 4G") and
 * a 4× slower CPU; prints the median first-contentful-paint and the bytes of the document.
 * Used to decide Next's `inlineCss` (next.config.ts): run it against a build with and one
 * without, side by side.
 *
 *   BASE_URL=http://127.0.0.1:3000 LABEL=inline npx tsx scripts/bench-first-paint.ts
 *   PAGES=/trials,/trials?q=hbv RUNS=5 …
 */
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const PAGES = (process.env.PAGES ?? "/trials,/trials?q=hbv,/trials/NCT04822922").split(",").map((p) => p.trim()).filter(Boolean);
const RUNS = Number(process.env.RUNS ?? 5);
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(BASE).hostname)) throw new Error(`bench:first-paint only measures a local server, not ${BASE}`);

const launch = await chromiumLaunchOptions();
const browser = await chromium.launch({ executablePath: launch.executablePath, args: launch.args });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  for (const page of PAGES) {
    const fcp: number[] = [];
    let bytes = 0;
    let requests = 0;
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      let n = 0;
      tab.on("request", () => n++);
      const response = await tab.goto(BASE + page, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`${page}: HTTP ${response?.status()}`);
      bytes = (await response.body()).length;
      requests = n;
      const paint = await tab.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
      fcp.push(paint);
      await context.close();
    }
    console.log(`FIRSTPAINT ${process.env.LABEL ?? BASE} ${page} median FCP ${Math.round(median(fcp))} ms (runs: ${fcp.map(Math.round).join(", ")})  document ${(bytes / 1024).toFixed(1)} KB  requests ${requests}`);
  }
} finally {
  await browser.close();
}
