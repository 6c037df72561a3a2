/**
 * Draws app/favicon.ico (16, 32 and 48 px PNGs in one ICO) and app/apple-icon.png (180 px)
 * from app/icon.svg, in Chromium: npx tsx scripts/make-icons.ts. The outputs are committed;
 * run this again only after changing the SVG.
 */
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./browser";

const svg = fs.readFileSync("app/icon.svg", "utf8");
const { executablePath, args } = await chromiumLaunchOptions();
const browser = await chromium.launch({ executablePath, args });

async function png(size: number): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace(/width="32" height="32"/, `width="${size}" height="${size}"`)}</body></html>`,
  );
  const buf = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return buf;
}

/** An ICO file whose images are PNGs (supported by every browser since Windows Vista's day). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const sizes = [16, 32, 48];
fs.writeFileSync("app/favicon.ico", ico(await Promise.all(sizes.map(async (size) => ({ size, data: await png(size) })))));
// iOS puts its own mask on the home-screen icon and shows transparency as black: an opaque square.
const apple = await browser.newPage({ viewport: { width: 180, height: 180 } });
await apple.setContent(`<html><body style="margin:0;background:#0f5e73">${svg.replace(/rx="7"/, 'rx="0"').replace(/width="32" height="32"/, 'width="180" height="180"')}</body></html>`);
fs.writeFileSync("app/apple-icon.png", await apple.screenshot({ clip: { x: 0, y: 0, width: 180, height: 180 } }));
await browser.close();
console.log("wrote app/favicon.ico and app/apple-icon.png");
