import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReimportLoop } from "@/tests/helpers/reimport-child";
import { openDatabase } from "@/lib/db/sqlite";
import { getTrial, getTrials, getTrialWithEvidence } from "@/lib/data/records";
import { engineDatabase, ENGINES, type EngineDb } from "@/tests/support/engines";

/**
 * A page read while an import replaces the trial must see one committed version of it:
 * never the title of one version with the doses of the other, never an arm whose dose
 * rows are missing. A child process re-imports two versions in a loop; this process
 * reads the trial again and again meanwhile. On both engines (SQLite: a read transaction on
 * the read-only connection; PostgreSQL: REPEATABLE READ on a pooled client).
 */
const ID = "NCT06884904";
let fileA: string;
let fileB: string;

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-consistent-"));
  const text = fs.readFileSync("seeds/000_423415c0e2b20a3c.txt", "utf8");
  fileA = path.join(dir, "version-a.txt");
  fileB = path.join(dir, "version-b.txt");
  fs.writeFileSync(fileA, text);
  // Version B: another title and another high dose, the same number of everything.
  const b = text.replace("Cell Infusion for Treating ACLF (MSCTACLF)\n", "Cell Infusions for Treating ACLF (MSCTACLF)\n").replace("\n4.0×10\\^6/kg\n", "\n5.0×10\\^6/kg\n");
  expect(b).not.toBe(text);
  fs.writeFileSync(fileB, b);
});

/** What identifies a version: its source file, title and every arm's doses. */
function fingerprint(t: { source: { file: string }; title: string | null; arms: { label: string; doses: { cellsPerKg: number | null }[] }[] }) {
  return JSON.stringify({ file: t.source.file, title: t.title, arms: t.arms.map((a) => [a.label, a.doses.map((d) => d.cellsPerKg)]) });
}

describe.each(ENGINES)("reads during an import, on %s", (engine) => {
  let scratch: EngineDb;
  beforeAll(async () => {
    scratch = await engineDatabase(engine);
    expect((await scratch.importFiles([fileA]))[0]!.ok).toBe(true);
    scratch.use();
  }, 120_000);
  afterAll(() => scratch?.cleanup());

  it("every read of a trial equals one of its two committed versions", async () => {
    const versions = new Set<string>();
    for (const file of [fileA, fileB]) {
      expect((await scratch.importFiles([file]))[0]!.line).toMatch(/NCT06884904  veeva  arms 4/);
      versions.add(fingerprint((await getTrial(ID))!));
    }
    expect(versions.size).toBe(2);

    const loop = startReimportLoop(6000, [fileA, fileB], scratch.url);

    let reads = 0;
    const seen = new Set<string>();
    const mixed: string[] = [];
    while (loop.running) {
      // Prisma's adapter answers synchronously: yield so the child's exit event can arrive.
      await new Promise((r) => setImmediate(r));
      const [one, many, withEvidence] = [await getTrial(ID), (await getTrials([ID]))[0], (await getTrialWithEvidence(ID))?.trial];
      for (const t of [one, many, withEvidence]) {
        expect(t, "the trial is never missing during a replace").toBeTruthy();
        const f = fingerprint(t!);
        seen.add(f);
        if (!versions.has(f)) mixed.push(f);
        reads++;
      }
    }
    expect(await loop.exited, loop.err).toBe(0);
    expect(Number(loop.out.trim())).toBeGreaterThan(10); // the loop really re-imported
    expect(reads).toBeGreaterThan(30);
    expect(mixed.slice(0, 3)).toEqual([]);
  }, 120_000);
});

describe("a trial too large for one statement (SQLite)", () => {
  let scratch: EngineDb;
  beforeAll(async () => {
    scratch = await engineDatabase("sqlite");
    expect((await scratch.importFiles([fileA]))[0]!.ok).toBe(true);
    scratch.use();
  });
  afterAll(() => scratch?.cleanup());

  it("a trial with 40,000 arms reads whole (Prisma's nested include bound one value per arm: too many SQL variables)", async () => {
    const db = openDatabase(scratch.url);
    const insert = db.prepare("INSERT INTO Arm (trialId, ordinal, label, type, estimated) VALUES (?, ?, ?, 'EXPERIMENTAL', 0)");
    db.transaction(() => {
      for (let i = 100; i < 40_100; i++) insert.run(ID, i, `arm ${i}`);
    })();
    db.close();
    const trial = await getTrial(ID);
    expect(trial!.arms).toHaveLength(40_004);
    expect(trial!.arms[1]!.doses[0]!.cellsPerKg).not.toBeNull(); // the seed's own doses still attach to their arms
    expect((await getTrials([ID, "NCT00000000"])).map((t) => t.id)).toEqual([ID]);
  });
});

