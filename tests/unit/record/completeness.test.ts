import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endsMidWord, lostParts, refuseReplacement, type RecordCounts } from "@/lib/record/completeness";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getAllTrials } from "@/lib/data/records";
import { countRows, scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * A cut-off copy of a stored record (the legacy page of 001 cut at byte 6091, inside its
 * "Responsible Party" cell) used to replace the full one with exit code 0: the sponsor
 * became "Hai Li, chi", the keywords and other ids were lost. It is now refused,
 * with what it lacks, unless --force; and a file that ends mid-word is warned of even
 * on a first import.
 */

const F001 = "001_77e33fc44f0026eb.txt";
const full = fs.readFileSync(`seeds/${F001}`);
const cut = full.subarray(0, 6091);
const curation = loadCuration("seeds/curation.json");
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

const zero: RecordCounts = { fields: 0, inclusion: 0, exclusion: 0, arms: 0, doses: 0, outcomes: 0, contacts: 0, locations: 0, keywords: 0, otherIds: 0, conditions: 0 };

describe("the pure decision", () => {
  it("lostParts names each count the new record has less of", () => {
    expect(lostParts({ ...zero, contacts: 3, keywords: 5, arms: 2 }, { ...zero, contacts: 0, keywords: 5, arms: 3 }))
      .toEqual(["3 contacts, this file 0"]);
    expect(lostParts({ ...zero, inclusion: 4, otherIds: 1 }, { ...zero, inclusion: 2 }))
      .toEqual(["4 inclusion criteria, this file 2", "1 other ids, this file 0"]);
  });

  it("refuseReplacement: a fuller or equal record may replace; a cut one may not", () => {
    const stored = { ...zero, contacts: 3 };
    expect(refuseReplacement({ id: "NCT1", stored, storedEndsMidWord: false, incoming: stored, incomingEndsMidWord: null })).toBeNull();
    expect(refuseReplacement({ id: "NCT1", stored, storedEndsMidWord: false, incoming: { ...zero }, incomingEndsMidWord: null }))
      .toBe("refused: the stored NCT1 has 3 contacts, this file 0; it looks cut off (use --force to replace it anyway)");
    expect(refuseReplacement({ id: "NCT1", stored, storedEndsMidWord: false, incoming: stored, incomingEndsMidWord: "Li, chi" }))
      .toBe('refused: this file ends mid-word ("…Li, chi") and the stored NCT1 does not; it looks cut off (use --force to replace it anyway)');
    expect(refuseReplacement({ id: "NCT1", stored, storedEndsMidWord: true, incoming: stored, incomingEndsMidWord: "Li, chi" })).toBeNull();
  });

  it("endsMidWord: the cut copy does, no seed does", () => {
    expect(endsMidWord(cut.toString("utf8"))).toBe("Responsible Party: | Hai Li, chi");
    for (const f of fs.readdirSync("seeds").filter((x) => x.endsWith(".txt"))) {
      expect(endsMidWord(fs.readFileSync(`seeds/${f}`, "utf8"))).toBeNull();
    }
  });

  it("a first import of a cut file carries the warning", () => {
    const { record, warnings, endsMidWord: words } = importSource(cut, F001, curation);
    expect(words).toBe("Responsible Party: | Hai Li, chi");
    expect(warnings).toContain('the file ends mid-word ("…Responsible Party: | Hai Li, chi"): it may be cut off');
    expect(record.warnings).toEqual(warnings);
  });
});

describe("importFiles over a stored trial", () => {
  let scratch: ScratchDb;
  let db: Database.Database;
  let dir: string;
  beforeAll(() => {
    scratch = scratchDatabase("no-loss");
    db = openDatabase(scratch.url);
    process.env.DATABASE_URL = scratch.url;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-cut-"));
  }, 60_000);
  afterAll(async () => {
    db?.close();

    scratch?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses the cut copy, keeps the full record, and replaces it only with force", { timeout: 60_000 }, async () => {
    expect(importFiles(db, [`seeds/${F001}`], curation)[0]!.ok).toBe(true);
    const before = { rows: countRows(scratch.file), trials: await getAllTrials() };
    const stored = before.trials[0]!;
    expect([stored.contacts.length, stored.keywords.length, stored.otherIds.length]).toEqual([3, 3, 1]);

    const file = path.join(dir, F001);
    fs.writeFileSync(file, cut);
    const [refused] = importFiles(db, [file], curation);
    expect(refused!.ok).toBe(false);
    expect(refused!.line).toBe(`${F001}: refused: the stored NCT04822922 has 3 keywords, this file 0; 1 other ids, this file 0; it looks cut off (use --force to replace it anyway)`);
    const after = { rows: countRows(scratch.file), trials: await getAllTrials() };
    expect(after).toStrictEqual(before);
    expect(after.trials[0]!.sponsor).toBe(stored.sponsor);

    const [forced] = importFiles(db, [file], curation, { force: true });
    expect(forced!.ok).toBe(true);
    const replaced = (await getAllTrials())[0]!;
    expect(replaced.sponsor).toBe("Hai Li, chi");
    expect(replaced.keywords).toEqual([]);
    expect(replaced.otherIds).toEqual([]);
    expect(replaced.warnings).toContain('the file ends mid-word ("…Responsible Party: | Hai Li, chi"): it may be cut off');

    // The full record replaces the cut one without force: it loses nothing.
    expect(importFiles(db, [`seeds/${F001}`], curation)[0]!.ok).toBe(true);
    expect((await getAllTrials())[0]!.keywords).toHaveLength(3);
  });
});

describe("npm run import -- --force", () => {
  it("exit 1 with the reason for a cut copy, exit 0 with --force", { timeout: 60_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-cut-cli-"));
    try {
      const url = `file:${path.join(dir, "cli.db")}`;
      const run = (args: string[]) => spawnSync(TSX, ["scripts/import.ts", ...args], {
        env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 60_000,
      });
      expect(run([`seeds/${F001}`]).status).toBe(0);
      const file = path.join(dir, F001);
      fs.writeFileSync(file, cut);
      const refused = run([file]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^✗ 001_77e33fc44f0026eb\.txt: refused: the stored NCT04822922 has 3 keywords, this file 0; 1 other ids, this file 0; it looks cut off \(use --force to replace it anyway\)$/m);
      const forced = run(["--force", file]);
      expect(forced.status).toBe(0);
      expect(forced.stdout).toMatch(/^✓ 001_77e33fc44f0026eb\.txt {2}NCT04822922 /m);
      expect(forced.stdout).toContain('note: the file ends mid-word ("…Responsible Party: | Hai Li, chi"): it may be cut off');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
