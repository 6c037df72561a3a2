// npm run import -- [files…]: reads trial records into the database at DATABASE_URL.
import fs from "node:fs";
import { importFilesAsync, loadCuration, oneLine, SEED_CURATION, seedFiles } from "../lib/import/run-import";
import { databaseUrl } from "../lib/db/url";
import { openWriter, type OpenedWriter } from "../lib/db/writer";
import { isPostgresUrl, redactUrl } from "../lib/db/postgres/url";

function shownUrl(): string {
  const raw = process.env.DATABASE_URL?.trim() ?? "";
  return isPostgresUrl(raw) ? redactUrl(raw) : databaseUrl();
}

function usage(): never {
  console.log(`Usage: npm run import -- [--force] [--curation FILE] [FILES…]
Reads each trial record into the database at DATABASE_URL (now ${shownUrl()}; a file: URL
or none is SQLite, postgresql://… PostgreSQL):
plain text copied from a registry page (.txt), ClinicalTrials.gov study JSON (.json:
API v2 or classic, one study or a list of any length, read as a stream), ClinicalTrials.gov
clinical_study XML (.xml, one study a file), WHO ICTRP XML exports and ChiCTR XML downloads
(.xml, one record at a time), or a zip archive of such files (.zip, read as a stream, one file
at a time). A folder stands for its .txt, .json, .xml and .zip files. With no files, every seeds/*.txt. Curation facts
are read from seeds/curation.json unless --curation names another file (or "none").
A file that holds less of a trial than the stored version (it looks cut off) is refused
unless --force.`);
  process.exit(0);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) usage();
const force = args.includes("--force");
if (force) args.splice(args.indexOf("--force"), 1);
let curationFile: string | null = SEED_CURATION;
const ci = args.indexOf("--curation");
if (ci >= 0) {
  const value = args[ci + 1];
  if (!value) {
    console.error("--curation needs a file name (or \"none\")");
    process.exit(2);
  }
  curationFile = value === "none" ? null : value;
  if (curationFile && !fs.existsSync(curationFile)) {
    console.error(`--curation ${curationFile}: no such file`);
    process.exit(2);
  }
  args.splice(ci, 2);
}
const files = args.length ? args : seedFiles();

const started = performance.now();
let writer: OpenedWriter;
let curation;
try {
  curation = loadCuration(curationFile);
  writer = await openWriter();
} catch (e) {
  console.error(`import: ${(e as Error).message}`);
  process.exit(1);
}
const results = await importFilesAsync(writer.target, files, curation, {
  force,
  onResult(r) {
    if (r.ok) console.log(`✓ ${r.line}`);
    else console.error(`✗ ${r.line}`);
    for (const w of r.warnings) console.log(`    note: ${oneLine(w)}`);
  },
});
await writer.close();
const failed = results.filter((r) => !r.ok).length;
const ms = Math.round(performance.now() - started);
console.log(`${results.length - failed} of ${results.length} records imported, ${failed} failed, in ${ms} ms (database: ${writer.where})`);
process.exit(failed ? 1 : 0);
