import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { parseCuration, type Curation } from "./curation";
import { ImportError } from "./errors";
import { importSource } from "./pipeline";
import { writeTrial } from "../db/write-trial";

export interface FileResult {
  file: string;
  ok: boolean;
  /** One line for the person running the import. */
  line: string;
  warnings: string[];
}

/** The founding records and their curation file. */
export const SEED_DIR = "seeds";
export const SEED_CURATION = path.join(SEED_DIR, "curation.json");

/** Every seeds/*.txt, in file-name order. */
export function seedFiles(): string[] {
  return fs.readdirSync(SEED_DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(SEED_DIR, f));
}

export function loadCuration(file: string | null): Curation {
  if (!file || !fs.existsSync(file)) return {};
  return parseCuration(fs.readFileSync(file, "utf8"), path.basename(file));
}

/**
 * Imports files one by one, each in its own transaction: a file that fails is reported
 * and leaves the database as it was; the others are still imported.
 */
export function importFiles(db: Database.Database, files: string[], curation: Curation): FileResult[] {
  return files.map((filePath): FileResult => {
    const file = path.basename(filePath);
    try {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(filePath);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new ImportError(code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : `cannot read (${code})`, { file: filePath });
      }
      const imported = importSource(bytes, file, curation);
      const { replaced } = writeTrial(db, imported);
      const r = imported.record;
      const doses = r.arms.reduce((n, a) => n + a.doses.length, 0);
      const note = replaced.length ? ` (replaces ${replaced.map((x) => `${x.id} from ${x.sourceFile}`).join(", ")})` : "";
      return {
        file, ok: true, warnings: imported.warnings,
        line: `${file}  ${r.id}  ${r.source.format}  arms ${r.arms.length}  doses ${doses}  criteria ${r.eligibility.inclusion.length}/${r.eligibility.exclusion.length}${note}`,
      };
    } catch (e) {
      if (e instanceof ImportError) return { file, ok: false, warnings: [], line: e.format(e.detail.file ?? file) };
      return { file, ok: false, warnings: [], line: `${file}: ${(e as Error).message}` };
    }
  });
}
