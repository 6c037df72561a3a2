/**
 * Writes the records the importer makes of the seeds and of the real ClinicalTrials.gov
 * studies in ../shared/ctgov/{classic,v2,msc-other,xml} (read in place) as JSON, one file per
 * source, into a folder: run it before and after a change to the importer and `diff -r`
 * the two folders to see every record that changed. `npx tsx scripts/snapshot-records.ts OUTDIR [SOURCE…]`.
 * A failure is written too (`{ "error": … }`), so a record that starts or stops failing shows.
 */
import fs from "node:fs";
import path from "node:path";
import { ImportError } from "../lib/ingest/errors";
import { importSource, importStudyText } from "../lib/ingest/pipeline";
import { expandPaths, loadCuration, SEED_CURATION, SEED_DIR } from "../lib/import/run-import";
import { readJsonStudies } from "../lib/import/json-studies";

const [outDir, ...given] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: tsx scripts/snapshot-records.ts OUTDIR [FILE|FOLDER…]");
  process.exit(2);
}
const sources = given.length ? given : [SEED_DIR, "../shared/ctgov/classic", "../shared/ctgov/v2", "../shared/ctgov/msc-other", "../shared/ctgov/xml"];
const curation = loadCuration(SEED_CURATION);
fs.mkdirSync(outDir, { recursive: true });

const attempt = (run: () => ReturnType<typeof importSource>) => {
  try {
    const r = run();
    return { record: r.record, evidence: r.evidence, warnings: r.warnings, endsMidWord: r.endsMidWord };
  } catch (e) {
    return { error: e instanceof ImportError ? e.format() : String(e) };
  }
};

let files = 0;
let records = 0;
let failed = 0;
for (const source of sources) {
  const folder = path.basename(path.resolve(source));
  for (const filePath of expandPaths([source])) {
    const file = path.basename(filePath);
    const out: unknown[] = [];
    if (/\.json$/i.test(file)) {
      for (const piece of readJsonStudies(filePath, 2 * 1024 * 1024)) {
        out.push(piece.kind === "error" ? { error: piece.message } : attempt(() => importStudyText(piece.text, file, curation)));
      }
    } else {
      out.push(attempt(() => importSource(fs.readFileSync(filePath), file, curation)));
    }
    files++;
    records += out.length;
    failed += out.filter((o) => (o as { error?: string }).error).length;
    fs.mkdirSync(path.join(outDir, folder), { recursive: true });
    fs.writeFileSync(path.join(outDir, folder, `${file}.json`), `${JSON.stringify(out.length === 1 ? out[0] : out, null, 1)}\n`);
  }
}
console.log(`snapshot: ${files} files, ${records} records (${failed} failed) → ${outDir}`);
