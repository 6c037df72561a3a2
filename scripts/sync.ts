// npm run sync -- --query "mesenchymal liver" [--cond …] [--intr …] [--since 2024-01-01] [--base-url URL]
import { databaseUrl } from "../lib/db/url";
import { openWriter, type OpenedWriter } from "../lib/db/writer";
import { isPostgresUrl, redactUrl } from "../lib/db/postgres/url";
import { syncStudies, SyncError } from "../lib/import/sync";

const USAGE = `Usage: npm run sync -- --query "mesenchymal liver" [--cond WORDS] [--intr WORDS] [--since YYYY-MM-DD] [--base-url URL]
Fetches the matching studies from the ClinicalTrials.gov API v2 (GET /api/v2/studies, 100 a
page) and imports each into the database at DATABASE_URL (now ${isPostgresUrl(process.env.DATABASE_URL ?? "") ? redactUrl(process.env.DATABASE_URL!.trim()) : databaseUrl()}), in its own
transaction. --since keeps the studies whose last update was posted on or after that day;
--base-url points at a mirror (default https://clinicaltrials.gov). Run it again at any time:
studies are replaced under their NCT ids, never duplicated.`;

function fail(message: string): never {
  console.error(`sync: ${message}`);
  console.error(USAGE);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}
const values: Record<string, string> = {};
const NAMES = ["--query", "--cond", "--intr", "--since", "--base-url"];
for (let i = 0; i < args.length; i++) {
  const name = args[i]!;
  if (!NAMES.includes(name)) fail(`unknown argument "${name}"`);
  const value = args[++i];
  if (value === undefined || value.startsWith("--")) fail(`${name} needs a value`);
  values[name] = value;
}
const since = values["--since"];
if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)))) {
  fail(`--since "${since}" is not a date written YYYY-MM-DD`);
}
const baseUrl = values["--base-url"] ?? "https://clinicaltrials.gov";
try {
  if (!/^https?:$/.test(new URL(baseUrl).protocol)) throw new Error();
} catch {
  fail(`--base-url "${baseUrl}" is not an http(s) URL`);
}
if (!values["--query"] && !values["--cond"] && !values["--intr"]) fail("give --query (or --cond / --intr)");

const started = performance.now();
let writer: OpenedWriter;
try {
  writer = await openWriter();
} catch (e) {
  console.error(`sync: ${(e as Error).message}`);
  process.exit(1);
}
try {
  const s = await syncStudies(writer.target, {
    baseUrl, term: values["--query"], cond: values["--cond"], intr: values["--intr"], since,
    log: (line, ok) => (ok ? console.log(line) : console.error(line)),
  });
  const ms = Math.round(performance.now() - started);
  console.log(`${s.imported} of ${s.fetched} studies imported (${s.total ?? "?"} match), ${s.failed} failed, ${s.pages} pages, in ${ms} ms (database: ${writer.where})`);
  if (s.error) console.error(`sync stopped: ${s.error}; the studies before it are imported, run it again to go on`);
  process.exitCode = s.error || s.failed ? 1 : 0;
} catch (e) {
  if (!(e instanceof SyncError)) throw e;
  console.error(`sync: ${e.message}`);
  process.exitCode = 1;
} finally {
  await writer.close();
}
