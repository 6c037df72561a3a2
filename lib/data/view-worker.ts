import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { runViewJob, type ViewJob } from "./view-jobs";

/**
 * A view worker (lib/data/view-pool.ts): runs the jobs it is sent on its own thread with
 * its own read-only connection (lib/db/read-connection.ts opens one per thread), and
 * sends each answer back; an answer's bytes are transferred, not copied.
 */
const port = parentPort;
if (!port) throw new Error("lib/data/view-worker.ts runs as a worker thread (see lib/data/view-pool.ts)");

/**
 * This thread yields the cores to the server's main thread (nice VIEW_WORKER_NICE, default
 * 10): a view job is seconds of work that nobody waits on by the millisecond, while the
 * main thread answers every other request. Linux gives each thread its own nice value
 * (setpriority of the thread's id); elsewhere, or if refused, the thread runs as it is.
 */
function yieldCores(): void {
  const raw = process.env.VIEW_WORKER_NICE ?? "10";
  const nice = Number(raw);
  if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new Error(`VIEW_WORKER_NICE must be a whole number from 0 to 19, got "${raw}"`);
  if (nice === 0 || process.platform !== "linux") return;
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0 && tid !== process.pid) os.setPriority(tid, nice);
  } catch {
    // not permitted here: the thread keeps the process's priority
  }
}
yieldCores();

port.on("message", async ({ id, job }: { id: number; job: ViewJob }) => {
  try {
    const result = await runViewJob(job);
    const body = "body" in result && result.body instanceof Uint8Array ? result.body : null;
    port.postMessage({ id, ok: true, result }, body ? [body.buffer as ArrayBuffer] : []);
  } catch (e) {
    port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
