import { spawn } from "node:child_process";
import path from "node:path";

const TSX = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** tests/helpers/reimport-loop.ts running in a child process: its exit code, whether it still runs, what it printed. */
export interface ReimportLoop {
  exited: Promise<number | null>;
  readonly running: boolean;
  /** Its stdout: the number of imports it made, once it exited. */
  readonly out: string;
  readonly err: string;
}

/** Re-imports `files` in turn into `databaseUrl` for `ms` milliseconds, in a child process. */
export function startReimportLoop(ms: number, files: string[], databaseUrl: string): ReimportLoop {
  const child = spawn(TSX, ["tests/helpers/reimport-loop.ts", String(ms), ...files], {
    env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  let running = true;
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  void exited.then(() => (running = false));
  return { exited, get running() { return running; }, get out() { return out; }, get err() { return err; } };
}
