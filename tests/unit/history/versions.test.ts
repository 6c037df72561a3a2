import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { historyOf } from "@/lib/history/versions";
import { engineDatabase, ENGINES, type EngineDb } from "@/tests/support/engines";
import { ADDED_CRITERION, EDITED_ID, editedCopy, originalText } from "@/tests/helpers/edited-copy";

/**
 * Every version kept: a real record from ../shared/ctgov/classic, then an edited copy of it
 * (status, enrollment, the MSC arm's dose and schedule, one criterion added). The history
 * names exactly those changes with their values before and after; the old version keeps
 * the old dose; the same copy imported again adds no version. On both engines, read
 * through the store (Reader.versions, Reader.version, Reader.trials).
 */

vi.mock("server-only", () => ({}));

const ID = EDITED_ID;
const ADDED = ADDED_CRITERION;
const original = originalText();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-history-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(ENGINES)("versions of a trial, on %s", (engine) => {
let scratch: EngineDb;
beforeAll(async () => {
  scratch = await engineDatabase(engine);
});
afterAll(() => scratch?.cleanup());

function importText(name: string, text: string, options = {}) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return scratch.importFiles([file], {}, options);
}

const versionRows = async () => (await scratch.store.read((r) => r.versions(ID))).reverse()
  .map(({ n, sourceFile, sourceHash, statusVerified, lastUpdatePosted }) => ({ n, sourceFile, sourceHash, statusVerified, lastUpdatePosted }));

  it("the first import is version 1, with the registry's own dates and the source's hash", async () => {
    const [result] = await importText(`${ID}.json`, original);
    expect(result!.ok).toBe(true);
    const rows = await versionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ n: 1, sourceFile: `${ID}.json`, statusVerified: "2019-05", lastUpdatePosted: "2019-05-10" });
    expect(rows[0]!.sourceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the same source imported again adds no version", async () => {
    await importText(`${ID}.json`, original);
    expect(await versionRows()).toHaveLength(1);
  });

  it("an edited copy is version 2, and the history names exactly its changes, before and after", async () => {
    const [result] = await importText(`${ID}.json`, editedCopy(original));
    expect(result!.ok).toBe(true);
    expect((await versionRows()).map((r) => r.n)).toEqual([1, 2]);
    {
      const history = historyOf(ID, await scratch.store.read((r) => r.versions(ID)));
      expect(history.versions.map((v) => v.n)).toEqual([2, 1]);
      expect(history.versions[1]!.changes).toEqual([]);
      const arm = "Arm “Comprehensive treatment plus UC-MSC treatment”";
      expect(history.versions[0]!.lines).toEqual([
        "Status: Recruiting → Completed",
        "Enrollment: 200 participants (estimated) → 150 participants (actual)",
        `${arm}: dose: 1×10⁶ cells/kg → 2×10⁶ cells/kg`,
        `${arm}: infusions: 3 infusions → 4 infusions`,
        `${arm}: days: day 0, 21, 42 → day 0, 28, 56, 84`,
        `Inclusion criterion added: ${ADDED}`,
        "Inclusion threshold added: ALT < 10 × ULN",
        "Registry's last update posted: 2019-05-10 → 2021-03-03",
        "Status last verified: 2019-05 → 2021-03",
      ]);
      // The old version keeps the old dose; the trial's rows hold the new one.
      const v1 = (await scratch.store.read((r) => r.version(ID, 1)))!.record;
      const v2 = (await scratch.store.read((r) => r.version(ID, 2)))!.record;
      expect(v1.arms[0]!.doses[0]).toMatchObject({ cellsPerKg: 1e6, infusions: 3, dayOffsets: [0, 21, 42] });
      expect(v2.arms[0]!.doses[0]).toMatchObject({ cellsPerKg: 2e6, infusions: 4, dayOffsets: [0, 28, 56, 84] });
      const [stored] = await scratch.store.read((r) => r.trials([ID]));
      expect({ overallStatus: stored!.overallStatus, enrollmentCount: stored!.enrollment?.count, statusVerified: stored!.statusVerified })
        .toEqual({ overallStatus: "COMPLETED", enrollmentCount: 150, statusVerified: "2021-03" });
    }
  });

  it("the edited copy imported again adds no version; --force over a cut-off copy keeps the replaced version", async () => {
    await importText(`${ID}.json`, editedCopy(original));
    expect(await versionRows()).toHaveLength(2);
    // A copy that lost its criteria is refused, and adds nothing.
    const doc = JSON.parse(editedCopy(original));
    const p = (doc.FullStudiesResponse ? doc.FullStudiesResponse.FullStudies[0].Study : doc.Study ?? doc).ProtocolSection;
    p.EligibilityModule.EligibilityCriteria = "Inclusion Criteria:\n\nAge 18-69 years;";
    const [refused] = await importText(`${ID}.json`, JSON.stringify(doc));
    expect(refused!.ok).toBe(false);
    expect(await versionRows()).toHaveLength(2);
    {
      const [forced] = await scratch.importFiles([path.join(dir, `${ID}.json`)], {}, { force: true });
      expect(forced!.ok).toBe(true);
      const versions = await scratch.store.read((r) => r.versions(ID));
      expect(versions.map((v) => v.n)).toEqual([3, 2, 1]);
      expect(versions[1]!.record.eligibility.inclusion).toContain(ADDED);
      expect(versions[0]!.record.eligibility.inclusion).toEqual(["Age 18-69 years"]);
    }
  });

  it("the comparison across time puts version 1's dose beside version 2's (ids=ID@1,ID@2)", async () => {
    scratch.use();
    const { compareResponse } = await import("@/lib/compare/api");
    const res = await compareResponse(new URLSearchParams(`ids=${ID}@1,${ID}@2&weightKg=60`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { trials: { id: string; title: string; arms: { label: string; cellsPerKgPerInfusion: number | null; activeInfusions: number | null; mscDayOffsets: number[] | null }[] }[] };
    expect(body.trials.map((t) => t.id)).toEqual([`${ID}@1`, `${ID}@2`]);
    expect(body.trials[0]!.title).toMatch(/\(version 1 of 3, imported \d{4}-\d{2}-\d{2}\)$/);
    const msc = body.trials.map((t) => t.arms[0]!);
    expect(msc.map((a) => [a.cellsPerKgPerInfusion, a.activeInfusions, a.mscDayOffsets])).toEqual([[1e6, 3, [0, 21, 42]], [2e6, 4, [0, 28, 56, 84]]]);
    const missing = await compareResponse(new URLSearchParams(`ids=${ID}@1,${ID}@9`));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: `unknown trial id: ${ID}@9`, parameter: "ids" });
  });
});
