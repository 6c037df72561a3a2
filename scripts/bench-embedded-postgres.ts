/**
 * What the tests' throwaway PostgreSQL costs: start of an embedded cluster (initdb and
 * start), a new database, the migrations, stop. Prints each, in milliseconds, over `--runs`
 * starts (default 3).
 *
 *   npx tsx scripts/bench-embedded-postgres.ts [--runs N]
 */
import pg from "pg";
import { startCluster } from "./embedded-postgres";
import { migratePostgres } from "../lib/db/postgres/migrate";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 3;
const ms = (t: number) => Math.round(performance.now() - t);

async function main() {
  for (let i = 1; i <= runs; i++) {
    const cluster = await startCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    let t = performance.now();
    await admin.query("CREATE DATABASE bench TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    const create = ms(t);
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = "/bench";
    t = performance.now();
    await migratePostgres(url.toString());
    const migrate = ms(t);
    t = performance.now();
    await cluster.stop();
    console.log(`run ${i}: start ${Math.round(cluster.startMs)} ms, CREATE DATABASE ${create} ms, migrations ${migrate} ms, stop ${ms(t)} ms`);
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message ?? e);
  process.exit(1);
});
