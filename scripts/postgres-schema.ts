/**
 * The PostgreSQL variant of the one Prisma schema, made mechanically: prisma/schema.prisma
 * (SQLite, the model everything is written against) with the datasource's provider and url
 * swapped and the generator's output moved aside (the app's client is generated from the
 * SQLite schema; this file only feeds `prisma migrate diff`). Prisma ties a migration folder to one provider,
 * so PostgreSQL's migrations live in prisma/migrations-postgres.
 *
 *   npx tsx scripts/postgres-schema.ts            writes prisma/postgres/schema.prisma
 *   npx tsx scripts/postgres-schema.ts --check    exits 1 when that file is out of date
 *   npx tsx scripts/postgres-schema.ts --migration <name>
 *       after a change to prisma/schema.prisma: writes the PostgreSQL migration from the
 *       committed PostgreSQL schema to the new one (`migrate diff`, schema to schema: no
 *       database needed), then the new schema.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCluster } from "./embedded-postgres";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");
export const POSTGRES_MIGRATIONS = path.join("prisma", "migrations-postgres");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: do not edit, change
// prisma/schema.prisma and run \`npx tsx scripts/postgres-schema.ts --migration <name>\`.
// Only \`prisma migrate diff\` reads this file (the PostgreSQL migrations); the full-text
// index (trial_fts) lives in a hand-written migration, as FTS5's table does outside the
// SQLite schema.
`;

/** The PostgreSQL schema text for a SQLite schema text. Throws when the input has not the expected shape. */
export function postgresSchema(sqlite: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*\}/;
  const generator = /generator\s+\w+\s*\{[^}]*\}\n*/g;
  if (!datasource.test(sqlite) || !/provider\s*=\s*"sqlite"/.test(sqlite)) {
    throw new Error(`${SQLITE_SCHEMA}: expected a datasource "db" with provider "sqlite"`);
  }
  const body = sqlite
    .replace(/^(\/\/[^\n]*\n)+\n*/, "") // the SQLite file's own header comment
    // The CLI wants a generator of the JavaScript engine (without one it downloads a native
    // engine); its output is a scratch folder, never the app's client.
    .replace(generator, 'generator client {\n  provider   = "prisma-client"\n  output     = "../../node_modules/.prisma-postgres-unused"\n  engineType = "client"\n}\n\n')
    // A literal url keeps `migrate diff` offline; the app reads DATABASE_URL itself.
    .replace(datasource, 'datasource db {\n  provider = "postgresql"\n  url      = "postgresql://localhost/registry"\n}');
  return HEADER + "\n" + body;
}

export const POSTGRES_CONFIG = path.join("prisma", "postgres", "prisma.config.ts");

/**
 * `prisma migrate diff … --script` between two PostgreSQL schema files (`from` null: from
 * nothing), without the "Loaded Prisma config" line the CLI prints first. The JavaScript
 * engine connects even for a schema-to-schema diff: to DATABASE_URL when it is a
 * postgresql:// URL, else to a throwaway embedded cluster started for the diff.
 */
export async function migrateDiff(from: string | null, to: string): Promise<string> {
  const own = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? null : await startCluster();
  try {
    const args = ["prisma", "migrate", "diff", "--config", POSTGRES_CONFIG,
      ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]), "--to-schema-datamodel", to, "--script"];
    const out = execFileSync("npx", args, {
      encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...(own ? { DATABASE_URL: own.url } : {}) },
    });
    return out.split("\n").filter((l) => !l.startsWith("Loaded Prisma config")).join("\n").replace(/^\n+/, "");
  } finally {
    await own?.stop();
  }
}

async function main(argv: string[]): Promise<void> {
  const next = postgresSchema(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  const current = fs.existsSync(POSTGRES_SCHEMA) ? fs.readFileSync(POSTGRES_SCHEMA, "utf8") : null;
  if (argv[0] === "--check") {
    if (current !== next) {
      console.error(`${POSTGRES_SCHEMA} is out of date with ${SQLITE_SCHEMA}: run npx tsx scripts/postgres-schema.ts --migration <name>`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} is up to date`);
    return;
  }
  if (argv[0] === "--migration") {
    const name = argv[1];
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("--migration needs a name of a-z, 0-9 and _");
    // The CLI reads the generator from the config's schema file: the new schema goes there
    // first, the committed one beside it as the diff's start (restored if the diff fails).
    const previous = path.join(path.dirname(POSTGRES_SCHEMA), `previous-${process.pid}.prisma`);
    fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
    if (current !== null) fs.writeFileSync(previous, current);
    fs.writeFileSync(POSTGRES_SCHEMA, next);
    let sql: string;
    try {
      sql = await migrateDiff(current === null ? null : previous, POSTGRES_SCHEMA);
    } catch (e) {
      if (current !== null) fs.writeFileSync(POSTGRES_SCHEMA, current);
      else fs.rmSync(POSTGRES_SCHEMA);
      throw e;
    } finally {
      fs.rmSync(previous, { force: true });
    }
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log("no change to the PostgreSQL schema: no migration written");
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(POSTGRES_MIGRATIONS, `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "migration.sql"), sql);
      console.log(`wrote ${path.join(dir, "migration.sql")}`);
    }
  }
  fs.mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  fs.writeFileSync(POSTGRES_SCHEMA, next);
  console.log(`wrote ${POSTGRES_SCHEMA}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message ?? e);
    process.exit(1);
  });
}
