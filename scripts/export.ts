// npm run --silent export: every trial as one JSON array in the record contract, on stdout.
import fs from "node:fs";
import { getAllTrials } from "../lib/db/trials";
import { databasePath, databaseUrl } from "../lib/db/url";

if (!fs.existsSync(databasePath())) {
  console.error(`export: no database at ${databaseUrl()}; run \`npm run import\` first`);
  process.exit(1);
}
try {
  const trials = await getAllTrials();
  process.stdout.write(`${JSON.stringify(trials, null, 2)}\n`);
} catch (e) {
  console.error(`export: ${(e as Error).message}`);
  process.exit(1);
}
