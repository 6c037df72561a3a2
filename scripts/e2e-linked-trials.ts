// The browser tests' trial registered twice (tests/e2e/support/linked-trials.xml: an NCT and a
// ChiCTR record naming each other): `add` imports both into the e2e database (DATABASE_URL),
// `remove` deletes them again, so the specs that count the seeds' trials see only the seeds.
// Run by tests/e2e/trial-links.spec.ts.
import { importFiles, loadCuration } from "../lib/import/run-import";
import { unindexTrial } from "../lib/db/search-index";
import { openDatabase } from "../lib/db/sqlite";

const IDS = ["NCT09210021", "ChiCTR2100099001"];
const FILE = "tests/e2e/support/linked-trials.xml";

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
      for (const id of IDS) {
        unindexTrial(db, id);
        db.prepare("DELETE FROM Trial WHERE id = ?").run(id); // children, keys and group rows cascade
      }
    })();
  } else {
    throw new Error(`usage: tsx scripts/e2e-linked-trials.ts add|remove (got ${action ?? "nothing"})`);
  }
} finally {
  db.close();
}
