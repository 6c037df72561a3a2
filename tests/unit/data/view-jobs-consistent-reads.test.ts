import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReimportLoop } from "@/tests/helpers/reimport-child";
import { runViewJob, type ViewJob } from "@/lib/data/view-jobs";
import { clearViewCache } from "@/lib/data/view-cache";
import { openDatabase } from "@/lib/db/sqlite";
import { importFiles, loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { parseSearchParams } from "@/lib/search/params";
import { parseScreenRequest } from "@/lib/screen/api";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * The landscape and the patient screen as the app answers them (the view jobs: the API's
 * bytes, the page's data, the list screened), read while a child process re-imports one
 * trial in two versions again and again. Every answer must EQUAL the answer of one
 * committed state, version A or version B, as computed with nothing else running: never a
 * mix of the two, never a cached answer of one state with the rows of another.
 */
const SEED = "seeds/000_423415c0e2b20a3c.txt";
const ID = "NCT06884904";
const PATIENT = "tbil=11&tbil_unit=mg/dL&inr=1.8&meld=26&age=58";
let scratch: ScratchDb;
let fileA: string;
let fileB: string;

const screenPatient = (() => {
  const r = parseScreenRequest(new URLSearchParams(PATIENT));
  if (!r.ok) throw new Error(r.message);
  return r.patient;
})();

const JOBS: Record<string, ViewJob> = {
  "GET /api/landscape": { kind: "landscape-api", query: [] },
  "GET /api/landscape?format=csv": { kind: "landscape-api", query: [["format", "csv"]] },
  "GET /api/landscape/chart": { kind: "landscape-chart", query: [] },
  "/landscape (page data)": { kind: "landscape-page", sp: {} },
  "GET /api/screen": { kind: "screen-api", query: [...new URLSearchParams(PATIENT)] },
  "/trials screened (every trial)": { kind: "screen-search", q: parseSearchParams({}).query, patient: screenPatient, onlyPossible: false },
  "/trials screened (possible only)": { kind: "screen-search", q: parseSearchParams({}).query, patient: screenPatient, onlyPossible: true },
};

/** An answer as text, to compare whole: bytes decoded, Maps as entry lists. */
function text(answer: unknown): string {
  return JSON.stringify(answer, (_k, v) => {
    if (v instanceof Uint8Array) return new TextDecoder().decode(v);
    if (v instanceof Map) return [...v];
    return v;
  });
}

async function answers(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  await Promise.all(Object.entries(JOBS).map(async ([name, job]) => (out[name] = text(await runViewJob(job)))));
  return out;
}

function importOne(file: string): void {
  const db = openDatabase(scratch.url);
  try {
    const [r] = importFiles(db, [file], {});
    expect(r?.ok, r?.line).toBe(true);
  } finally {
    db.close();
  }
}

const expected: Record<"A" | "B", Record<string, string>> = { A: {}, B: {} };

beforeAll(async () => {
  scratch = scratchDatabase();
  const dir = path.dirname(scratch.file);
  const seed = fs.readFileSync(SEED, "utf8");
  fileA = path.join(dir, "version-a.txt");
  fileB = path.join(dir, "version-b.txt");
  fs.writeFileSync(fileA, seed);
  // Version B: another highest dose (the landscape's points) and another bilirubin limit (the screen's verdict).
  const b = seed.replace("\n4.0×10\\^6/kg\n", "\n5.0×10\\^6/kg\n")
    .replace("Total bilirubin (TBil) ≥12 mg/dL (equivalent to 205 μmol/L)", "Total bilirubin (TBil) ≥10 mg/dL (equivalent to 171 μmol/L)");
  expect(b).toContain("\n5.0×10\\^6/kg\n");
  expect(b).toContain("≥10 mg/dL");
  fs.writeFileSync(fileB, b);
  const db = openDatabase(scratch.url);
  expect(importFiles(db, [...seedFiles().filter((f) => !f.endsWith(path.basename(SEED))), fileA], loadCuration(SEED_CURATION)).every((r) => r.ok)).toBe(true);
  db.close();
  process.env.DATABASE_URL = scratch.url;
  // Each state's answers, read with nothing else running (and no cached answer of the other state).
  clearViewCache();
  expected.A = await answers();
  importOne(fileB);
  clearViewCache();
  expected.B = await answers();
  importOne(fileA);
  clearViewCache();
  expect(await answers()).toEqual(expected.A); // a re-import of A answers as A did
}, 120_000);

afterAll(() => scratch?.cleanup());

describe("the landscape and the screen during a re-import loop", () => {
  it("the two states differ in every answer (so a mix or a stale cache would show)", () => {
    for (const name of Object.keys(JOBS)) expect(expected.A[name], name).not.toBe(expected.B[name]);
    // The high dose of each version is its point on the landscape; B's bilirubin limit changes the screen's verdict.
    const body = (state: "A" | "B", name: string) => JSON.parse((JSON.parse(expected[state][name]!) as { body: string }).body);
    const highDose = (state: "A" | "B") =>
      (body(state, "GET /api/landscape").points as { key: string; x: number }[]).find((p) => p.key === `${ID}#arm-2`)?.x;
    expect(highDose("A")).toBe(4e6);
    expect(highDose("B")).toBe(5e6);
    const verdict = (state: "A" | "B") =>
      (body(state, "GET /api/screen").trials as { id: string; verdict: string }[]).find((t) => t.id === ID)?.verdict;
    expect(verdict("A")).toBe("excluded"); // TBil 11 mg/dL is below A's ≥12
    expect(verdict("B")).toBe("possible"); // and meets B's ≥10
  });

  it("every answer equals the answer of one committed state", async () => {
    const loop = startReimportLoop(8000, [fileB, fileA], scratch.url);
    const seen = { A: 0, B: 0 };
    const wrong: string[] = [];
    let rounds = 0;
    while (loop.running) {
      // All the jobs at once, as the server runs them; the view cache is in use, as in the app.
      const got = await answers();
      rounds++;
      for (const [name, answer] of Object.entries(got)) {
        if (answer === expected.A[name]) seen.A++;
        else if (answer === expected.B[name]) seen.B++;
        else wrong.push(`${name}: equals neither state (${answer.slice(0, 120)}…)`);
      }
    }
    expect(await loop.exited, loop.err).toBe(0);
    expect(Number(loop.out.trim())).toBeGreaterThan(5); // the loop really re-imported
    expect(rounds).toBeGreaterThan(5);
    expect(seen.A).toBeGreaterThan(0); // both states were read
    expect(seen.B).toBeGreaterThan(0);
    expect(wrong.slice(0, 3)).toEqual([]);
  }, 120_000);
});
