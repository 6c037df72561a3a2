// Serves the production build for the browser tests: a fresh database with the seeds,
// a build into its own folder (so a developer's .next is untouched), then next start.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { spawnNextStart } from "./next-start.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const dbFile = path.resolve(env.DATABASE_URL.replace(/^file:/, ""));
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
const bin = (name) => path.join("node_modules", ".bin", name);
execFileSync(bin("tsx"), ["scripts/setup-db.ts"], { env, stdio: "inherit" });
execFileSync(bin("next"), ["build"], { env, stdio: ["ignore", "ignore", "inherit"] });
const server = spawnNextStart(["-p", env.E2E_PORT, "-H", "127.0.0.1"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
