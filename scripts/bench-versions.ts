// npm run bench:versions
// What keeping every version costs in space: the 60 real ClinicalTrials.gov records of
// ../shared/ctgov (classic + v2, read in place) imported into a fresh database, then
// imported 10 more times with one change each time (the brief title gets " (revision k)"),
// so that every round adds one version of every trial. Prints the database's size (after a
// checkpoint and VACUUM, so the file holds only live pages) before and after the 10 rounds,
// the TrialVersion table's share (dbstat) and the bytes a version costs. Asserts nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/sqlite";
import { importFiles } from "../lib/import/run-import";

const DIRS = ["classic", "v2"].map((d) => path.resolve("..", "shared", "ctgov", d));
if (!DIRS.every((d) => fs.existsSync(d))) {
  console.log("bench:versions: ../shared/ctgov is missing; nothing to measure.");
  process.exit(0);
}
const ROUNDS = 10;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "msc-bench-versions-"));
const url = `file:${path.join(tmp, "registry.db")}`;
prepareDatabase(url);
const db = openDatabase(url);

const files = DIRS.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(d, f)));

/** The study with one change: its brief title revised (classic or v2 JSON). */
function revised(text: string, k: number): string {
  const doc = JSON.parse(text);
  const classic = doc.FullStudiesResponse ? doc.FullStudiesResponse.FullStudies[0].Study : doc.Study ?? doc;
  const id = classic.ProtocolSection?.IdentificationModule ?? doc.protocolSection?.identificationModule;
  if (id.BriefTitle !== undefined || id.briefTitle === undefined) id.BriefTitle = `${id.BriefTitle ?? ""} (revision ${k})`;
  else id.briefTitle = `${id.briefTitle} (revision ${k})`;
  return JSON.stringify(doc, null, 2);
}

function size(): { bytes: number; versions: number; versionBytes: number; rows: number } {
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("VACUUM");
  const bytes = fs.statSync(path.join(tmp, "registry.db")).size;
  const versionBytes = (db.prepare("SELECT sum(pgsize) AS b FROM dbstat WHERE name LIKE 'TrialVersion%' OR name LIKE 'sqlite_autoindex_TrialVersion%'").get() as { b: number }).b;
  const versions = (db.prepare("SELECT count(*) AS n FROM TrialVersion").get() as { n: number }).n;
  const rows = (db.prepare("SELECT count(*) AS n FROM Trial").get() as { n: number }).n;
  return { bytes, versions, versionBytes, rows };
}

const first = importFiles(db, files, {});
const failed = first.filter((r) => !r.ok);
if (failed.length) console.log(`failed: ${failed.map((r) => r.line).join("\n")}`);
const before = size();
const roundDir = path.join(tmp, "round");
fs.mkdirSync(roundDir);
const t = performance.now();
for (let k = 1; k <= ROUNDS; k++) {
  const revisedFiles = files.map((f) => {
    const out = path.join(roundDir, path.basename(f));
    fs.writeFileSync(out, revised(fs.readFileSync(f, "utf8"), k));
    return out;
  });
  const results = importFiles(db, revisedFiles, {});
  const bad = results.filter((r) => !r.ok);
  if (bad.length) throw new Error(`round ${k}: ${bad[0]!.line}`);
}
const ms = performance.now() - t;
const after = size();
db.close();
fs.rmSync(tmp, { recursive: true, force: true });

const mb = (b: number) => `${(b / 2 ** 20).toFixed(2)} MB`;
console.log(`records: ${files.length} files, ${before.rows} trials`);
console.log(`before (one import):        database ${mb(before.bytes)}, ${before.versions} versions, TrialVersion ${mb(before.versionBytes)}`);
console.log(`after ${ROUNDS} more imports:   database ${mb(after.bytes)}, ${after.versions} versions, TrialVersion ${mb(after.versionBytes)}`);
console.log(`growth: ${mb(after.bytes - before.bytes)} (×${(after.bytes / before.bytes).toFixed(2)}); ` +
  `${((after.versionBytes - before.versionBytes) / (after.versions - before.versions) / 1024).toFixed(1)} KB per added version; ` +
  `${ROUNDS} rounds of ${files.length} imports in ${(ms / 1000).toFixed(1)} s`);
