import { describe, expect, it } from "vitest";
import { AUDIT_COUNT, AUDIT_SEED, drawArms } from "@/scripts/audit-draw";
import {
  compareArm, describe as describeResult, loadAuditFile, runAudit, verdictOf, type AuditArm, type ImportedArm, type ImportedDose,
} from "@/tests/helpers/audit";

/**
 * The precision audit (issue 17): hand-read facts of drawn arms of ../shared/ctgov/msc-other
 * against the importer. Run `npm run check:audit` for the full report.
 */

const audit = loadAuditFile();

describe("the audit file", () => {
  it("holds the draw's arms, in the draw's order (scripts/audit-draw.ts, seed 20261207)", () => {
    expect(audit.seed).toBe(AUDIT_SEED);
    expect(audit.draw).toBe("scripts/audit-draw.ts");
    expect(audit.source).toBe("../shared/ctgov/msc-other");
    expect(audit.arms).toHaveLength(120);
    const drawn = drawArms().map((a) => `${a.nctId}\t${a.label}`);
    expect(drawn).toHaveLength(AUDIT_COUNT);
    expect(audit.arms.map((a) => `${a.nctId}\t${a.arm}`)).toEqual(drawn);
  });
});

describe("the comparison", () => {
  const dose = (d: Partial<ImportedDose>): ImportedDose => ({
    cellsPerKg: null, cellsPerInfusion: null, range: null, infusions: null, dayOffsets: null, text: "words", unstated: null, ...d,
  });
  const arm = (doses: ImportedDose[], warnings: string[] = []): ImportedArm => ({ label: "A", doses, warnings });
  const audited = (a: Partial<AuditArm>): AuditArm => ({
    nctId: "NCT00000001", arm: "A", msc: true, amount: null, infusions: null, dayOffsets: null, note: "", ...a,
  });
  const verdicts = (a: AuditArm, i: ImportedArm) => Object.fromEntries(compareArm(a, i).map((r) => [r.field, r.verdict]));

  it("tells correct, shown but not stated and stated but left null apart", () => {
    const same = (x: number, y: number) => x === y;
    expect(verdictOf<number>(null, null, same)).toBe("correct");
    expect(verdictOf(3, 3, same)).toBe("correct");
    expect(verdictOf(3, 4, same)).toBe("shownNotStated");
    expect(verdictOf(null, 4, same)).toBe("shownNotStated");
    expect(verdictOf(3, null, same)).toBe("statedNotShown");
  });

  it("compares per kg, flat and range amounts, counts and days", () => {
    const a = audited({ amount: { per: "kg", value: 1e6 }, infusions: 3, dayOffsets: [0, 7, 14] });
    expect(verdicts(a, arm([dose({ cellsPerKg: 1e6, infusions: 3, dayOffsets: [0, 7, 14] })])))
      .toEqual({ msc: "correct", amount: "correct", infusions: "correct", dayOffsets: "correct" });
    // A flat number where the record states per kg, and another day list, are wrong doses.
    expect(verdicts(a, arm([dose({ cellsPerInfusion: 1e6, infusions: 3, dayOffsets: [0, 4, 8] })])))
      .toEqual({ msc: "correct", amount: "shownNotStated", infusions: "correct", dayOffsets: "shownNotStated" });
    const r = audited({ amount: { per: "kg", min: 1.5e6, max: 3e6 } });
    expect(verdicts(r, arm([dose({ range: { min: 1.5e6, max: 3e6, unit: "cells/kg" } })])).amount).toBe("correct");
    expect(verdicts(r, arm([dose({ cellsPerKg: 3e6 })])).amount).toBe("shownNotStated");
    expect(verdicts(r, arm([dose({})])).amount).toBe("statedNotShown");
    // Two importer doses where the record states one: the one that disagrees decides.
    const flat = audited({ amount: { per: "administration", value: 2e8 } });
    expect(verdicts(flat, arm([dose({ cellsPerInfusion: 2e8 }), dose({ cellsPerInfusion: 6e8 })])).amount).toBe("shownNotStated");
  });

  it("counts an MSC dose on an arm without MSCs as shown but not stated, and keeps the importer's reason for a null", () => {
    const none = audited({ msc: false });
    expect(verdicts(none, arm([dose({ cellsPerInfusion: 5e6 })]))).toEqual({
      msc: "shownNotStated", amount: "shownNotStated", infusions: "correct", dayOffsets: "correct",
    });
    const [m, amount] = compareArm(audited({ amount: { per: "kg", value: 2e6 } }), arm([dose({ unstated: "two amounts" })], ['arm "A": conflict']));
    expect(m!.verdict).toBe("correct");
    expect(amount).toMatchObject({ verdict: "statedNotShown", reason: 'two amounts | arm "A": conflict' });
  });
});

describe("the importer on the audited arms", () => {
  const report = runAudit(audit);

  it("reads every audited arm (each record imports, each label is found)", () => {
    expect(report.missing).toEqual([]);
    expect(report.results).toHaveLength(audit.arms.length * 4);
  });

  it("shows nothing the record does not state (shownNotStated is 0)", () => {
    const shown = report.results.filter((r) => r.verdict === "shownNotStated");
    expect(shown.length, `shown but not stated (${shown.length}):\n${shown.map(describeResult).join("\n")}\n`).toBe(0);
  });
});
