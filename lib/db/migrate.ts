import { execFileSync } from "node:child_process";
import path from "node:path";
import { DatabaseError, openDatabase } from "./sqlite";
import { databaseUrl } from "./url";
import { ensureSearchIndex } from "../search/index-table";

/**
 * Creates the database if needed and brings it to the latest migration with
 * `prisma migrate deploy` (offline, with the JavaScript engine), then makes sure the
 * full-text index exists. Safe to run on every start.
 */
export function prepareDatabase(url: string = databaseUrl()): void {
  openDatabase(url).close(); // clear message for an unwritable location, before Prisma's
  const prisma = path.join(process.cwd(), "node_modules", ".bin", "prisma");
  try {
    execFileSync(prisma, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    const detail = `${err.stderr ?? ""}${err.stdout ?? ""}`.trim().split("\n").filter((l) => /error|P\d{4}/i.test(l)).slice(0, 3).join(" ");
    throw new DatabaseError(`DATABASE_URL ${url}: migrating failed${detail ? `: ${detail}` : ""}`, { cause: e });
  }
  const db = openDatabase(url);
  try {
    ensureSearchIndex(db);
  } finally {
    db.close();
  }
}
