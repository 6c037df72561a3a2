// npm run --silent export: every trial as one JSON array in the record contract, on stdout.
// Errors are one line on stderr (never a stack or a source path) and exit 1.
import { getAllTrials } from "../lib/db/trials";
import { assertIntact, DatabaseError, openDatabaseReadOnly } from "../lib/db/sqlite";
import { databaseUrl } from "../lib/db/url";

try {
  const db = openDatabaseReadOnly();
  try {
    assertIntact(db, databaseUrl());
  } finally {
    db.close();
  }
  const trials = await getAllTrials();
  process.stdout.write(`${JSON.stringify(trials, null, 2)}\n`);
} catch (e) {
  console.error(`export: ${DatabaseError.from(e, databaseUrl()).message}`);
  process.exit(1);
}
