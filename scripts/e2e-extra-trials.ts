// Records the browser tests add to the e2e database (DATABASE_URL) for one spec and remove
// again, so the specs that count the seeds' trials and arms see only the seeds:
//   tsx scripts/e2e-extra-trials.ts add FILE…         imports the FILEs (records, JSON or XML)
//   tsx scripts/e2e-extra-trials.ts remove ID…        deletes those trials (children, keys and groups cascade)
// Run by tests/e2e/dose-range.spec.ts (support/range-trial.json) and trial-links.spec.ts (support/linked-trials.xml).
import { importFiles, loadCuration } from "../lib/import/run-import";
import { unindexTrial } from "../lib/db/search-index";
import { openDatabase } from "../lib/db/sqlite";

const [action, ...args] = process.argv.slice(2);
const db = openDatabase();
try {
  if (action === "add" && args.length > 0) {
    const failed = importFiles(db, args, loadCuration(null)).filter((r) => !r.ok);
    if (failed.length) throw new Error(failed.map((r) => r.line).join("\n"));
  } else if (action === "remove" && args.length > 0) {
    db.pragma("foreign_keys = ON");
    db.transaction(() => {
      for (const id of args) {
        unindexTrial(db, id);
        db.prepare("DELETE FROM Trial WHERE id = ?").run(id);
      }
    })();
  } else {
    throw new Error(`usage: tsx scripts/e2e-extra-trials.ts add FILE… | remove ID… (got ${[action, ...args].join(" ") || "nothing"})`);
  }
} finally {
  db.close();
}
