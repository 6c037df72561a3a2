import { parentPort } from "node:worker_threads";
import { runViewJob, type ViewJob } from "./view-jobs";

/**
 * A view worker (lib/data/view-pool.ts): runs the jobs it is sent on its own thread with
 * its own read-only connection (lib/db/read-connection.ts opens one per thread), and
 * sends each answer back; an answer's bytes are transferred, not copied.
 */
const port = parentPort;
if (!port) throw new Error("lib/data/view-worker.ts runs as a worker thread (see lib/data/view-pool.ts)");

port.on("message", async ({ id, job }: { id: number; job: ViewJob }) => {
  try {
    const result = await runViewJob(job);
    const body = "body" in result && result.body instanceof Uint8Array ? result.body : null;
    port.postMessage({ id, ok: true, result }, body ? [body.buffer as ArrayBuffer] : []);
  } catch (e) {
    port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
