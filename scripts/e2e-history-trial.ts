// The browser tests' trial with two versions (tests/e2e/history.spec.ts): `add` imports the
// real record NCT03945487 of ../shared/ctgov/classic into the e2e database (DATABASE_URL),
// then its amended copy (tests/helpers/edited-copy.ts: status, enrollment, dose and schedule,
// one criterion), so the trial has versions 1 and 2; `remove` deletes the trial and its
// versions again, so the specs that count the seeds' trials see only the seeds. Deleting
// versions is this test fixture's only, never the app's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { unindexTrial } from "../lib/db/search-index";
import { openDatabase } from "../lib/db/sqlite";
import { importFiles } from "../lib/import/run-import";
import { EDITED_ID, editedCopy, originalText } from "../tests/helpers/edited-copy";

const action = process.argv[2];
const db = openDatabase();
try {
  if (action === "add") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-e2e-history-"));
    const file = path.join(dir, `${EDITED_ID}.json`);
    for (const text of [originalText(), editedCopy(originalText())]) {
      fs.writeFileSync(file, text);
      const failed = importFiles(db, [file], {}).filter((r) => !r.ok);
      if (failed.length) throw new Error(failed.map((r) => r.line).join("\n"));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  } else if (action === "remove") {
    db.pragma("foreign_keys = ON");
    db.transaction(() => {
      unindexTrial(db, EDITED_ID);
      db.prepare("DELETE FROM Trial WHERE id = ?").run(EDITED_ID); // children cascade
      db.prepare("DELETE FROM TrialVersion WHERE trialId = ?").run(EDITED_ID);
    })();
  } else {
    throw new Error(`usage: tsx scripts/e2e-history-trial.ts add|remove (got ${action ?? "nothing"})`);
  }
} finally {
  db.close();
}
