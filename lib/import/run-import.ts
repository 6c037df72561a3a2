import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { parseCuration, type Curation } from "../ingest/curation";
import { ImportError } from "../ingest/errors";
import { importSource } from "../ingest/pipeline";
import { writeTrial, type WriteOptions } from "../db/write-trial";

export interface FileResult {
  file: string;
  ok: boolean;
  /** One line for the person running the import. */
  line: string;
  warnings: string[];
}

/**
 * The largest record file read. A registry page copied as text is tens of kilobytes; a
 * file beyond this is something else, and is refused before it is read into memory.
 */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

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
export function importFiles(db: Database.Database, files: string[], curation: Curation, options: WriteOptions = {}): FileResult[] {
  return files.map((filePath): FileResult => {
    const file = path.basename(filePath);
    try {
      let bytes: Buffer;
      try {
        const stat = fs.statSync(filePath);
        if (stat.isFile() && stat.size > MAX_RECORD_BYTES) {
          throw new ImportError(`${(stat.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_RECORD_BYTES / 1024 / 1024} MB limit for a record file; not read`, { file: filePath });
        }
        bytes = fs.readFileSync(filePath);
      } catch (e) {
        if (e instanceof ImportError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        throw new ImportError(code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : `cannot read (${code})`, { file: filePath });
      }
      const imported = importSource(bytes, file, curation);
      const { replaced } = writeTrial(db, imported, options);
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
