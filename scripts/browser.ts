// Where the tests and scripts find a Chromium, in this order: CHROMIUM_PATH, the system's
// (Debian's /usr/bin/chromium), else the one that ships inside the @sparticuz/chromium npm
// package, so that `npm test` runs on a machine with no browser installed and no download.
// CHROMIUM_PATH=packaged picks the npm-packaged one even where a system browser exists.
import fs from "node:fs";

const BASE_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
];
const SYSTEM = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export interface ChromiumLaunch { executablePath: string; args: string[]; source: string }

export async function chromiumLaunchOptions(): Promise<ChromiumLaunch> {
  const fromEnv = process.env.CHROMIUM_PATH?.trim();
  if (fromEnv && fromEnv !== "packaged") {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH ${fromEnv}: no such file`);
    return { executablePath: fromEnv, args: BASE_ARGS, source: "CHROMIUM_PATH" };
  }
  const system = fromEnv ? undefined : SYSTEM.find((p) => fs.existsSync(p));
  if (system) return { executablePath: system, args: BASE_ARGS, source: "system" };
  const { default: packaged } = await import("@sparticuz/chromium");
  // Its own flags (made for serverless functions), less those that weaken the page's
  // security model (the tests check the CSP a real browser enforces) and the single-process
  // mode, in which closing one browser context can take the whole browser down.
  const unwanted = new Set([
    "--disable-web-security", "--allow-running-insecure-content", "--disable-site-isolation-trials",
    "--single-process", "--no-zygote",
  ]);
  const args = [...new Set([...BASE_ARGS, ...packaged.args.filter((a) => !unwanted.has(a) && !a.startsWith("--headless"))])];
  return { executablePath: await packaged.executablePath(), args, source: "@sparticuz/chromium" };
}
