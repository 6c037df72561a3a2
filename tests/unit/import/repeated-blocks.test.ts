import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listsOf, repeatedBlock, repeatedRun } from "@/lib/record/completeness";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles, loadCuration, seedFiles } from "@/lib/import/run-import";
import { writeTrial } from "@/lib/db/write-trial";
import { openDatabase } from "@/lib/db/sqlite";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { snapshotDatabase } from "@/tests/helpers/snapshot";

/**
 * Issue 16 item 2: seed 000 with its arm block pasted twice imported with 8 arms (and a
 * note), and then the genuine file was refused as "cut off" because the stored version had
 * more arms. A block pasted twice (an arm's label twice, a run of criteria or of another
 * list twice) is now refused like a section heading twice; and a stored version that holds
 * one does not protect itself against the genuine file.
 */

const F000 = "000_423415c0e2b20a3c.txt";
const seed000 = fs.readFileSync(`seeds/${F000}`, "utf8");
const curation = loadCuration("seeds/curation.json");

/** Seed 000 with the text from `from` up to `to` pasted again right after itself. */
function pastedTwice(from: string, to: string): string {
  const a = seed000.indexOf(from);
  const b = seed000.indexOf(to);
  expect(a).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(a);
  return seed000.slice(0, b) + seed000.slice(a, b) + seed000.slice(b);
}
const ARMS_TWICE = () => pastedTwice("Low-dose experimental group\nExperimental group", "\nTrial contacts and locations");
const INCLUSION_TWICE = () => pastedTwice("  1. Age between", "\nExclusion criteria");

describe("repeatedRun", () => {
  it("finds a whole list twice, a run of three or more twice; not a pair or a single item (genuine records repeat those)", () => {
    expect(repeatedRun(["a", "b", "a", "b"])).toEqual([0, 2, 2]);
    expect(repeatedRun(["a", "b", "c", "x", "A ", "b", "c", "y"])).toEqual([0, 4, 3]);
    expect(repeatedRun(["a", "a"])).toBeNull();
    expect(repeatedRun(["a", "b", "c", "d", "b", "c"])).toBeNull();
    expect(repeatedRun(["x", "x", "x", "x", "x", "x", "x"])).toEqual([0, 3, 3]);
  });
});

describe("a block pasted twice", () => {
  let scratch: ScratchDb;
  let dir: string;
  beforeAll(() => {
    scratch = scratchDatabase("repeated");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-repeated-"));
    const db = openDatabase(scratch.url);
    expect(importFiles(db, seedFiles(), curation).every((r) => r.ok)).toBe(true);
    db.close();
  }, 60_000);
  afterAll(() => {
    scratch?.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const importText = (text: string, force = false) => {
    const file = path.join(dir, F000);
    fs.writeFileSync(file, text);
    const db = openDatabase(scratch.url);
    try {
      return importFiles(db, [file], curation, { force })[0]!;
    } finally {
      db.close();
    }
  };

  it("seed 000's arm block twice is refused, with or without --force, and nothing stored changes", () => {
    const before = snapshotDatabase(scratch.file);
    for (const force of [false, true]) {
      const r = importText(ARMS_TWICE(), force);
      expect(r.ok).toBe(false);
      expect(r.line).toBe(`${F000}: arms: the arm "Low-dose experimental group" stands twice (arms 1 and 5): a block pasted twice? Keep one copy`);
    }
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
  });

  it("seed 000's inclusion criteria twice are refused, and nothing stored changes", () => {
    const before = snapshotDatabase(scratch.file);
    const r = importText(INCLUSION_TWICE());
    expect(r.line).toBe(`${F000}: eligibility.inclusion: inclusion criteria 1–4 stand again as 5–8 (4 criteria twice): a block pasted twice? Keep one copy`);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
  });

  it("a JSON study with its conditions twice, or its arm groups twice, is refused", () => {
    const study = JSON.parse(fs.readFileSync("tests/fixtures/ctgov-v2/six-arms/input.json", "utf8"));
    const p = study.protocolSection;
    const conditions = structuredClone(study);
    conditions.protocolSection.conditionsModule.conditions = [...p.conditionsModule.conditions, "Liver Cirrhosis"];
    conditions.protocolSection.conditionsModule.conditions.push(...conditions.protocolSection.conditionsModule.conditions);
    const arms = structuredClone(study);
    arms.protocolSection.armsInterventionsModule.armGroups.push(...p.armsInterventionsModule.armGroups);
    const file = path.join(dir, "studies.json");
    fs.writeFileSync(file, JSON.stringify([conditions, arms]));
    const before = snapshotDatabase(scratch.file);
    const db = openDatabase(scratch.url);
    const lines = importFiles(db, [file], curation).map((r) => r.line);
    db.close();
    expect(lines).toEqual([
      "studies.json #1: conditions: conditions 1–3 stand again as 4–6 (3 conditions twice): a block pasted twice? Keep one copy",
      `studies.json #2: arms: the arm "${p.armsInterventionsModule.armGroups[0].label}" stands twice (arms 1 and 7): a block pasted twice? Keep one copy`,
    ]);
    expect(snapshotDatabase(scratch.file)).toStrictEqual(before);
  });

  it("no seed and no fixture holds a block twice", () => {
    for (const f of seedFiles()) {
      expect(repeatedBlock(listsOf(importSource(fs.readFileSync(f), path.basename(f), curation).record))).toBeNull();
    }
  });

  it("a stored version with the arm block twice (imported before) does not block the genuine file", () => {
    // Written as the old importer did: the pipeline's record, straight to the database.
    const db = openDatabase(scratch.url);
    const doubled = importSource(Buffer.from(ARMS_TWICE()), F000, curation);
    expect(doubled.record.arms).toHaveLength(8);
    writeTrial(db, doubled, { force: true });
    const [genuine] = importFiles(db, [`seeds/${F000}`], curation);
    db.close();
    expect(genuine!.ok).toBe(true);
    expect(genuine!.line).toBe(`${F000}  NCT06884904  veeva  arms 4  doses 4  criteria 4/12 (the stored version was replaced without the cut-off check: ` +
      `the arm "Low-dose experimental group" stands twice (arms 1 and 5): a block pasted twice? Keep one copy)`);
    const arms = (snapshotDatabase(scratch.file).Arm as { trialId: string; label: string; cellsPerKgPerInfusion: number | null }[])
      .filter((a) => a.trialId === "NCT06884904");
    expect(arms.map((a) => [a.label, a.cellsPerKgPerInfusion])).toEqual([
      ["Low-dose experimental group", 2e6], ["High-dose experimental group", 4e6],
      ["Low-dose placebo control group", null], ["High-dose placebo control group", null],
    ]);
  });
});
