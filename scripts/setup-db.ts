// Run by `npm start` and `npm run dev`: migrate the database (SQLite or PostgreSQL, by
// DATABASE_URL) and load the seeds if it is empty.
import { importFilesAsync, loadCuration, SEED_CURATION, seedFiles } from "../lib/import/run-import";
import { openWriter } from "../lib/db/writer";

try {
  const writer = await openWriter();
  try {
    const n = await writer.trialCount();
    if (n === 0) {
      const results = await importFilesAsync(writer.target, seedFiles(), loadCuration(SEED_CURATION));
      for (const r of results) if (!r.ok) console.error(`✗ ${r.line}`);
      console.log(`Empty database: imported ${results.filter((r) => r.ok).length} seed trials into ${writer.where}`);
    } else {
      console.log(`Database ${writer.where}: ${n} trials`);
    }
  } finally {
    await writer.close();
  }
} catch (e) {
  console.error(`setup: ${(e as Error).message}`);
  process.exit(1);
}
