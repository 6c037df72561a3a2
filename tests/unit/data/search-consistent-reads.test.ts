import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReimportLoop } from "@/tests/helpers/reimport-child";
import { findAllLandscapeTrials, readAllMatches, screenTrialsByIds, searchTrialRecords, searchTrials } from "@/lib/data/search";
import { openDatabase } from "@/lib/db/sqlite";
import type { LandscapeTrial, ScreenTrial } from "@/lib/db/view-reads";
import { importFiles, loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { parseSearchParams } from "@/lib/search/params";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * A search, the landscape and the screen read many trials, a chunk at a time with the
 * event loop given back in between. While a child process re-imports one trial in two
 * versions again and again, every answer must be of one committed state: a trial listed
 * for a word only one version has is that version (its title, its dose, its criterion),
 * never a match of one version with the rows of the other.
 */
const ID = "NCT06884904";
const WORD = "zebrafinch"; // only in version B's title
let scratch: ScratchDb;
let fileA: string;
let fileB: string;

beforeAll(() => {
  scratch = scratchDatabase();
  const dir = path.dirname(scratch.file);
  const text = fs.readFileSync("seeds/000_423415c0e2b20a3c.txt", "utf8");
  fileA = path.join(dir, "version-a.txt");
  fileB = path.join(dir, "version-b.txt");
  fs.writeFileSync(fileA, text);
  // Version B: a word of its own in the title, another high dose, another bilirubin limit; as many of everything.
  const b = text.replace("Cell Infusion for Treating ACLF (MSCTACLF)\n", `Cell Infusion for Treating ACLF ${WORD} (MSCTACLF)\n`)
    .replace("\n4.0×10\\^6/kg\n", "\n5.0×10\\^6/kg\n")
    .replace("Total bilirubin (TBil) ≥12 mg/dL (equivalent to 205 μmol/L)", "Total bilirubin (TBil) ≥10 mg/dL (equivalent to 171 μmol/L)");
  expect(b.split(WORD)).toHaveLength(2);
  expect(b).toContain("\n5.0×10\\^6/kg\n");
  expect(b).toContain("≥10 mg/dL");
  fs.writeFileSync(fileB, b);
  const db = openDatabase(scratch.url);
  // The other seeds too, so that a search reads more than one trial and in more than one chunk of statements.
  expect(importFiles(db, [...seedFiles().filter((f) => !f.endsWith("000_423415c0e2b20a3c.txt")), fileA], loadCuration(SEED_CURATION)).every((r) => r.ok)).toBe(true);
  db.close();
  process.env.DATABASE_URL = scratch.url;
});

afterAll(async () => {

  scratch?.cleanup();
});

/** Which version a row of the landscape is: "A", "B", or what mixes them. */
function landscapeVersion(t: LandscapeTrial): string {
  const b = t.title?.includes(WORD) ?? false;
  const highDose = Math.max(...Object.values(t.arms).flatMap((a) => a.doses.map((d) => d.cellsPerKg ?? 0)));
  return b && highDose === 5e6 ? "B" : !b && highDose === 4e6 ? "A" : `mixed: title ${b ? "B" : "A"}, dose ${highDose}`;
}
const screenVersion = (t: ScreenTrial) => {
  const text = t.eligibility.inclusion.join(" ");
  const thresholds = t.eligibility.thresholds.filter((th) => th.analyte === "TBIL").map((th) => th.value);
  return text.includes("≥10 mg/dL") && thresholds.includes(10) ? "B" : text.includes("≥12 mg/dL") && thresholds.includes(12) ? "A" : `mixed ${thresholds}`;
};

describe("many-trial reads during an import", () => {
  it("every search, landscape and screen answer is of one committed state", async () => {
    const loop = startReimportLoop(8000, [fileA, fileB], scratch.url);

    const byWord = parseSearchParams({ q: WORD }).query;
    const everything = parseSearchParams({}).query;
    const wrong: string[] = [];
    const seen = { A: 0, B: 0, listed: 0 };
    let answers = 0;
    const note = (what: string, version: string, mustBeB: boolean) => {
      if (version === "A" || version === "B") seen[version]++;
      if (version.startsWith("mixed") || (mustBeB && version !== "B")) wrong.push(`${what}: ${version}`);
    };
    while (loop.running) {
      // Several at once, as the server runs them: they share a snapshot or wait for a fresh one.
      const [matched, landscape, screen, byIds, listed, api] = await Promise.all([
        findAllLandscapeTrials(byWord),
        findAllLandscapeTrials(everything),
        readAllMatches(byWord, (r, ids) => r.screenTrials(ids), (_r, found, trials) => ({ found, trials })),
        screenTrialsByIds(null),
        searchTrials(byWord),
        searchTrialRecords(byWord),
      ]);
      answers += 6;
      for (const t of api.trials) note("GET /api/trials?q=word → record", landscapeVersion(t), true);
      for (const t of api.trials) note("GET /api/trials?q=word → record's criteria", screenVersion(t), true);
      for (const t of matched.trials) note("search for the word → landscape row", landscapeVersion(t), true);
      if (matched.trials.length) seen.listed++;
      note("landscape of all", landscapeVersion(landscape.trials.find((t) => t.id === ID)!), false);
      for (const t of screen.trials) note("search for the word → screen row", screenVersion(t), true);
      note("screen of all", screenVersion(byIds.trials.find((t) => t.id === ID)!), false);
      expect(screen.found.total).toBe(screen.trials.length);
      for (const item of listed.items) if (!item.title.map((p) => p.text).join("").includes(WORD)) wrong.push(`list row without the word: ${item.id}`);
      await new Promise((r) => setImmediate(r));
    }
    expect(await loop.exited, loop.err).toBe(0);
    expect(Number(loop.out.trim())).toBeGreaterThan(10); // the loop really re-imported
    expect(answers).toBeGreaterThan(50);
    expect(seen.A).toBeGreaterThan(0); // both versions were read, and the word's search found B
    expect(seen.B).toBeGreaterThan(0);
    expect(seen.listed).toBeGreaterThan(0);
    expect(wrong.slice(0, 5)).toEqual([]);
  }, 120_000);
});
