import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase } from "@/lib/db/migrate";

export interface ScratchDb {
  /** A `file:` URL to a migrated, empty database of its own. */
  url: string;
  /** The database file's path. */
  file: string;
  /** Removes the database and its folder (WAL and SHM files included). */
  cleanup: () => void;
}

/** A fresh, migrated database in a unique temporary folder, so tests never share one. */
export function scratchDatabase(name = "registry"): ScratchDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-test-"));
  const file = path.join(dir, `${name}.db`);
  const url = `file:${file}`;
  prepareDatabase(url);
  return { url, file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const TABLES = ["Trial", "Arm", "Dose", "Criterion", "TrialPhase", "Condition", "Stage", "StageGroup", "FieldEvidence"] as const;

/** Row counts of the main tables, read with better-sqlite3 (not through the code under test). */
export function countRows(file: string): Record<(typeof TABLES)[number], number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
    ) as Record<(typeof TABLES)[number], number>;
  } finally {
    db.close();
  }
}
