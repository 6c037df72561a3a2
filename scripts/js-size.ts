// The JavaScript a page ships, as the browser downloads it: the sum of its scripts' bodies,
// each gzipped here (zlib, level 9) whatever the server sent. Used by bench:pages; alone:
//   npx tsx scripts/js-size.ts http://127.0.0.1:3205 /trials /landscape
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

export async function scriptBytes(base: string, path: string): Promise<{ files: number; raw: number; gzip: number }> {
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

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [, , base, ...paths] = process.argv;
  if (!base || paths.length === 0) {
    console.error("usage: npx tsx scripts/js-size.ts BASE_URL PATH...");
    process.exit(2);
  }
  for (const path of paths) {
    const js = await scriptBytes(base, path);
    console.log(`${path}: ${js.files} scripts, ${kb(js.gzip)} gzipped (${kb(js.raw)} raw)`);
  }
}
