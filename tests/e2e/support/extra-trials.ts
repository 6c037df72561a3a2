import { execFileSync } from "node:child_process";
import path from "node:path";
import { test } from "@playwright/test";

/**
 * Adds a record file to the e2e database before this spec file's tests and removes its
 * trials after them (scripts/e2e-extra-trials.ts), so the specs that count the seeds' trials
 * see only the seeds. The spec runs serially.
 */
export function withExtraTrials(file: string | string[], ids: string[]): void {
  const run = (...args: string[]) => execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/e2e-extra-trials.ts", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db" }, stdio: ["ignore", "inherit", "inherit"],
  });
  test.describe.configure({ mode: "serial" });
  test.beforeAll(() => run("add", ...(Array.isArray(file) ? file : [file])));
  test.afterAll(() => run("remove", ...ids));
}
