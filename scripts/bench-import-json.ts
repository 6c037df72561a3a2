// npm run bench:import-json [-- --runs 3]
// 1. Imports the 60 real ClinicalTrials.gov records of ../shared/ctgov (classic + v2, read in
//    place) into a fresh migrated database: time in process and as `npm run import`, and how
//    many arms got an MSC dose.
// 2. Streams generated files of 50, 500 and 2,000 classic studies (the real ones, renumbered)
//    through the import in child processes and prints each one's peak memory: it must not
//    grow with the number of studies. Prints figures; asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/sqlite";
import { importFiles } from "../lib/import/run-import";
import { measureImportInChild } from "./import-child";
import { importSource } from "../lib/ingest/pipeline";

const TSX = path.join("node_modules", ".bin", "tsx");
const CLASSIC = path.resolve("../shared/ctgov/classic");
const V2 = path.resolve("../shared/ctgov/v2");

if (!fs.existsSync(CLASSIC) || !fs.existsSync(V2)) {
  console.log("bench:import-json: ../shared/ctgov is missing; nothing to measure.");
  process.exit(0);
}
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-json-"));
const classicFiles = fs.readdirSync(CLASSIC).filter((f) => f.endsWith(".json")).sort();
const v2Files = fs.readdirSync(V2).filter((f) => f.endsWith(".json")).sort();

// Doses: arms with an MSC dose whose amount is known, and arms with any MSC dose.
let arms = 0, withAmount = 0, withMsc = 0, dosesRead = 0;
for (const [d, files] of [[CLASSIC, classicFiles], [V2, v2Files]] as const) {
  for (const f of files) {
    const r = importSource(fs.readFileSync(path.join(d, f)), f).record;
    for (const a of r.arms) {
      arms++;
      const msc = a.doses.filter((x) => x.product === "MSC");
      if (msc.length) withMsc++;
      if (msc.some((x) => x.cellsPerKg !== null || x.cellsPerInfusion !== null)) withAmount++;
      dosesRead += a.doses.length;
    }
  }
}
console.log(`the ${classicFiles.length + v2Files.length} studies: ${arms} arms; ${withAmount} with an MSC dose amount (per kg or flat), ${withMsc} with an MSC dose of any kind; ${dosesRead} doses`);

const inProcess: number[] = [];
for (let i = 0; i < runs; i++) {
  const url = `file:${path.join(dir, `p${i}.db`)}`;
  prepareDatabase(url);
  const db = openDatabase(url);
  const t = performance.now();
  const results = importFiles(db, [CLASSIC, V2], {});
  inProcess.push(performance.now() - t);
  db.close();
  if (!results.every((r) => r.ok)) throw new Error(`a study failed: ${results.find((r) => !r.ok)!.line}`);
}
console.log(`import the 60 studies into a migrated database (read, parse, validate, write, index): median ${median(inProcess).toFixed(0)} ms`);

const command: number[] = [];
for (let i = 0; i < runs; i++) {
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, `c${i}.db`)}` };
  const t = performance.now();
  execFileSync(TSX, ["scripts/import.ts", CLASSIC, V2], { env, stdio: "ignore" });
  command.push(performance.now() - t);
}
console.log(`npm run import ../shared/ctgov/classic ../shared/ctgov/v2 into a fresh database (node start, migrations, 60 studies): median ${median(command).toFixed(0)} ms`);

// Generated lists: the classic studies cycled, each renumbered, in a FullStudiesResponse envelope.
const studies = classicFiles.map((f) => fs.readFileSync(path.join(CLASSIC, f), "utf8"));
function writeList(n: number): string {
  const file = path.join(dir, `list-${n}.json`);
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, `{"FullStudiesResponse": {"NStudiesFound": ${n}, "FullStudies": [\n`);
  for (let i = 0; i < n; i++) {
    const text = studies[i % studies.length]!.replace(/"NCTId": "NCT\d{8}"/, `"NCTId": "NCT${String(70_000_000 + i)}"`);
    fs.writeSync(fd, `${i ? ",\n" : ""}{"Rank": ${i + 1}, "Study": ${text}}`);
  }
  fs.writeSync(fd, "\n]}}\n");
  fs.closeSync(fd);
  return file;
}
for (const n of [50, 500, 2000]) {
  const file = writeList(n);
  const mb = fs.statSync(file).size / 2 ** 20;
  const r = measureImportInChild(file, `file:${path.join(dir, `list-${n}.db`)}`);
  console.log(`${n} studies in one file (${mb.toFixed(1)} MB): ${r.ok} of ${r.total} imported in ${(r.ms / 1000).toFixed(1)} s; peak heap ${r.peakHeapMB.toFixed(0)} MB, peak RSS ${r.maxRssMB.toFixed(0)} MB`);
}
fs.rmSync(dir, { recursive: true, force: true });
