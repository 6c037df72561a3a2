/** PostgreSQL connection URLs: recognised, shown without their password, and the pool size setting. */

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url.trim());

/** The URL as it may appear in a message or a log: the password replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  }
}

export const DEFAULT_POOL_SIZE = 10;

/**
 * DATABASE_POOL_SIZE: connections each app instance may hold (default 10). An instance
 * count times this must stay under the server's max_connections (100 by default).
 */
export function poolSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return DEFAULT_POOL_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new Error(`DATABASE_POOL_SIZE ${JSON.stringify(raw)}: expected a whole number of connections from 1 to 1000`);
  }
  return n;
}
