import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/browser";

/**
 * End-to-end tests run against the production build (`next build` + `next start`) with a
 * scratch database holding the seed trials. Playwright cannot download its own browser
 * here: scripts/browser.mjs finds one (CHROMIUM_PATH, the system's, or an npm-packaged one).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";
const { executablePath, args } = await chromiumLaunchOptions();

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(port), NEXT_DIST_DIR: distDir, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdout: "ignore",
    stderr: "pipe",
  },
});
