import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getAllTrials } from "@/lib/data/records";
import { countRows, scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * Files that must not be imported, each through `importFiles` on a database that already
 * holds the five seeds: the file is refused with one line naming it and the problem, the
 * stored trials stay as they were, and a good file in the same call is still imported.
 */

const SEEDS = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
const GOOD = "seeds/001_77e33fc44f0026eb.txt";
const curation = loadCuration("seeds/curation.json");
const seed = (prefix: string) => fs.readFileSync(`seeds/${SEEDS.find((f) => f.startsWith(prefix))!}`, "utf8");
const firstHalf = (text: string) => {
  const lines = text.split("\n");
  return lines.slice(0, Math.floor(lines.length / 2)).join("\n");
};

let scratch: ScratchDb;
let db: Database.Database;
let dir: string;

beforeAll(() => {
  scratch = scratchDatabase();
  db = openDatabase(scratch.url);
  const results = importFiles(db, SEEDS.map((f) => `seeds/${f}`), curation);
  expect(results.every((r) => r.ok)).toBe(true);
  process.env.DATABASE_URL = scratch.url;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-bad-"));
});

afterAll(async () => {
  db?.close();

  scratch?.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function snapshot() {
  return { rows: countRows(scratch.file), trials: await getAllTrials() };
}

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const CASES: [name: string, file: string, content: () => string | Uint8Array, message: string | RegExp][] = [
  ["an empty file", "empty.txt", () => "", "empty.txt: the file is empty"],
  ["a file of blank lines", "blank.txt", () => "\n  \n\t\n", "blank.txt: the file holds only white space"],
  ["a binary file with NUL bytes", "dump.txt", () => new Uint8Array([0x41, 0x42, 0x00, 0x01, 0x02, 0x43]),
    "dump.txt: a binary file, not a text record (NUL byte at offset 2)"],
  ["a PNG image", "picture.png", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    "picture.png: a binary file, not a text record (NUL byte at offset 8)"],
  ["an HTML page of an unrelated site", "cats.html",
    () => "<!DOCTYPE html>\n<html><head><title>Cat pictures</title></head>\n<body><h1>Cats</h1><p>Welcome to the cat gallery.</p></body></html>\n",
    /^cats\.html: an HTML page, not a trial record copied as text \(known layouts: .*legacy ClinicalTrials\.gov study record.*\)$/],
  ["plain text of no known layout", "notes.txt", () => "Meeting notes\n\nDiscuss the budget for next year.\n",
    /^notes\.txt: no known trial record layout \(known layouts: /],
  ["record 000 (Veeva) cut in half", "000_half.txt", () => firstHalf(seed("000")),
    '000_half.txt: the ClinicalTrials.Veeva trial page ends before its "Trial contacts and locations" section: the file looks cut short'],
  ["record 001 (ctgov-classic) cut in half", "001_half.txt", () => firstHalf(seed("001")),
    '001_half.txt: the legacy ClinicalTrials.gov study record ends before its record-dates block ("Responsible Party", "Other Study ID Numbers"): the file looks cut short'],
  ["record 002 (Veeva) cut in half", "002_half.txt", () => firstHalf(seed("002")),
    '002_half.txt: the ClinicalTrials.Veeva trial page ends before its "Trial contacts and locations" section: the file looks cut short'],
  ["record 003 (Veeva, empty fields) cut in half", "003_half.txt", () => firstHalf(seed("003")),
    /^003_half\.txt: the ClinicalTrials\.Veeva page whose fields are empty .* ends before its "Central trial contact" section: the file looks cut short$/],
  ["record 004 (trial summary) cut in half", "004_half.txt", () => firstHalf(seed("004")),
    '004_half.txt: nctId: the page has no "NCT number" line: the file looks cut short'],
  ["record 004 cut after its NCT number, status and phase", "004_cut_late.txt", () => seed("004").split("\n").slice(0, 26).join("\n"),
    '004_cut_late.txt: the "Clinical Trial Summary" page ends before its completion date and "See also" list: the file looks cut short'],
  ["a Latin-1 file", "002_latin1.txt", () => Buffer.from(seed("002").replace(/[^\x00-\xff]/g, "?"), "latin1"),
    /^002_latin1\.txt: not UTF-8 text \(invalid byte 0xd7 at offset \d+\); save the record as UTF-8$/],
  ["a UTF-16 file with a byte-order mark", "001_utf16.txt", () => Buffer.from(`\ufeff${seed("001")}`, "utf16le"),
    "001_utf16.txt: UTF-16LE text, not UTF-8; save the record as UTF-8"],
  ["a UTF-16 file without a byte-order mark", "001_utf16_nobom.txt", () => Buffer.from(seed("001"), "utf16le"),
    "001_utf16_nobom.txt: UTF-16LE text, not UTF-8; save the record as UTF-8"],
];

describe("importFiles refuses bad input and keeps what is stored", () => {
  it.each(CASES)("%s", async (_what, name, content, message) => {
    const bad = write(name, content());
    const before = await snapshot();
    const results = importFiles(db, [bad, GOOD], curation);
    expect(results).toHaveLength(2);
    const [refused, good] = results;
    expect(refused!.ok).toBe(false);
    expect(refused!.file).toBe(name);
    expect(refused!.line).not.toContain("\n");
    expect(refused!.line.startsWith(`${name}`)).toBe(true);
    if (typeof message === "string") expect(refused!.line).toBe(message);
    else expect(refused!.line).toMatch(message);
    // The good file after it is still imported.
    expect(good!.ok).toBe(true);
    expect(good!.line).toMatch(/^001_77e33fc44f0026eb\.txt {2}NCT04822922 {2}ctgov-classic/);
    const after = await snapshot();
    expect(after.rows).toEqual(before.rows);
    expect(after.trials).toStrictEqual(before.trials);
  });

  it("a damaged copy under a stored trial's own file name leaves that trial as it was", async () => {
    const sub = path.join(dir, "damaged");
    fs.mkdirSync(sub, { recursive: true });
    const same = path.join(sub, "001_77e33fc44f0026eb.txt");
    const before = await snapshot();
    for (const content of [firstHalf(seed("001")), Buffer.from(seed("001"), "utf16le")]) {
      fs.writeFileSync(same, content);
      const [r] = importFiles(db, [same], curation);
      expect(r!.ok).toBe(false);
      expect(r!.line.startsWith("001_77e33fc44f0026eb.txt")).toBe(true);
    }
    const after = await snapshot();
    expect(after.rows).toEqual(before.rows);
    expect(after.trials).toStrictEqual(before.trials);
    expect(after.trials.find((t) => t.id === "NCT04822922")!.arms[0]!.doses[0]!.cellsPerKg).toBe(400_000);
  });

  it("a file that does not exist is reported by its path", async () => {
    const before = await snapshot();
    const [r] = importFiles(db, [path.join(dir, "missing.txt")], curation);
    expect(r!.ok).toBe(false);
    expect(r!.line).toBe(`${path.join(dir, "missing.txt")}: no such file`);
    expect((await snapshot()).rows).toEqual(before.rows);
  });

  it("bad files before and after a new good one do not stop it from being imported", async () => {
    const before = countRows(scratch.file);
    const fresh = write("new_trial.txt", seed("001").replaceAll("NCT04822922", "NCT09999991"));
    const results = importFiles(db, [write("a.txt", ""), fresh, write("b.txt", firstHalf(seed("000")))], curation);
    expect(results.map((r) => r.ok)).toEqual([false, true, false]);
    expect(results[1]!.line).toMatch(/^new_trial\.txt {2}NCT09999991 /);
    const after = countRows(scratch.file);
    expect(after.Trial).toBe(before.Trial + 1);
    expect(after.Arm).toBe(before.Arm + 3);
    const stored = await getAllTrials();
    expect(stored.find((t) => t.id === "NCT09999991")?.arms.map((a) => a.doses[0]!.cellsPerKg)).toEqual([400_000, 800_000, 1_200_000]);
  });
});
