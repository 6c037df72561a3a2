/**
 * The heavy views' own work, in process, on a registry database (npm run bench:views): the
 * landscape's and the screen's reads of every trial, from the view rows (lib/db/view-reads.ts,
 * lib/db/trial-views.ts) and, for comparison, from the trials' rows as before; the screen of
 * every trial for one patient (lib/screen) on trials read afresh and on trials kept; its
 * answer as JSON; the landscape shaped. Three rounds, the steps taking turns, so that the
 * load of a shared machine falls on each kind alike; prints the figures (ms). No assertions.
 *
 *   npx tsx scripts/bench-views.ts [--db data/bench-heavy.db]   # a registry bench:heavy made
 *   npx tsx scripts/bench-views.ts --upgrade-from old.db --db copy.db
 *       # copies a database made by an older version to --db, prepares it (migrations, the
 *       # view rows of every trial: lib/db/trial-views.ts) and prints how long that took
 */
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase } from "../lib/db/migrate";
import { liveLandscapeTrials, liveScreenTrials } from "../lib/db/trial-views";
import { readAllIds, readLandscapeTrials, readScreenTrials } from "../lib/db/view-reads";
import { shapeLandscape, type ShapeOptions } from "../lib/landscape/shape";
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

const ids = readAllIds(db);
const all = <T>(read: (db: Database.Database, ids: string[]) => T[]) => db.transaction(() => inChunks(ids, read))();
console.log(`bench:views — ${file}, ${ids.length} trials (each step 3 times, the kinds of read taking turns)`);
const o: ShapeOptions = { weightKg: 60, y: "infusions", colour: "route", filters: { route: [], source: [], origin: [], dosing: [] }, summary: false };
const rows: Record<string, number[]> = {};
const timed = <T>(label: string, f: () => T): T => {
  const t0 = performance.now();
  const v = f();
  (rows[label] ??= []).push(performance.now() - t0);
  return v;
};
for (let round = 0; round < 3; round++) {
  // The former read: every trial's rows (Trial, Arm, Dose; Trial, Criterion, Threshold) decoded per request.
  timed("landscape: the rows read live (the former read)", () => all(liveLandscapeTrials));
  // The first round decodes each view row; later rounds find them decoded (a row an import did not change).
  const landscape = timed("landscape: the view rows (1st: decoded; then kept)", () => all(readLandscapeTrials));
  timed("landscape shaped (60 kg, infusions, route)", () => shapeLandscape(landscape, o));
  const live = timed("screen: the rows read live (the former read)", () => all(liveScreenTrials));
  timed("screen of fresh trials (each prepared first)", () => screenTrials(live, patient));
  const screen = timed("screen: the view rows (1st: decoded; then kept)", () => all(readScreenTrials));
  const screens = timed("screen of kept trials (prepared before)", () => screenTrials(screen, patient));
  timed("the screen's answer as JSON bytes", () => new TextEncoder().encode(JSON.stringify(screenAnswerOf(screens, patient))).length);
}
for (const [label, ms] of Object.entries(rows)) console.log(`  ${label.padEnd(52)} ${ms.map((x) => `${Math.round(x)}`.padStart(6)).join(" ")} ms`);
console.log(`  (${PATIENT}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(", ")})`);
db.close();
