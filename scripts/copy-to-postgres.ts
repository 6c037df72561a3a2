/**
 * Copies a registry's SQLite database into an empty PostgreSQL database, table by table
 * (many rows a statement, one transaction): the same rows, PostgreSQL's booleans for
 * SQLite's 0/1, the serial keys kept (and their sequences moved past them), each trial's
 * full-text row computed from its record as the importer does (lib/db/postgres/fts.ts).
 * For the benchmarks (50,000 synthetic trials are written in seconds, where importing them
 * one transaction each would take many minutes), and for moving a registry to PostgreSQL.
 *
 *   DATABASE_URL=postgresql://… npx tsx scripts/copy-to-postgres.ts data/registry.db
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { migratePostgres } from "../lib/db/postgres/migrate";
import { postgresClient } from "../lib/db/postgres/pool";
import { searchVector } from "../lib/db/postgres/fts";
import { rowToRecord } from "../lib/db/trial-rows";
import { readTrialRows } from "../lib/db/view-reads";

// Parents before children (foreign keys).
const TABLES = ["Trial", "TrialPhase", "Condition", "OtherId", "Arm", "Dose", "Criterion", "Outcome", "Contact", "Location", "Reference",
  "Stage", "StageGroup", "FieldEvidence", "Threshold", "TrialVersion", "RegistryKey", "TrialGroup", "TrialView"];
const SERIALS: [string, string][] = [["Arm", "id"], ["Stage", "id"]];

export async function copySqliteToPostgres(sqliteFile: string, url: string, log: (line: string) => void = () => {}): Promise<number> {
  await migratePostgres(url);
  const lite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const pg = postgresClient(url);
  await pg.connect();
  try {
    const { rows: [{ n }] } = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Trial"`) as unknown as { rows: [{ n: number }] };
    if (n > 0) throw new Error(`${url.replace(/:[^:@/]*@/, ":***@")}: the PostgreSQL database already holds ${n} trials; copy into an empty one`);
    await pg.query("BEGIN");
    for (const table of TABLES) {
      const cols = (lite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      const booleans = new Set((await pg.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 AND data_type = 'boolean'`, [table])).rows.map((r) => r.c));
      const per = Math.floor(30000 / cols.length);
      let batch: unknown[][] = [];
      let count = 0;
      const flush = async () => {
        if (!batch.length) return;
        const values = batch.map((_, r) => `(${cols.map((__, c) => `$${r * cols.length + c + 1}`).join(", ")})`).join(", ");
        await pg.query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES ${values}`, batch.flat());
        count += batch.length;
        batch = [];
      };
      for (const row of lite.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(row.map((v, i) => (booleans.has(cols[i]!) && v !== null ? v === 1 : v)));
        if (batch.length >= per) await flush();
      }
      await flush();
      log(`  ${table}: ${count} rows`);
    }
    for (const [table, col] of SERIALS) {
      await pg.query(`SELECT setval(pg_get_serial_sequence('"${table}"', '${col}'), coalesce((SELECT max("${col}") FROM "${table}"), 0) + 1, false)`);
    }
    // Each trial's full-text row, from its record (as the importer writes it).
    const ids = lite.prepare("SELECT id FROM Trial ORDER BY rowid").pluck().all() as string[];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = readTrialRows(lite, ids.slice(i, i + 500));
      const values = rows.map((_, r) => `($${2 * r + 1}, $${2 * r + 2}::tsvector)`).join(", ");
      await pg.query(`INSERT INTO trial_fts (trial_id, document) VALUES ${values}`, rows.flatMap((row) => [row.id, searchVector(rowToRecord(row))]));
    }
    log(`  trial_fts: ${ids.length} rows`);
    await pg.query(`UPDATE registry_version SET n = n + 1`);
    await pg.query("COMMIT");
    await pg.query("ANALYZE");
    return ids.length;
  } catch (e) {
    await pg.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await pg.end();
    lite.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const url = process.env.DATABASE_URL?.trim() ?? "";
  if (!file || !/^postgres(ql)?:\/\//.test(url)) {
    console.error("usage: DATABASE_URL=postgresql://… npx tsx scripts/copy-to-postgres.ts SQLITE_FILE");
    process.exit(2);
  }
  copySqliteToPostgres(file, url, console.log).then(
    (n) => console.log(`copied ${n} trials`),
    (e: unknown) => {
      console.error(`copy-to-postgres: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
