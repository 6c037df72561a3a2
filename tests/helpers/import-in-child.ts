// A child process for tests that measure the importer's memory: imports the files given
// after the database URL, then prints one JSON line { lines, maxRssMB, heapUsedMB }.
// Run with `node --max-old-space-size=N --import tsx tests/helpers/import-in-child.ts URL FILE…`.
import { prepareDatabase } from "../../lib/db/migrate";
import { openDatabase } from "../../lib/db/sqlite";
import { importFiles } from "../../lib/import/run-import";

const [url, ...files] = process.argv.slice(2);
prepareDatabase(url);
const db = openDatabase(url);
const results = importFiles(db, files, {});
db.close();
console.log(JSON.stringify({
  lines: results.map((r) => `${r.ok ? "✓" : "✗"} ${r.line}`),
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024,
}));
