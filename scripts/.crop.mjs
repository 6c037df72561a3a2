import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("file:///tmp/cmp-sched.png");
await page.screenshot({ path: "/tmp/cmp-sched-crop.png", clip: { x: 0, y: 0, width: 700, height: 520 } });
await browser.close();
