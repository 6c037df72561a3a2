// npm run bench:import [-- --runs 10]
// Times importing the five seed records: parse + validate (in process, pure) and the
// whole command (`npm run import` into a fresh database, migrations included). Prints
// figures; it asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareDatabase } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/sqlite";
import { importSource } from "../lib/ingest/pipeline";
import { importFiles, loadCuration, SEED_CURATION, seedFiles } from "../lib/import/run-import";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 10;
const seeds = seedFiles();
const curation = loadCuration(SEED_CURATION);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-import-"));

const parse: number[] = [];
for (let i = 0; i < runs * 10; i++) {
  const t = performance.now();
  for (const f of seeds) importSource(fs.readFileSync(f), path.basename(f), curation);
  parse.push(performance.now() - t);
}
console.log(`parse + validate the 5 seeds (pure): median ${median(parse).toFixed(2)} ms`);

const write: number[] = [];
for (let i = 0; i < runs; i++) {
  const url = `file:${path.join(dir, `w${i}.db`)}`;
  prepareDatabase(url);
  const db = openDatabase(url);
  const t = performance.now();
  const results = importFiles(db, seeds, curation);
  write.push(performance.now() - t);
  db.close();
  if (!results.every((r) => r.ok)) throw new Error("a seed failed to import");
}
console.log(`import the 5 seeds into a migrated database (parse, validate, write, index): median ${median(write).toFixed(1)} ms`);

const command: number[] = [];
for (let i = 0; i < Math.min(runs, 5); i++) {
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, `c${i}.db`)}` };
  const t = performance.now();
  execFileSync(path.join("node_modules", ".bin", "tsx"), ["scripts/import.ts"], { env, stdio: "ignore" });
  command.push(performance.now() - t);
}
console.log(`npm run import into a fresh database (node start, migrations, 5 seeds): median ${median(command).toFixed(0)} ms`);
fs.rmSync(dir, { recursive: true, force: true });
