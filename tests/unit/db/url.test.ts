import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseUrl, shownDatabaseUrl } from "@/lib/db/url";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("DATABASE_URL", () => {
  it("is a file: URL for SQLite (a plain path too), the project's data/registry.db by default", () => {
    expect(databaseUrl(env({}))).toBe(`file:${path.join(process.cwd(), "data", "registry.db")}`);
    expect(databaseUrl(env({ DATABASE_URL: " ./data/x.db " }))).toBe("file:./data/x.db");
    expect(databaseUrl(env({ DATABASE_URL: "file:/tmp/r.db" }))).toBe("file:/tmp/r.db");
  });

  it("is shown without a PostgreSQL password, and as it is for SQLite", () => {
    expect(shownDatabaseUrl(env({ DATABASE_URL: "postgresql://registry:s3cret@db.example:5432/registry" }))).toBe("postgresql://registry:***@db.example:5432/registry");
    expect(shownDatabaseUrl(env({ DATABASE_URL: "postgres://u:p%40ss@h/db?sslmode=require" }))).toBe("postgres://u:***@h/db?sslmode=require");
    expect(shownDatabaseUrl(env({ DATABASE_URL: "postgresql://registry@h/db" }))).toBe("postgresql://registry@h/db");
    expect(shownDatabaseUrl(env({ DATABASE_URL: "file:/tmp/r.db" }))).toBe("file:/tmp/r.db");
  });
});
