// The synthetic registry the benchmarks measure: the seeds' shapes repeated with other ids,
// words, doses and dates, written into a scratch database. Imported by bench-search.ts and
// bench-heavy.ts (one generator, so their figures are of the same registry).
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/sqlite";
import { writeTrial } from "../lib/db/write-trial";
import { loadCuration, SEED_CURATION, seedFiles } from "../lib/import/run-import";
import { importSource, type ImportedTrial } from "../lib/ingest/pipeline";
import { summarizeArm } from "../lib/record/summary";

/** A seeded pseudo-random sequence (the same registry on every run). */
export function seededRandom(seed = 42): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const CONDITIONS = ["Acute-On-Chronic Liver Failure", "Decompensated Liver Cirrhosis", "Liver Failure", "Acute Liver Failure",
  "Hepatitis B Related Cirrhosis", "Alcoholic Hepatitis", "Primary Biliary Cholangitis", "Liver Fibrosis", "Hepatitis C"];
const SOURCES = ["UMBILICAL_CORD", "CORD_BLOOD", "BONE_MARROW", "ADIPOSE", "PLACENTA"];
const STATUSES = ["RECRUITING", "NOT_YET_RECRUITING", "COMPLETED", "UNKNOWN", "ACTIVE_NOT_RECRUITING", "TERMINATED"] as const;
const PHASE_SETS = [["PHASE1"], ["PHASE2"], ["PHASE1", "PHASE2"], ["PHASE2", "PHASE3"], ["PHASE3"]] as const;
const WORDS = ["safety", "efficacy", "randomized", "multicenter", "infusion", "transplantation", "regeneration", "survival",
  "hepatic", "stromal", "allogeneic", "autologous", "bilirubin", "albumin", "MELD", "INR", "portal", "encephalopathy"];
const DOSES = [2e5, 4e5, 5e5, 8e5, 1e6, 1.2e6, 2e6, 3e6, 4e6, 5e6, 1e7];

/** The seed trials, read as the importer reads them. */
export function seedTrials(): ImportedTrial[] {
  const curation = loadCuration(SEED_CURATION);
  return seedFiles().map((f) => importSource(fs.readFileSync(f), path.basename(f), curation));
}

/** A synthetic trial: one of the seeds' shapes with other ids, words, doses and dates. */
export function synthesize(base: ImportedTrial, i: number, rand: () => number): ImportedTrial {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const r = structuredClone(base.record);
  const id = `NCT9${String(i).padStart(7, "0")}`;
  const words = Array.from({ length: 4 }, () => pick(WORDS)).join(" ");
  const condition = pick(CONDITIONS);
  r.id = id;
  r.nctId = id;
  r.source = { file: `synthetic-${i}.txt`, format: r.source.format };
  r.title = `${pick(["UC-MSC", "MSC", "BM-MSC", "Stem cell"])} ${words} in ${condition} (${i})`;
  r.conditions = [condition];
  r.overallStatus = pick(STATUSES);
  r.phases = [...pick(PHASE_SETS)];
  r.cellSource = pick(SOURCES);
  r.enrollment = rand() < 0.1 ? null : { count: 10 + Math.floor(rand() * 400), type: "ESTIMATED" };
  r.dates.start = rand() < 0.1 ? null : `${2010 + Math.floor(rand() * 16)}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-15`;
  r.eligibility.minAgeYears = pick([16, 18, 18, 20]);
  r.eligibility.maxAgeYears = pick([60, 65, 70, 75, 80, null]);
  r.arms = r.arms.map((arm) => {
    const dose = pick(DOSES);
    const doses = arm.doses.map((d) => (d.product === "MSC" && (d.cellsPerKg !== null || rand() < 0.5)
      ? { ...d, cellsPerKg: dose, cellsPerInfusion: null } : d));
    return { ...arm, doses, summary: summarizeArm(doses, r.referenceWeightKg) };
  });
  return { ...base, record: r };
}

/**
 * Writes `n` synthetic trials and the seeds into a new database at `url` (migrated first),
 * 1,000 a transaction; returns the number of trials and the seconds it took.
 */
export function buildSyntheticRegistry(url: string, n: number, rand = seededRandom()): { trials: number; seconds: number } {
  const seeds = seedTrials();
  const t0 = performance.now();
  prepareDatabase(url);
  const db = openDatabase(url);
  try {
    db.pragma("synchronous = NORMAL");
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) writeTrial(db, synthesize(seeds[i % seeds.length]!, i, rand));
    });
    for (let i = 0; i < n; i += 1000) batch(i, Math.min(n, i + 1000));
    for (const s of seeds) writeTrial(db, s);
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
  return { trials: n + seeds.length, seconds: (performance.now() - t0) / 1000 };
}
