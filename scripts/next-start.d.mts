// Types of scripts/next-start.mjs (plain JavaScript: npm start and scripts/e2e-server.mjs run it with node).
import type { ChildProcess, SpawnOptions } from "node:child_process";

/** The server's environment: Next's telemetry off, libuv's thread pool at UV_THREADPOOL_SIZE or 1. */
export function serverEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;

/** Spawns `next start <args>` of the project at `cwd` (its node_modules) with the server's environment. */
export function spawnNextStart(args: string[], options?: SpawnOptions & { env?: NodeJS.ProcessEnv }): ChildProcess;
