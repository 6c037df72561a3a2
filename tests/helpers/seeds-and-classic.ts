import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { expect } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { importFiles, loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { importSource } from "@/lib/ingest/pipeline";
import type { TrialRecord } from "@/lib/record/schema";
import { scratchDatabase, type ScratchDb } from "./db";

/** The 53 real ClinicalTrials.gov records of ../shared/ctgov/classic. */
export const CLASSIC = path.resolve(process.cwd(), "..", "shared", "ctgov", "classic");

/** A scratch database with the five seeds and then ../shared/ctgov/classic imported (every import asserted ok). */
export function seedsAndClassic(name: string): { scratch: ScratchDb; db: Database.Database } {
  const scratch = scratchDatabase(name);
  const db = openDatabase(scratch.url);
  const results = [...importFiles(db, seedFiles(), loadCuration(SEED_CURATION)), ...importFiles(db, [CLASSIC], {})];
  expect(results.filter((r) => !r.ok).map((r) => r.line)).toEqual([]);
  return { scratch, db };
}

/** Seed 000 (NCT06884904) as the importer reads it, with the seeds' curation. */
export function seed000(): TrialRecord {
  const file = seedFiles().find((f) => path.basename(f).startsWith("000_"))!;
  return importSource(fs.readFileSync(file), path.basename(file), loadCuration(SEED_CURATION)).record;
}
