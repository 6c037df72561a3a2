import path from "node:path";
import { isPostgresUrl, redactUrl } from "./postgres/url";

/** The project's default database: a file inside the project, outside the source tree. */
export const DEFAULT_DATABASE_URL = `file:${path.join(process.cwd(), "data", "registry.db")}`;

/** DATABASE_URL (a `file:` URL or a plain path), or the default. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return DEFAULT_DATABASE_URL;
  return raw.startsWith("file:") ? raw : `file:${raw}`;
}

/** The filesystem path of a `file:` database URL, resolved against the working directory. */
export function databasePath(url: string = databaseUrl()): string {
  const p = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(p);
}

/** DATABASE_URL as it may be printed: a postgresql:// URL without its password, else the SQLite URL. */
export function shownDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL?.trim() ?? "";
  return isPostgresUrl(raw) ? redactUrl(raw) : databaseUrl(env);
}
