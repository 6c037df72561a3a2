import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, loadCuration, seedFiles } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getTrial } from "@/lib/data/records";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { snapshotDatabase } from "@/tests/helpers/snapshot";

/**
 * Issue 16 item 1: a copy of seed 000 without its one "NCT06884904" line, saved under the
 * seed's file name, imported as the slug "000-423415c0e2b20a3c" with exit 0, and the write
 * (which replaced rows `WHERE id = ? OR sourceFile = ?`) deleted NCT06884904. A write now
 * removes only the trials the file names: its id, and its own slug trial once it states
 * an NCT id. Another trial under the same file name is refused, or with --force stored
 * beside it as `file#id`; it is never removed.
 */

const F000 = "000_423415c0e2b20a3c.txt";
const seed000 = fs.readFileSync(`seeds/${F000}`, "utf8");
const curation = loadCuration("seeds/curation.json");
const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** Seed 000 without its NCT id: the line "NCT06884904" taken out (it stands once). */
function withoutNctId(): string {
  expect(seed000.split("\n").filter((l) => l === "NCT06884904")).toHaveLength(1);
  return seed000.replace("NCT06884904\n", "");
}

describe("a file under a stored trial's file name that does not name it", () => {
  let scratch: ScratchDb;
  let dir: string;
  beforeAll(() => {
    scratch = scratchDatabase("other-trial");
    process.env.DATABASE_URL = scratch.url;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-other-trial-"));
    const db = openDatabase(scratch.url);
    expect(importFiles(db, seedFiles(), curation).every((r) => r.ok)).toBe(true);
    db.close();
  }, 60_000);
  afterAll(async () => {

    scratch?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const importOne = (file: string, force = false) => {
    const db = openDatabase(scratch.url);
    try {
      return importFiles(db, [file], curation, { force })[0]!;
    } finally {
      db.close();
    }
  };

  it("a copy that lost its NCT id is refused, naming the trial it would replace, and nothing stored changes", async () => {
    const file = path.join(dir, "copy", F000);
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, withoutNctId());
    const before = snapshotDatabase(scratch.file);
    const r = importOne(file);
    expect(r.ok).toBe(false);
    expect(r.line).toBe(`${F000}: refused: NCT06884904 was imported from a file of this name, but this file names no NCT id ` +
      `(it would be the trial 000-423415c0e2b20a3c): it is not a copy of NCT06884904 and must not replace it. ` +
      `Check the file (has its "NCT06884904" line been lost?), rename it to import it as another trial, ` +
      `or use --force to store it as 000-423415c0e2b20a3c beside NCT06884904`);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
    expect((await getTrial("NCT06884904"))?.title).toBe("Umbilical Cord-derived Mesenchymal Stem Cell Infusion for Treating ACLF");
  });

  it("with --force it is stored beside NCT06884904 as file#slug, and NCT06884904's rows stay as they were", async () => {
    const file = path.join(dir, "copy", F000);
    const mine = (snap: Record<string, unknown[]>) => Object.fromEntries(Object.entries(snap).map(([t, rows]) =>
      [t, (rows as Record<string, unknown>[]).filter((row) => row.trialId === "NCT06884904" || (t === "Trial" && row.id === "NCT06884904"))]));
    const before = mine(snapshotDatabase(scratch.file));
    const r = importOne(file, true);
    expect(r.ok).toBe(true);
    expect(r.line).toBe(`${F000}  000-423415c0e2b20a3c  veeva  arms 4  doses 4  criteria 4/12 ` +
      `(stored as ${F000}#000-423415c0e2b20a3c, beside NCT06884904 of ${F000}, which stays)`);
    expect(mine(snapshotDatabase(scratch.file))).toStrictEqual(before);
    const kept = await getTrial("NCT06884904");
    expect(kept?.source.file).toBe(F000);
    expect(kept?.arms.map((a) => a.summary.cellsPerKgPerInfusion)).toEqual([2e6, 4e6, null, null]);
    expect((await getTrial("000-423415c0e2b20a3c"))?.source.file).toBe(`${F000}#000-423415c0e2b20a3c`);

    // Imported again, without --force: it keeps its place beside NCT06884904, which stays.
    const again = importOne(file);
    expect(again.ok).toBe(true);
    expect(mine(snapshotDatabase(scratch.file))).toStrictEqual(before);
    const ids = (snapshotDatabase(scratch.file).Trial as { id: string }[]).map((t) => t.id).sort();
    expect(ids).toEqual(["000-423415c0e2b20a3c", "NCT02812121", "NCT04822922", "NCT05948982", "NCT05985863", "NCT06884904"]);
  });

  it("a file naming another registered trial under NCT04822922's file name: refused; with --force, stored beside", async () => {
    const F001 = "001_77e33fc44f0026eb.txt";
    const file = path.join(dir, "other", F001);
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, fs.readFileSync(`seeds/${F001}`, "utf8").replaceAll("NCT04822922", "NCT09999999"));
    const before = snapshotDatabase(scratch.file);
    const refused = importOne(file);
    expect(refused.line).toBe(`${F001}: refused: NCT04822922 was imported from a file of this name, but this file names NCT09999999: ` +
      `it is not a copy of NCT04822922 and must not replace it. Check the file (has its "NCT04822922" line been lost?), ` +
      `rename it to import it as another trial, or use --force to store it as NCT09999999 beside NCT04822922`);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
    const forced = importOne(file, true);
    expect(forced.ok).toBe(true);
    expect((await getTrial("NCT04822922"))?.source.file).toBe(F001);
    expect((await getTrial("NCT09999999"))?.source.file).toBe(`${F001}#NCT09999999`);
  });

  it("a JSON study under a stored study's file name: the same refusal", () => {
    const study = JSON.parse(fs.readFileSync("tests/fixtures/ctgov-v2/six-arms/input.json", "utf8"));
    const file = path.join(dir, "study.json");
    fs.writeFileSync(file, JSON.stringify(study));
    expect(importOne(file).ok).toBe(true);
    study.protocolSection.identificationModule.nctId = "NCT09000077";
    const other = path.join(dir, "json2");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "study.json"), JSON.stringify(study));
    const before = snapshotDatabase(scratch.file);
    const r = importOne(path.join(other, "study.json"));
    expect(r.line).toMatch(/^study\.json: refused: NCT09000001 was imported from a file of this name, but this file names NCT09000077: /);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
  });
});

