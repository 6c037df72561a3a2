import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The PostgreSQL variant's config, for `prisma migrate diff` only (scripts/postgres-schema.ts).
// The JavaScript engine diffs through an adapter of the schema's provider and connects to
// DATABASE_URL even for a schema-to-schema diff (the script starts a throwaway embedded
// PostgreSQL for it). The app applies migrations itself (lib/db/postgres/migrate.ts).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "..", "migrations-postgres") },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
});
