import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // PostgreSQL for the tests that run on both engines, started on first use (tests/support/postgres.ts).
    globalSetup: ["tests/support/postgres-global.ts"],
    environment: "node",
    // Tests that touch a database each use their own scratch file.
    pool: "forks",
    // Some tests start processes (the import and export commands, an import loop); on a
    // busy 2-core machine one such start can take many seconds, far past the 5 s default.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
