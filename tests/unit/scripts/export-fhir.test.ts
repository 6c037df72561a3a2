import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bundle, ResearchStudy } from "fhir/r4";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { fhirSchemaErrors } from "@/tests/helpers/fhir-schema";

const SEEDS = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

let scratch: ScratchDb;

beforeAll(() => {
  scratch = scratchDatabase();
  const db = openDatabase(scratch.url);
  expect(importFiles(db, SEEDS.map((f) => `seeds/${f}`), loadCuration("seeds/curation.json")).map((r) => r.ok)).toEqual(SEEDS.map(() => true));
  db.close();
});

afterAll(() => scratch?.cleanup());

function runExport(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(TSX, ["scripts/export.ts", ...args], {
      env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
    });
    return { status: 0, stdout, stderr: "" };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("npm run export -- --format fhir", () => {
  it("prints one valid FHIR R4 Bundle of type collection with a ResearchStudy per stored trial", () => {
    const before = Date.now();
    const { status, stdout } = runExport(["--format", "fhir"]);
    expect(status).toBe(0);
    const bundle = JSON.parse(stdout) as Bundle;
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect([bundle.resourceType, bundle.type]).toEqual(["Bundle", "collection"]);
    expect(Date.parse(bundle.timestamp!)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const studies = bundle.entry!.map((e) => e.resource as ResearchStudy);
    expect(studies.map((s) => s.id)).toEqual(["NCT06884904", "NCT04822922", "NCT02812121", "NCT05985863", "NCT05948982"]);
    expect(studies.map((s) => s.status ?? null)).toEqual(["approved", "approved", null, "active", "approved"]);
    expect(studies.map((s) => s.arm?.length)).toEqual([4, 3, 3, 3, 3]);
  });

  it("--format=json (and no --format) still print the record array", () => {
    const plain = runExport([]);
    const json = runExport(["--format=json"]);
    expect([plain.status, json.status]).toEqual([0, 0]);
    expect(json.stdout).toBe(plain.stdout);
    expect((JSON.parse(plain.stdout) as { id: string }[]).map((r) => r.id)[0]).toBe("NCT06884904");
  });

  it("a bad --format names the parameter and the allowed values, prints nothing and exits 2", () => {
    expect(runExport(["--format", "xml"])).toEqual({ status: 2, stdout: "", stderr: 'export: --format "xml" is not one of json, fhir\n' });
    expect(runExport(["--format"])).toEqual({ status: 2, stdout: "", stderr: "export: --format needs a value: one of json, fhir\n" });
    expect(runExport(["--fromat", "fhir"]).stderr).toBe('export: unknown argument "--fromat"; usage: npm run --silent export -- [--format json|fhir]\n');
  });
});