describe("a file that names its own slug trial", () => {
  it("record 003, first without curation (a slug), then with its NCT id: replaces its own slug trial", async () => {
    const scratch = scratchDatabase("own-slug");
    try {
      const db = openDatabase(scratch.url);
      const [slug] = importFiles(db, ["seeds/003_380424067d6bdd53.txt"], {});
      expect(slug!.line).toMatch(/^003_380424067d6bdd53\.txt {2}003-380424067d6bdd53 /);
      const [named] = importFiles(db, ["seeds/003_380424067d6bdd53.txt"], curation);
      db.close();
      expect(named!.line).toMatch(/^003_380424067d6bdd53\.txt {2}NCT05985863 .*\(replaces 003-380424067d6bdd53 from 003_380424067d6bdd53\.txt\)$/);
      expect((snapshotDatabase(scratch.file).Trial as { id: string }[]).map((t) => t.id)).toEqual(["NCT05985863"]);
    } finally {
      scratch.cleanup();
    }
  });
});

describe("npm run import", () => {
  it("the copy without its NCT id: exit 1 and NCT06884904 kept; --force: exit 0 and NCT06884904 still kept", { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-other-cli-"));
    try {
      const url = `file:${path.join(dir, "cli.db")}`;
      const run = (args: string[]) => spawnSync(TSX, ["scripts/import.ts", ...args], {
        env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", timeout: 60_000,
      });
      expect(run([`seeds/${F000}`]).status).toBe(0);
      const file = path.join(dir, F000);
      fs.writeFileSync(file, withoutNctId());
      const refused = run([file]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^✗ 000_423415c0e2b20a3c\.txt: refused: NCT06884904 was imported from a file of this name, but this file names no NCT id/m);
      const forced = run(["--force", file]);
      expect(forced.status).toBe(0);
      const ids = (snapshotDatabase(path.join(dir, "cli.db")).Trial as { id: string }[]).map((t) => t.id).sort();
      expect(ids).toEqual(["000-423415c0e2b20a3c", "NCT06884904"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
