import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endsMidWord } from "@/lib/record/completeness";
import { importFiles, MAX_RECORD_BYTES } from "@/lib/import/run-import";
import { MAX_DEPTH } from "@/lib/import/json-studies";
import { openDatabase } from "@/lib/db/sqlite";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { snapshotDatabase } from "@/tests/helpers/snapshot";
import { hostileJsonStudy, hostileText, hostileTextRecord, type HostileKind, type TextPlace } from "@/tests/helpers/hostile-records";

/**
 * Issue 16 items 3 and 4. A long run of letters made `/[A-Za-z]+$/` (the cut-off check)
 * try every start: a 256 KiB word took 31 s, a record at the 2 MB limit about half an
 * hour; the threshold reader had the same shape ("INR ≥1.5" repeated: hours). And the
 * JSON scanner kept a frame per bracket: 40 MB of "[" took 1.5 GB. Each record here is at
 * the 2 MB limit; the bound (60 s) is far above the normal time (1–6 s, up to 15 s on a
 * machine shared with other jobs) and far below the quadratic one (half an hour to hours),
 * so it fails on the old code and not on a slow day.
 */

const BOUND_MS = 60_000;
const SIZE = MAX_RECORD_BYTES - 1024;
const F000 = "000_423415c0e2b20a3c.txt";

let scratch: ScratchDb;
let dir: string;
beforeAll(() => {
  scratch = scratchDatabase("hostile");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-hostile-"));
}, 60_000);
afterAll(() => {
  scratch?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Imports `file` into a fresh database (no stored version to compare with) and times it. */
function timedImport(file: string) {
  const fresh = scratchDatabase("hostile-one");
  const db = openDatabase(fresh.url);
  try {
    const t = performance.now();
    const results = importFiles(db, [file], {});
    return { ms: performance.now() - t, results };
  } finally {
    db.close();
    fresh.cleanup();
  }
}

describe("the cut-off check on a long word", () => {
  it("endsMidWord reads a 2 MB word that is not the last one at once, and the last one as before", () => {
    const word = hostileText("word", SIZE);
    const t = performance.now();
    expect(endsMidWord(`${word} end.`)).toBeNull();
    expect(endsMidWord(`${word}\nchief China\nchi`)).toBe("chi");
    expect(endsMidWord(`Legal ${word}`)).toBeNull(); // a last word that stands nowhere else as a start
    expect(performance.now() - t).toBeLessThan(BOUND_MS / 10);
  });
});

describe("a text record at the 2 MB limit imports in linear time", () => {
  const cases: [HostileKind, TextPlace][] = [
    ["word", "about"], ["word", "arm"], ["word", "criterion"], ["word", "end"], ["digits", "about"], ["spaces", "arm"],
    ["punctuation", "criterion"], ["parentheses", "arm"], ["dose-phrases", "arm"], ["lab-limits", "criterion"], ["lines", "about"],
  ];
  it.each(cases)("%s in the %s", { timeout: 2 * BOUND_MS }, (kind, place) => {
    const file = path.join(dir, F000);
    const bytes = hostileTextRecord(kind, place, SIZE);
    expect(bytes.length).toBeGreaterThan(SIZE - 64);
    expect(bytes.length).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    fs.writeFileSync(file, bytes);
    const { ms, results } = timedImport(file);
    expect(results).toHaveLength(1);
    // The seed's own facts are read around the hostile text.
    expect(results[0]!.line).toMatch(/^000_423415c0e2b20a3c\.txt {2}NCT06884904 {2}veeva {2}arms 4 {2}doses 4 /);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe("a JSON study at the 2 MB limit imports in linear time", () => {
  it.each(["word", "digits", "spaces", "dose-phrases", "lab-limits", "lines"] as HostileKind[])("%s in four of its fields", { timeout: 2 * BOUND_MS }, (kind) => {
    const file = path.join(dir, "study.json");
    const text = hostileJsonStudy(kind, SIZE);
    expect(text.length).toBeGreaterThan(SIZE * 0.6);
    expect(text.length).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    fs.writeFileSync(file, text);
    const { ms, results } = timedImport(file);
    expect(results.map((r) => r.line)).toEqual([expect.stringMatching(/^study\.json {2}NCT09000001 {2}ctgov-v2 {2}arms 6 /)]);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe("a JSON file of nothing but nesting costs bounded memory", () => {
  const TSX_CHILD = ["--max-old-space-size=160", "--import", "tsx", "tests/helpers/import-in-child.ts"];
  function generate(name: string, unit: string, mb: number): string {
    const file = path.join(dir, name);
    const piece = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
    const fd = fs.openSync(file, "w");
    for (let i = 0; i < mb; i++) fs.writeSync(fd, piece);
    fs.closeSync(fd);
    return file;
  }
  function importInChild(file: string) {
    const before = snapshotDatabase(scratch.file);
    // The child has a heap of 160 MB: a frame per bracket (50 MB of "[": some 2 GB) ends it
    // with an out-of-memory crash, not with a line.
    const r = spawnSync(process.execPath, [...TSX_CHILD, scratch.url, file], { encoding: "utf8", timeout: 120_000 });
    expect(r.status, r.stderr.slice(-400)).toBe(0);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
    return JSON.parse(r.stdout.trim().split("\n").pop()!) as { lines: string[]; maxRssMB: number; heapUsedMB: number };
  }

  it("50 MB of \"[\": one line naming the file and the study, and a heap that stays small", { timeout: 150_000 }, () => {
    const out = importInChild(generate("brackets.json", "[", 50));
    expect(out.lines).toEqual([`✗ brackets.json #1: truncated: the file ends at line 1 inside study 1 (nested deeper than ${MAX_DEPTH} levels)`]);
    expect(out.heapUsedMB).toBeLessThan(120);
    expect(out.maxRssMB).toBeLessThan(400);
  });

  it("50 MB of {\"a\": nesting: one line naming the file", { timeout: 150_000 }, () => {
    const out = importInChild(generate("objects.json", '{"a":', 50));
    expect(out.lines).toEqual([`✗ objects.json: truncated: the file ends at line 1 before the end of the document (nested deeper than ${MAX_DEPTH} levels)`]);
    expect(out.heapUsedMB).toBeLessThan(120);
    expect(out.maxRssMB).toBeLessThan(400);
  });

  it("a list whose second study nests too deep: that study is skipped with its line, the others are imported", () => {
    const study = JSON.parse(fs.readFileSync("tests/fixtures/ctgov-v2/six-arms/input.json", "utf8"));
    const second = { ...study, deep: JSON.parse(`${"[".repeat(MAX_DEPTH + 10)}${"]".repeat(MAX_DEPTH + 10)}`) };
    const third = structuredClone(study);
    third.protocolSection.identificationModule.nctId = "NCT09000003";
    const file = path.join(dir, "list.json");
    fs.writeFileSync(file, JSON.stringify([study, second, third]));
    const { results } = timedImport(file);
    expect(results.map((r) => r.line)).toEqual([
      expect.stringMatching(/^list\.json #1 {2}NCT09000001 /),
      `list.json #2: study 2 nests brackets deeper than ${MAX_DEPTH} levels; skipped`,
      expect.stringMatching(/^list\.json #3 {2}NCT09000003 /),
    ]);
  });
});
