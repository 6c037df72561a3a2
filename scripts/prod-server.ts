// The production server the benchmarks measure: scripts/e2e-server.mjs (a fresh database
// of the seeds, a build into its own folder, next start), on 127.0.0.1 only.
import { spawn, type ChildProcess } from "node:child_process";

export async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Starts the server and waits (up to 10 minutes: a build on a busy 2-core machine) until it answers. */
export async function startProductionServer(opts: { port: string; distDir: string; databaseUrl: string }): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn("node", ["scripts/e2e-server.mjs"], {
    env: { ...process.env, E2E_PORT: opts.port, NEXT_DIST_DIR: opts.distDir, DATABASE_URL: opts.databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 600 && !(await healthy(base)); i++) await new Promise((r) => setTimeout(r, 1000));
  if (!(await healthy(base))) throw new Error("the production server did not start");
  return { base, child };
}
