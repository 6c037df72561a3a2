import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, MAX_LINE_CHARS, oneLine } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { snapshotDatabase } from "@/tests/helpers/snapshot";

/**
 * Issue 16 item 8, the importer's parts: a per-kg estimate from a flat dose skipped the
 * plausibility range (a flat 1000 cells showed as 16.7 cells/kg at 60 kg); a JSON file
 * with no studies got no line at all; a JSON parse error printed the file's raw bytes
 * across several lines.
 */

const F001 = "001_77e33fc44f0026eb.txt";
const seed001 = fs.readFileSync(`seeds/${F001}`, "utf8");
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

describe("a flat dose whose per-kg estimate is implausible", () => {
  it("1×10^3 cells each time is 16.7 cells/kg at 60 kg: the flat dose is kept, with a warning, and the arm has no estimate", () => {
    const text = seed001.replaceAll("4*10^5 cells/kg", "1×10^3 cells").replace("hUC-MSCs 4*10^5/kg/each time", "hUC-MSCs 1×10^3 cells each time");
    const { record } = importSource(Buffer.from(text), F001);
    const dose = record.arms[0]!.doses[0]!;
    expect([dose.cellsPerKg, dose.cellsPerInfusion]).toEqual([null, 1000]);
    expect(dose.text).toContain("1×10^3 cells each time"); // what the record says is kept
    expect(record.arms[0]!.summary).toEqual({ cellsPerKgPerInfusion: null, estimated: false, activeInfusions: 4, cumulativeCellsPerKg: null });
    expect(record.warnings).toEqual([
      'arms[0].doses[0].cellsPerInfusion: 1e3 cells is 16.7 cells/kg at the 60 kg reference weight, outside 1e3–1e11 cells/kg ("hUC-MSCs 1×10^3 cells each time … on the 1, 4, 7 and 10 days"); the flat dose is kept, no per-kg estimate is made',
    ]);
    // The other arms are read as before.
    expect(record.arms.slice(1).map((a) => a.summary.cellsPerKgPerInfusion)).toEqual([800_000, 1_200_000]);
  });

  it("a flat dose of 6×10^4 cells (10^3 cells/kg at 60 kg) is kept, estimated", () => {
    const text = seed001.replaceAll("4*10^5 cells/kg", "6×10^4 cells").replace("hUC-MSCs 4*10^5/kg/each time", "hUC-MSCs 6×10^4 cells each time");
    const { record } = importSource(Buffer.from(text), F001);
    expect(record.arms[0]!.doses[0]!.cellsPerInfusion).toBe(60_000);
    expect(record.arms[0]!.summary.cellsPerKgPerInfusion).toBe(1000);
    expect(record.arms[0]!.summary.estimated).toBe(true);
    expect(record.warnings).toEqual([]);
  });
});

describe("JSON files with no studies, and JSON parse errors", () => {
  let scratch: ScratchDb;
  let dir: string;
  beforeAll(() => {
    scratch = scratchDatabase("small-defects");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-small-"));
  }, 60_000);
  afterAll(() => {
    scratch?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const importAll = (files: string[]) => {
    const db = openDatabase(scratch.url);
    try {
      return importFiles(db, files, {});
    } finally {
      db.close();
    }
  };

  it("\"[]\" and an API page of no studies each get one named line, and store nothing", () => {
    fs.writeFileSync(path.join(dir, "empty.json"), "[]");
    fs.writeFileSync(path.join(dir, "page.json"), '{ "studies": [], "nextPageToken": null }');
    const before = snapshotDatabase(scratch.file);
    const results = importAll([path.join(dir, "empty.json"), path.join(dir, "page.json")]);
    expect(results.map((r) => [r.ok, r.line])).toEqual([
      [false, "empty.json: no studies: the file's list of studies is empty; nothing imported"],
      [false, "page.json: no studies: the file's list of studies is empty; nothing imported"],
    ]);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
  });

  it("a parse error that quotes the file's bytes is one line, escaped", () => {
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, '{"protocolSection": {"identificationModule": {"nctId": "NCT09000001"\n, "x": tru\n\n e}}}');
    const before = snapshotDatabase(scratch.file);
    const [r] = importAll([file]);
    expect(r!.line).toBe(`bad.json: not valid JSON: Unexpected token '\\n', ...", "x": tru\\n\\n e}}}" is not valid JSON`);
    expect(r!.line).not.toMatch(/[\n\r]/);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
  });

  it("oneLine escapes control characters and cuts a long message", () => {
    expect(oneLine("a\nb\r\tc\u0001\u2028")).toBe("a\\nb\\r\\tc\\u0001\\u2028");
    const long = oneLine("x".repeat(MAX_LINE_CHARS + 50));
    expect(long).toBe(`${"x".repeat(MAX_LINE_CHARS)}… (50 more characters)`);
  });

  it("npm run import prints one line for each", { timeout: 60_000 }, () => {
    const r = spawnSync(TSX, ["scripts/import.ts", path.join(dir, "empty.json"), path.join(dir, "bad.json")], {
      env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8", timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      "✗ empty.json: no studies: the file's list of studies is empty; nothing imported",
      `✗ bad.json: not valid JSON: Unexpected token '\\n', ...", "x": tru\\n\\n e}}}" is not valid JSON`,
    ]);
  });
});
