// npm run bench:import-xml [-- --studies 3000]
// Streams zip archives of ClinicalTrials.gov clinical_study XML (the 32 real files of
// ../shared/ctgov/xml, renumbered and repeated) through `importFiles` in child processes,
// each into a fresh migrated database, and prints each one's time and peak memory: memory
// must not grow with the number of studies (one entry is inflated and held at a time).
// Also prints the arms and doses read from the four MSC records. Asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { prepareDatabase } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/sqlite";
import { importFiles } from "../lib/import/run-import";
import { importSource } from "../lib/ingest/pipeline";

const TSX = path.join("node_modules", ".bin", "tsx");
const XML = path.resolve("../shared/ctgov/xml");

// Child mode: import one zip into a fresh database, print time and peak memory.
if (process.argv[2] === "--child") {
  const [file, url] = [process.argv[3]!, process.argv[4]!];
  prepareDatabase(url);
  const db = openDatabase(url);
  let peakHeap = 0;
  let liveHeap = 0; // after a full collection every 100 studies: what the import holds on to
  let n = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  const t = performance.now();
  const results = importFiles(db, [file], {}, {
    onResult: () => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (gc && ++n % 100 === 0) {
        gc();
        liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
      }
    },
  });
  const ms = performance.now() - t;
  db.close();
  const ok = results.filter((r) => r.ok).length;
  console.log(JSON.stringify({ ok, total: results.length, ms, peakHeapMB: peakHeap / 2 ** 20, liveHeapMB: liveHeap / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

if (!fs.existsSync(XML)) {
  console.log("bench:import-xml: ../shared/ctgov/xml is missing; nothing to measure.");
  process.exit(0);
}
const arg = process.argv.indexOf("--studies");
const target = arg > 0 ? Number(process.argv[arg + 1]) : 3000;
const files = fs.readdirSync(XML).filter((f) => f.endsWith(".xml")).sort();
const texts = files.map((f) => fs.readFileSync(path.join(XML, f), "utf8"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-xml-"));

for (const id of ["NCT00003877", "NCT00498316", "NCT00001391", "NCT00001851"]) {
  const r = importSource(fs.readFileSync(path.join(XML, `${id}.xml`)), `${id}.xml`).record;
  const doses = r.arms.flatMap((a) => a.doses.map((d) => `${a.label}: ${d.text}`));
  console.log(`${id} (MSC): cell source ${r.cellSource ?? "—"}, ${r.arms.length} arms [${r.arms.map((a) => a.label).join("; ")}], ${doses.length} doses${doses.length ? ` [${doses.join("; ")}]` : ""}`);
}

/** A zip of `n` studies: the real files in turn, each copy under its own NCT id and file name. */
function zipOf(n: number): { file: string; bytes: number; rawBytes: number } {
  const entries: Record<string, Uint8Array> = {};
  let rawBytes = 0;
  for (let i = 0; i < n; i++) {
    const id = `NCT9${String(i).padStart(7, "0")}`;
    const text = texts[i % texts.length]!.replace(/<nct_id>NCT\d{8}<\/nct_id>/, `<nct_id>${id}</nct_id>`);
    const bytes = Buffer.from(text);
    rawBytes += bytes.length;
    entries[`AllPublicXML/${id.slice(0, 7)}xxxx/${id}.xml`] = bytes;
  }
  const file = path.join(dir, `studies-${n}.zip`);
  fs.writeFileSync(file, zipSync(entries));
  return { file, bytes: fs.statSync(file).size, rawBytes };
}

const sizes = [...new Set([Math.round(target / 30), Math.round(target / 6), target])];
console.log(`zips of the ${files.length} real clinical_study files, renumbered and repeated, each imported by a child process into a fresh database:`);
for (const n of sizes) {
  const zip = zipOf(n);
  const url = `file:${path.join(dir, `z${n}.db`)}`;
  // --expose-gc: the child also measures the heap after a full collection (the memory the import keeps).
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim() };
  const out = execFileSync(TSX, ["scripts/bench-import-xml.ts", "--child", zip.file, url], { encoding: "utf8", env });
  const r = JSON.parse(out.trim().split("\n").pop()!);
  console.log(
    `  ${String(n).padStart(5)} studies (zip ${(zip.bytes / 2 ** 20).toFixed(1)} MB, ${(zip.rawBytes / 2 ** 20).toFixed(1)} MB of XML): ` +
    `${r.ok}/${r.total} imported in ${(r.ms / 1000).toFixed(1)} s (${(r.ms / n).toFixed(1)} ms a study); peak heap ${r.peakHeapMB.toFixed(0)} MB, live heap after GC ${r.liveHeapMB.toFixed(0)} MB, peak RSS ${r.maxRssMB.toFixed(0)} MB`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
