import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getAllTrials } from "@/lib/data/records";
import { trialRecordSchema } from "@/lib/record/schema";
import { countRows, scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

const SEEDS = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
const PATHS = SEEDS.map((f) => `seeds/${f}`);
const curation = loadCuration("seeds/curation.json");
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

let scratch: ScratchDb;

beforeAll(() => {
  scratch = scratchDatabase();
  const db = openDatabase(scratch.url);
  expect(importFiles(db, PATHS, curation).map((r) => r.ok)).toEqual(SEEDS.map(() => true));
  db.close();
  process.env.DATABASE_URL = scratch.url;
});

afterAll(async () => {

  scratch?.cleanup();
});

describe("the export command", () => {
  it("prints exactly one JSON array of contract records on stdout", () => {
    const stdout = execFileSync(TSX, ["scripts/export.ts"], {
      env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
    });
    expect(stdout.trimStart().startsWith("[")).toBe(true);
    expect(stdout.trimEnd().endsWith("]")).toBe(true);
    const data: unknown = JSON.parse(stdout); // throws on anything before or after the array
    expect(Array.isArray(data)).toBe(true);
    const records = (data as unknown[]).map((x) => trialRecordSchema.parse(x));
    expect(records.map((r) => r.id)).toEqual(["NCT06884904", "NCT04822922", "NCT02812121", "NCT05985863", "NCT05948982"]);
    // The export is the pure record of each file, unchanged by the database.
    const pure = SEEDS.map((f) => importSource(fs.readFileSync(`seeds/${f}`), f, curation).record);
    expect(records).toStrictEqual(JSON.parse(JSON.stringify(pure)));
  });

  it("says what is wrong, on one line, when there is no database", () => {
    let error: { status?: number; stderr?: string; stdout?: string } = {};
    try {
      execFileSync(TSX, ["scripts/export.ts"], {
        env: { ...process.env, DATABASE_URL: `file:${path.join(path.dirname(scratch.file), "absent.db")}` },
        encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.status).toBe(1);
    expect(error.stdout).toBe("");
    expect(error.stderr!.trim()).toMatch(/^export: no database at file:.*absent\.db; run `npm run import` first$/);
  });
});

describe("re-importing", () => {
  it("the same files twice gives the same ids, no duplicate rows and identical content", async () => {
    const first = await getAllTrials();
    const rowsBefore = countRows(scratch.file);
    const db = openDatabase(scratch.url);
    const again = importFiles(db, PATHS, curation);
    db.close();
    expect(again.map((r) => r.ok)).toEqual(SEEDS.map(() => true));
    // Replacing a trial by itself is not news: no "(replaces …)" note.
    expect(again.filter((r) => r.line.includes("replaces"))).toEqual([]);
    const rowsAfter = countRows(scratch.file);
    expect(rowsAfter).toEqual(rowsBefore);
    expect(rowsAfter.Trial).toBe(5);
    expect(rowsAfter.Arm).toBe(16); // 4 + 3 + 3 + 3 + 3
    expect(rowsAfter.Dose).toBe(16); // 4 + 3 + 2 (Control has none) + 4 + 3
    expect(rowsAfter.Criterion).toBe(4 + 12 + 3 + 7 + 4 + 8);
    const second = await getAllTrials();
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(second).toStrictEqual(first);
  });

  it("the same trial from a renamed file replaces the earlier import instead of duplicating it", async () => {
    const dir = path.dirname(scratch.file);
    const renamed = path.join(dir, "001_renamed.txt");
    fs.copyFileSync("seeds/001_77e33fc44f0026eb.txt", renamed);
    const db = openDatabase(scratch.url);
    const [r] = importFiles(db, [renamed], curation);
    db.close();
    expect(r!.ok).toBe(true);
    expect(r!.line).toContain("(replaces NCT04822922 from 001_77e33fc44f0026eb.txt)");
    expect(countRows(scratch.file).Trial).toBe(5);
    const stored = await getAllTrials();
    expect(stored.filter((t) => t.id === "NCT04822922").map((t) => t.source.file)).toEqual(["001_renamed.txt"]);
  });
});
