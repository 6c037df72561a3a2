// npm run --silent export [-- --format json|fhir]: every trial on stdout, as one JSON array
// in the record contract (json, the default) or as a FHIR R4 Bundle of ResearchStudy
// resources (fhir). Errors are one line on stderr (never a stack or a source path): a bad
// argument exits 2, a database problem 1.
import { getAllTrials } from "../lib/data/records";
import { assertIntact, DatabaseError, openDatabaseReadOnly } from "../lib/db/sqlite";
import { engineOf } from "../lib/db/store";
import { shownDatabaseUrl } from "../lib/db/url";
import { endPostgresPools } from "../lib/db/postgres/pool";
import { toFhirBundle } from "../lib/fhir/bundle";

const FORMATS = ["json", "fhir"] as const;
type Format = (typeof FORMATS)[number];

function usageError(message: string): never {
  console.error(`export: ${message}`);
  process.exit(2);
}

function readFormat(args: string[]): Format {
  let format: string = "json";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg === "--format" ? args[++i] : arg.slice("--format=".length);
      if (!value) usageError(`--format needs a value: one of ${FORMATS.join(", ")}`);
      format = value;
    } else {
      usageError(`unknown argument "${arg}"; usage: npm run --silent export -- [--format ${FORMATS.join("|")}]`);
    }
  }
  if (!(FORMATS as readonly string[]).includes(format)) {
    usageError(`--format "${format}" is not one of ${FORMATS.join(", ")}`);
  }
  return format as Format;
}

const format = readFormat(process.argv.slice(2));
try {
  // SQLite: the file must exist and be intact before anything is read (PostgreSQL checks its own pages).
  if (engineOf() === "sqlite") {
    const db = openDatabaseReadOnly();
    try {
      assertIntact(db, shownDatabaseUrl());
    } finally {
      db.close();
    }
  }
  const trials = await getAllTrials();
  await endPostgresPools();
  const out = format === "fhir" ? toFhirBundle(trials, new Date()) : trials;
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} catch (e) {
  console.error(`export: ${DatabaseError.from(e, shownDatabaseUrl()).message}`);
  process.exit(1);
}
