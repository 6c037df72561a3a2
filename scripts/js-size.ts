// The JavaScript a page ships, as the browser downloads it: npx tsx scripts/js-size.ts BASE_URL PATH...
// (each script's body gzipped at level 9, summed; the same measure as bench:pages).
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

const [, , base, ...paths] = process.argv;
if (!base || paths.length === 0) {
  console.error("usage: npx tsx scripts/js-size.ts BASE_URL PATH...");
  process.exit(2);
}
const { executablePath, args } = await chromiumLaunchOptions();
const browser = await chromium.launch({ executablePath, args });
for (const path of paths) {
  const page = await browser.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on("response", (r) => { if (r.request().resourceType() === "script") bodies.push(r.body().catch(() => null)); });
  await page.goto(base + path);
  await page.waitForLoadState("networkidle");
  const all = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`${path}: ${all.length} scripts, ${kb(all.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0))} gzipped (${kb(all.reduce((s, b) => s + b.length, 0))} raw)`);
  await page.close();
}
await browser.close();
