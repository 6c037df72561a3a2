/**
 * The heavy views' own work, in process, on a registry database (npm run bench:views): the
 * landscape's and the screen's reads of every trial (lib/db/view-reads.ts), the screen of
 * every trial for one patient (lib/screen), its answer as JSON, and the landscape shaped.
 * Each step timed alone, three times; prints the figures (ms). No assertions.
 *
 *   npx tsx scripts/bench-views.ts [--db data/bench-heavy.db]   # a registry bench:heavy made
 *   npx tsx scripts/bench-views.ts --upgrade-from old.db --db copy.db
 *       # copies a database made by an older version to --db, prepares it (migrations, the
 *       # view rows of every trial: lib/db/trial-views.ts) and prints how long that took
 */
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase } from "../lib/db/migrate";
import { readAllIds, readLandscapeTrials, readScreenTrials } from "../lib/db/view-reads";
import { shapeLandscape } from "../lib/landscape/shape";
import { screenTrials } from "../lib/screen";
import { screenAnswerOf } from "../lib/screen/api";
import { parsePatient } from "../lib/screen/params";

const args = process.argv.slice(2);
const i = args.indexOf("--db");
const file = path.resolve(i >= 0 ? args[i + 1]! : "data/bench-heavy.db");
const u = args.indexOf("--upgrade-from");
if (u >= 0) {
  const old = new Database(path.resolve(args[u + 1]!), { readonly: true, fileMustExist: true });
  await old.backup(file);
  old.close();
  const t0 = performance.now();
  prepareDatabase(`file:${file}`);
  console.log(`upgraded a copy of ${args[u + 1]} at ${file} (migrations and view rows) in ${Math.round(performance.now() - t0)} ms`);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const PATIENT = "tbil=15&tbil_unit=mg/dL&inr=1.8&meld=26&age=58";
const parsed = parsePatient((k) => new URLSearchParams(PATIENT).get(k));
if (!parsed.ok) throw new Error(parsed.message);
const patient = parsed.patient;

const CHUNK = 50;
const inChunks = <T>(ids: string[], read: (db: Database.Database, ids: string[]) => T[]) => {
  const out: T[] = [];
  for (let k = 0; k < ids.length; k += CHUNK) out.push(...read(db, ids.slice(k, k + CHUNK)));
  return out;
};
const time = <T>(label: string, f: () => T): T => {
  const ms: number[] = [];
  let v!: T;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    v = f();
    ms.push(performance.now() - t0);
  }
  console.log(`  ${label.padEnd(44)} ${ms.map((x) => `${Math.round(x)}`.padStart(5)).join(" ")} ms`);
  return v;
};

const ids = readAllIds(db);
console.log(`bench:views — ${file}, ${ids.length} trials (each step 3 times)`);
const landscape = time("readLandscapeTrials (every trial)", () => db.transaction(() => inChunks(ids, readLandscapeTrials))());
time("shapeLandscape (60 kg, infusions, route)", () => shapeLandscape(landscape, { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] }, summary: false }));
const screen = time("readScreenTrials (every trial)", () => db.transaction(() => inChunks(ids, readScreenTrials))());
const screens = time(`screenTrials (${PATIENT})`, () => screenTrials(screen, patient));
time("screenTrials again (same trials)", () => screenTrials(screen, patient));
time("the screen's answer as JSON", () => JSON.stringify(screenAnswerOf(screens, patient)).length);
db.close();
