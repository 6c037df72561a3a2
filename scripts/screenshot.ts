// Looks at a page as a person would: npx tsx scripts/screenshot.ts URL OUT.png [width] [height]
//   [fullPage 1|0] [waitMs] [clipHeight]   (e.g. 390 844 for a phone; waitMs for the charts)
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

const [, , url, out, width = "1280", height = "900", full = "1", wait = "0", clip = "0"] = process.argv;
if (!url || !out) {
  console.error("usage: npx tsx scripts/screenshot.ts URL OUT.png [width] [height] [fullPage 1|0] [waitMs] [clipHeight]");
  process.exit(2);
}
const { executablePath, args } = await chromiumLaunchOptions();
const browser = await chromium.launch({ executablePath, args });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
const res = await page.goto(url, { waitUntil: "load" });
await page.waitForTimeout(Number(wait));
console.log(res?.status(), page.url());
await page.screenshot({ path: out, fullPage: full === "1", ...(Number(clip) ? { clip: { x: 0, y: 0, width: Number(width), height: Number(clip) }, fullPage: true } : {}) });
await browser.close();
