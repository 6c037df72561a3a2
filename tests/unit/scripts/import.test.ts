import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRows } from "@/tests/helpers/db";

/** The import command as a person runs it: `tsx scripts/import.ts file…` in a child process. */

const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function runImport(databaseUrl: string, files: string[]) {
  const r = spawnSync(TSX, ["scripts/import.ts", ...files], {
    env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run import", () => {
  it("exits 1 when one file fails, and still imports the good ones", () => {
    const file = path.join(dir, "cli.db");
    const empty = path.join(dir, "empty.txt");
    fs.writeFileSync(empty, "");
    const r = runImport(`file:${file}`, ["seeds/001_77e33fc44f0026eb.txt", empty, "seeds/004_e62994e7b8db9017.txt"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("✗ empty.txt: the file is empty");
    expect(r.stdout).toMatch(/^✓ 001_77e33fc44f0026eb\.txt {2}NCT04822922 {2}ctgov-classic {2}arms 3 {2}doses 3 {2}criteria 3\/7$/m);
    expect(r.stdout).toMatch(/^✓ 004_e62994e7b8db9017\.txt {2}NCT05948982 {2}trial-summary {2}arms 3 {2}doses 3 {2}criteria 0\/0$/m);
    expect(r.stdout).toMatch(/^2 of 3 records imported, 1 failed, in \d+ ms/m);
    const rows = countRows(file);
    expect(rows.Trial).toBe(2);
    expect(rows.Arm).toBe(6);
  });

  it("exits 0 when every file is imported", () => {
    const r = runImport(`file:${path.join(dir, "ok.db")}`, ["seeds/002_aca47ec262779fdb.txt"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^1 of 1 records imported, 0 failed/m);
  });

  it("--curation none imports record 003 under its file's slug", () => {
    const file = path.join(dir, "nocuration.db");
    const r = runImport(`file:${file}`, ["--curation", "none", "seeds/003_380424067d6bdd53.txt"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^✓ 003_380424067d6bdd53\.txt {2}003-380424067d6bdd53 {2}veeva-prose {2}arms 3 {2}doses 4 {2}criteria 0\/0$/m);
  });

  it("a DATABASE_URL that cannot be written gives one line, no stack trace, exit 1", () => {
    // A folder that would have to be made inside a regular file.
    const blocker = path.join(dir, "not-a-folder");
    fs.writeFileSync(blocker, "x");
    const url = `file:${blocker}/x.db`;
    const r = runImport(url, ["seeds/001_77e33fc44f0026eb.txt"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`import: DATABASE_URL ${url}: cannot write a database there (a parent is a file, not a folder)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a DATABASE_URL under /proc fails at once with one line (Node's recursive mkdir would hang there)", () => {
    const url = "file:/proc/no-such-folder/x.db";
    const r = runImport(url, ["seeds/001_77e33fc44f0026eb.txt"]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`import: DATABASE_URL ${url}: cannot write a database there (no such folder)`);
  });
});
