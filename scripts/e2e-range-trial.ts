// The browser tests' record of doses stated as ranges (tests/e2e/support/range-trial.json):
// `add` imports it into the e2e database (DATABASE_URL), `remove` deletes it again, so the
// specs that count the seeds' trials and arms see only the seeds. Run by tests/e2e/dose-range.spec.ts.
import { importFiles, loadCuration } from "../lib/import/run-import";
import { unindexTrial } from "../lib/db/search-index";
import { openDatabase } from "../lib/db/sqlite";

const RANGE_TRIAL_ID = "NCT09170017";
const FILE = "tests/e2e/support/range-trial.json";

const action = process.argv[2];
const db = openDatabase();
try {
  if (action === "add") {
    const results = importFiles(db, [FILE], loadCuration(null));
    const failed = results.filter((r) => !r.ok);
    if (failed.length) throw new Error(failed.map((r) => r.line).join("\n"));
  } else if (action === "remove") {
    db.pragma("foreign_keys = ON");
    db.transaction(() => {
      unindexTrial(db, RANGE_TRIAL_ID);
      db.prepare("DELETE FROM Trial WHERE id = ?").run(RANGE_TRIAL_ID); // children cascade
    })();
  } else {
    throw new Error(`usage: tsx scripts/e2e-range-trial.ts add|remove (got ${action ?? "nothing"})`);
  }
} finally {
  db.close();
}
