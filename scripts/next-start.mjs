// `next start` as this project runs it: npm start, the browser tests' server
// (scripts/e2e-server.mjs, tests/e2e/two-instances.spec.ts) and the benchmarks
// (scripts/prod-server.ts, scripts/bench-search.ts) all start the server here.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The server's environment: Next's telemetry off, and libuv's thread pool at one thread
 * unless UV_THREADPOOL_SIZE says otherwise. That pool gzips every compressed answer (and
 * reads files): at libuv's default of 4 threads, eight answers of 7–21 MB gzipped at once
 * took both cores from the main thread, which answers every request (bench:heavy on 10,005
 * trials, run 4 1 4 1: /api/health polled from its own process, max 90–106 ms against
 * 66–89 ms while 8 ran, the answers as fast). One thread gzips far more than the one main
 * thread renders. libuv reads the setting once, when its pool starts, before any of the
 * app's code runs: so it is set in the environment the server starts with.
 */
export function serverEnv(env = process.env) {
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", UV_THREADPOOL_SIZE: env.UV_THREADPOOL_SIZE || "1" };
}

/** Spawns `next start <args>` of the project at `cwd` (its node_modules) with the server's environment. */
export function spawnNextStart(args, { cwd = process.cwd(), env = process.env, ...options } = {}) {
  return spawn(path.join(cwd, "node_modules", ".bin", "next"), ["start", ...args], { ...options, cwd, env: serverEnv(env) });
}

// Run as a script (npm start): `next start` with the arguments given, its signals passed on,
// and its exit code as this one's.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const child = spawnNextStart(process.argv.slice(2), { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGUSR2"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
}
