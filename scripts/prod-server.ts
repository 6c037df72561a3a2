// The production server the benchmarks measure, on 127.0.0.1 only: either
// scripts/e2e-server.mjs (a fresh database of the seeds, a build into its own folder, next
// start), or `next start` on a database the caller made (a build first unless told the
// folder already holds one).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { spawnNextStart } from "./next-start.mjs";

export async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function waitUntilHealthy(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600 && child.exitCode === null && !(await healthy(base)); i++) await new Promise((r) => setTimeout(r, 1000));
  if (!(await healthy(base))) throw new Error("the production server did not start");
}

export interface ServerOptions {
  port: string;
  /** Next's build folder (NEXT_DIST_DIR). */
  distDir: string;
  databaseUrl: string;
  /**
   * "seeds" (default): scripts/e2e-server.mjs wipes the database and imports the seeds.
   * "as-is": the database is served as it is; `build: false` serves the build already in distDir.
   */
  database?: "seeds" | "as-is";
  build?: boolean;
  /** The project folder whose build is served (another worktree, to measure its code side by side). */
  cwd?: string;
  /** More environment for `next start` of a database "as-is" (not for its build), such as a probe to preload. */
  serverEnv?: Record<string, string>;
}

/** Starts the server and waits (up to 10 minutes: a build on a busy 2-core machine) until it answers. */
export async function startProductionServer(opts: ServerOptions): Promise<{ base: string; child: ChildProcess }> {
  const cwd = opts.cwd ?? process.cwd();
  const env = { ...process.env, E2E_PORT: opts.port, NEXT_DIST_DIR: opts.distDir, DATABASE_URL: opts.databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  const base = `http://127.0.0.1:${opts.port}`;
  if ((opts.database ?? "seeds") === "seeds") {
    const child = spawn("node", ["scripts/e2e-server.mjs"], { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
    await waitUntilHealthy(base, child);
    return { base, child };
  }
  const next = path.join(cwd, "node_modules", ".bin", "next");
  if (opts.build ?? true) execFileSync(next, ["build"], { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  const child = spawnNextStart(["-p", opts.port, "-H", "127.0.0.1"], { cwd, env: { ...env, ...opts.serverEnv }, stdio: ["ignore", "ignore", "inherit"] });
  await waitUntilHealthy(base, child);
  return { base, child };
}
