/**
 * An import measured in a child process of its own (a fresh migrated database, so memory
 * figures are the import's alone), for the import benchmarks: `measureImportInChild(file, url)`
 * runs this script as `tsx scripts/import-child.ts FILE URL` and returns what it printed.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prepareDatabase } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/sqlite";
import { importFiles } from "../lib/import/run-import";

export interface ChildImport { ok: number; total: number; ms: number; peakHeapMB: number; maxRssMB: number }

const TSX = path.join("node_modules", ".bin", "tsx");

/** Imports `file` into the database at `url` in a child process: records imported, time, peak heap (sampled after each record), max RSS. */
export function measureImportInChild(file: string, url: string): ChildImport {
  const out = execFileSync(TSX, [path.join("scripts", "import-child.ts"), file, url], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as ChildImport;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [file, url] = [process.argv[2]!, process.argv[3]!];
  prepareDatabase(url);
  const db = openDatabase(url);
  let peakHeap = 0;
  const t = performance.now();
  const results = importFiles(db, [file], {}, { onResult: () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)) });
  const ms = performance.now() - t;
  db.close();
  const result: ChildImport = { ok: results.filter((r) => r.ok).length, total: results.length, ms, peakHeapMB: peakHeap / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  console.log(JSON.stringify(result));
}
