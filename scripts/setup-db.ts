// Run by `npm start` and `npm run dev`: migrate the database and load the seeds if it is empty.
import { importFiles, loadCuration, SEED_CURATION, seedFiles } from "../lib/import/run-import";
import { prepareDatabase } from "../lib/db/migrate";
import { readTrialCount } from "../lib/db/search-reads";
import { openDatabase } from "../lib/db/sqlite";
import { databaseUrl } from "../lib/db/url";

try {
  prepareDatabase();
  const db = openDatabase();
  const n = readTrialCount(db);
  if (n === 0) {
    const results = importFiles(db, seedFiles(), loadCuration(SEED_CURATION));
    for (const r of results) if (!r.ok) console.error(`✗ ${r.line}`);
    console.log(`Empty database: imported ${results.filter((r) => r.ok).length} seed trials into ${databaseUrl()}`);
  } else {
    console.log(`Database ${databaseUrl()}: ${n} trials`);
  }
  db.close();
} catch (e) {
  console.error(`setup: ${(e as Error).message}`);
  process.exit(1);
}
