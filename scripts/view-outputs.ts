/**
 * Every heavy view's answer on a database, one file each, to diff two versions of the code
 * (or two databases) byte for byte: GET /api/landscape (JSON and CSV), /api/landscape/chart
 * and the /landscape page's data for five landscape queries; GET /api/screen and the list's
 * screen (pages 1 and 2, possible only on 2) for four patients. Run in process (the view
 * jobs of lib/data/view-jobs.ts, as a view worker runs them).
 *
 *   DATABASE_URL=file:./data/x.db npx tsx scripts/view-outputs.ts OUT_DIR
 *   diff -r OUT_BEFORE OUT_AFTER
 */
import fs from "node:fs";
import path from "node:path";
import { runViewJob, type BytesAnswer } from "../lib/data/view-jobs";
import { parsePatient } from "../lib/screen/params";
import { parseSearchParams } from "../lib/search/params";

const out = process.argv[2];
if (!out) throw new Error("usage: npx tsx scripts/view-outputs.ts OUT_DIR (DATABASE_URL names the database)");
fs.mkdirSync(out, { recursive: true });
const PATIENTS = ["tbil=15&tbil_unit=mg/dL&inr=1.8&meld=26&age=58", "tbil=100&creatinine=1.4&creatinine_unit=mg/dL&age=30", "age=90", "inr=2.5&pta=30"];
const LANDSCAPES = ["", "y=cumulative&colour=status", "weight=60&colour=registry", "q=liver&colour=source", "route=PERIPHERAL_VEIN&dosing=REPEATED_INFUSIONS"];
const decoder = new TextDecoder();
const write = (name: string, v: unknown) => {
  const a = v as Partial<BytesAnswer>;
  const text = a.body instanceof Uint8Array ? `${a.status} ${JSON.stringify(a.headers)}\n${decoder.decode(a.body)}`
    : JSON.stringify(v, (_k, x) => (x instanceof Map ? [...x] : x));
  fs.writeFileSync(path.join(out, name.replace(/[^\w=&.-]+/g, "_")), text);
};
for (const q of LANDSCAPES) {
  const query = [...new URLSearchParams(q)];
  write(`landscape-api ${q}`, await runViewJob({ kind: "landscape-api", query }));
  write(`landscape-csv ${q}`, await runViewJob({ kind: "landscape-api", query: [...query, ["format", "csv"]] }));
  write(`landscape-chart ${q}`, await runViewJob({ kind: "landscape-chart", query }));
  write(`landscape-page ${q}`, await runViewJob({ kind: "landscape-page", sp: Object.fromEntries(query) }));
}
for (const p of PATIENTS) {
  write(`screen-api ${p}`, await runViewJob({ kind: "screen-api", query: [...new URLSearchParams(p)] }));
  const parsed = parsePatient((k) => new URLSearchParams(p).get(k));
  if (!parsed.ok) throw new Error(parsed.message);
  for (const page of [1, 2]) {
    const q = parseSearchParams(new URLSearchParams(`page=${page}`)).query;
    write(`screen-search ${p} ${page}`, await runViewJob({ kind: "screen-search", q, patient: parsed.patient, onlyPossible: page === 2 }));
  }
}
console.log(`${fs.readdirSync(out).length} answers in ${out}`);
