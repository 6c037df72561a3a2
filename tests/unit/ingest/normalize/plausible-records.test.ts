import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { normalizeAgeRange } from "@/lib/ingest/normalize/ages";
import { parseSmallCount } from "@/lib/ingest/normalize/numbers";
import { combineSchedules, findSchedules } from "@/lib/ingest/prose/schedules";
import { importSource } from "@/lib/ingest/pipeline";
import { importFiles } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getAllTrials } from "@/lib/data/records";
import { scratchDatabase } from "@/tests/helpers/db";

/**
 * Implausible values are read in full, then left not reported with a warning that is
 * part of the record (and so of its page and the export), never stored silently.
 */

const F001 = "001_77e33fc44f0026eb.txt";
const seed001 = fs.readFileSync(`seeds/${F001}`, "utf8");
const AGES = "Ages Eligible for Study: | 18 Years to 70 Years (Adult, Older Adult) |";
const ENROLLMENT = "Estimated Enrollment : | 16 participants |";
const read = (text: string) => importSource(Buffer.from(text), F001).record;

describe("the normalizers read numbers in full", () => {
  it("a minus sign is part of an age", () => {
    expect(normalizeAgeRange("-5 to 200 years")).toEqual({ minAgeYears: -5, maxAgeYears: 200 });
    expect(normalizeAgeRange("18-65 years")).toEqual({ minAgeYears: 18, maxAgeYears: 65 });
  });

  it("an infusion count of four digits is not cut to three", () => {
    expect(parseSmallCount("1234")).toBe(1234);
    const s = combineSchedules(findSchedules("once a week for 1234 weeks"));
    expect(s?.infusions).toBe(1234); // kept, so that the plausibility check refuses it with a warning
    expect(s?.dayOffsets).toBeNull(); // not listed day by day
  });
});

describe("implausible values are not stored, and say so", () => {
  it("ages -5 to 200: both bounds outside 0–120", () => {
    const r = read(seed001.replace(AGES, "Ages Eligible for Study: | -5 Years to 200 Years |"));
    expect(r.eligibility.minAgeYears).toBeNull();
    expect(r.eligibility.maxAgeYears).toBeNull();
    expect(r.warnings).toEqual([
      'eligibility.minAgeYears: -5 years is outside 0–120 ("-5 Years to 200 Years"); not stored',
      'eligibility.maxAgeYears: 200 years is outside 0–120 ("-5 Years to 200 Years"); not stored',
    ]);
  });

  it("ages 70 to 18: a minimum above the maximum", () => {
    const r = read(seed001.replace(AGES, "Ages Eligible for Study: | 70 to 18 years |"));
    expect([r.eligibility.minAgeYears, r.eligibility.maxAgeYears]).toEqual([null, null]);
    expect(r.warnings).toEqual(['eligibility: the minimum age 70 is above the maximum 18 ("70 to 18 years"); neither is stored']);
  });

  it("once a week for 1234 weeks: over 100 infusions", () => {
    const r = read(seed001.replaceAll("on the 1, 4, 7 and 10 days", "once a week for 1234 weeks"));
    const dose = r.arms[0]!.doses[0]!;
    expect(dose.infusions).toBeNull();
    expect(dose.dayOffsets).toBeNull();
    expect(dose.cellsPerKg).toBe(400_000);
    expect(r.arms[0]!.summary.activeInfusions).toBeNull();
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[0]).toMatch(/^arms\[0\]\.doses\[0\]\.infusions: 1234 infusions is outside 1–100 \(".*"\); not stored$/);
  });

  it("1×10^0 cells/kg: below 10^3 cells", () => {
    const r = read(seed001.replaceAll("4*10^5", "1×10^0"));
    expect(r.arms[0]!.doses[0]!.cellsPerKg).toBeNull();
    expect(r.arms[1]!.doses[0]!.cellsPerKg).toBe(800_000);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^arms\[0\]\.doses\[0\]\.cellsPerKg: 1 cells is outside 1e3–1e11 \("hUC-MSCs 1×10\^0\/kg\/each time/);
  });

  it("a flat dose of 10^12 cells: above 10^11", () => {
    const r = read(seed001.replaceAll("4*10^5 cells/kg", "1×10^12 cells").replace("hUC-MSCs 4*10^5/kg/each time", "hUC-MSCs 1×10^12 cells each time"));
    expect(r.arms[0]!.doses[0]!.cellsPerInfusion).toBeNull();
    expect(r.warnings[0]).toMatch(/^arms\[0\]\.doses\[0\]\.cellsPerInfusion: 1e12 cells is outside 1e3–1e11/);
  });

  it.each([["0 participants", 0], ["2,000,000 participants", 2_000_000]])("enrollment %s: outside 1–1,000,000", (value, n) => {
    const r = read(seed001.replace(ENROLLMENT, `Estimated Enrollment : | ${value} |`));
    expect(r.enrollment).toBeNull();
    expect(r.warnings).toEqual([`enrollment: ${n} participants is outside 1–1,000,000 ("Estimated Enrollment: ${value}"); not stored`]);
  });

  it("an actual enrollment of 0 (a withdrawn trial) stays 0", () => {
    const r = read(seed001.replace(ENROLLMENT, "Actual Enrollment : | 0 participants |"));
    expect(r.enrollment).toEqual({ count: 0, type: "ACTUAL" });
    expect(r.warnings).toEqual([]);
  });

  it("the seeds have no such warnings", () => {
    expect(read(seed001).warnings).toEqual([]);
  });
});

describe("warnings are stored and read back with the record", () => {
  const scratch = scratchDatabase("warnings");
  afterAll(async () => {

    scratch.cleanup();
  });

  it("a warning reaches the stored record (the page and the export read it)", { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync("/tmp/msc-warn-");
    const file = `${dir}/${F001}`;
    fs.writeFileSync(file, seed001.replace(AGES, "Ages Eligible for Study: | 70 to 18 years |"));
    const db = openDatabase(scratch.url);
    const [r] = importFiles(db, [file], {});
    db.close();
    expect(r!.ok).toBe(true);
    expect(r!.warnings).toEqual(['eligibility: the minimum age 70 is above the maximum 18 ("70 to 18 years"); neither is stored']);
    process.env.DATABASE_URL = scratch.url;
    const [stored] = await getAllTrials();
    expect(stored!.warnings).toEqual(r!.warnings);
    expect(stored!.eligibility.minAgeYears).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
