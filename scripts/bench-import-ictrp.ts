// npm run bench:import-ictrp [-- --runs 3]
// Imports the 578-record WHO ICTRP COVID-19 export (../shared/ictrp, read in place) into a
// fresh migrated database, each run in a child process: records imported, time, peak heap
// (sampled after each record) and max RSS. Then the same for a file of that export's records
// repeated 4× (2,312 records, renumbered) to show memory does not follow the file's size.
// Prints figures; asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureImportInChild, type ChildImport } from "./import-child";

const TSX = path.join("node_modules", ".bin", "tsx");
const COVID = path.resolve("../shared/ictrp/ICTRP-Results_18Mar2020_COVID-19.xml");

if (!fs.existsSync(COVID)) {
  console.log("bench:import-ictrp: ../shared/ictrp is missing; nothing to measure.");
  process.exit(0);
}
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ictrp-"));

// 4× the export: the records repeated, each copy's TrialIDs suffixed so they are distinct trials.
const text = fs.readFileSync(COVID, "utf8");
const open = text.indexOf("<Trial>");
const close = text.lastIndexOf("</Trial>") + "</Trial>".length;
const body = text.slice(open, close);
const big = path.join(dir, "covid-x4.xml");
fs.writeFileSync(big, `${text.slice(0, open)}${[0, 1, 2, 3].map((k) => body.replace(/<TrialID>([^<]+)<\/TrialID>/g, (_m, id: string) => `<TrialID>${id}${k ? `-R${k}` : ""}</TrialID>`)).join("\n")}${text.slice(close)}`);

function measure(file: string): ChildImport[] {
  const out: ChildImport[] = [];
  for (let i = 0; i < runs; i++) {
    const url = `file:${path.join(dir, `run-${path.basename(file)}-${i}.db`)}`;
    out.push(measureImportInChild(file, url));
  }
  return out;
}
for (const [label, file] of [["the COVID-19 export (578 records, 2.9 MB)", COVID], [`4× the export (${(fs.statSync(big).size / 2 ** 20).toFixed(1)} MB)`, big]] as const) {
  const rs = measure(file);
  console.log(`${label}: ${rs[0]!.ok}/${rs[0]!.total} imported; median of ${runs}: ${(median(rs.map((r) => r.ms)) / 1000).toFixed(2)} s, ` +
    `peak heap ${median(rs.map((r) => r.peakHeapMB)).toFixed(0)} MB, max RSS ${median(rs.map((r) => r.maxRssMB)).toFixed(0)} MB`);
}
// The whole command, node start and migrations included.
const url = `file:${path.join(dir, "cli.db")}`;
const t = performance.now();
execFileSync(TSX, ["scripts/import.ts", "--curation", "none", COVID], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
console.log(`npm run import of the export, as a whole: ${((performance.now() - t) / 1000).toFixed(2)} s`);
fs.rmSync(dir, { recursive: true, force: true });
