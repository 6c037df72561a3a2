import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { SNAPSHOT_JOIN_MS } from "../db/read-connection";
import { runViewJob, type BytesAnswer, type ViewJob, type ViewResult } from "./view-jobs";

/**
 * The heavy views (the dose landscape, the patient screen of every trial) read and shape
 * thousands of trials: they run on worker threads, so the server's main thread, which
 * answers every other request, only passes their answers on. Each worker has its own
 * read-only connection and reads one snapshot per job (lib/data/search.ts), so an answer
 * is of one committed state as before.
 *
 * VIEW_WORKERS sets the pool's size (default: the cores but one, at least 1, at most 2);
 * 0 runs the jobs in process (sliced, lib/data/cooperative.ts). A worker that fails to
 * start or dies fails its jobs with the reason, and the next job starts a new one.
 */

const SIZE = (() => {
  const raw = process.env.VIEW_WORKERS;
  if (raw === undefined || raw === "") return Math.max(1, Math.min(2, os.availableParallelism() - 1));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`VIEW_WORKERS must be a whole number ≥ 0, got "${raw}"`);
  return n;
})();

interface Pending { resolve: (v: unknown) => void; reject: (e: Error) => void }
interface Slot { worker: Worker; pending: Map<number, Pending> }

// The pool and its job ids live on globalThis: Next evaluates this module once per bundle
// (pages, route handlers), and every instance shares the workers, so a job id counted per
// instance would be reused by another (its answer then resolving the other's job).
const state = globalThis as unknown as { registryViewPool?: Slot[]; registryViewNextId?: number };

/** The worker's source file, beside this one (run from source only). */
const sourceWorker = () => path.join(path.dirname(fileURLToPath(import.meta.url)), "view-worker.ts");

function spawn(): Slot {
  // Under Next (NEXT_RUNTIME is set) the URL names the worker's own bundle: Turbopack
  // bundles a `new Worker(new URL(…, import.meta.url))`. Run from source (tests, tsx), the
  // worker is TypeScript: tsx's API imports it (a form the bundler does not follow).
  const worker: Worker = process.env.NEXT_RUNTIME
    ? new Worker(new URL("./view-worker.ts", import.meta.url))
    : Reflect.construct(Worker, [`import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(sourceWorker())}, import.meta.url))`, { eval: true }]);
  const slot: Slot = { worker, pending: new Map() };
  worker.unref();
  worker.on("message", ({ id, ok, result, error }: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const p = slot.pending.get(id);
    if (!p) return;
    slot.pending.delete(id);
    if (!slot.pending.size) worker.unref();
    if (ok) p.resolve(result);
    else p.reject(new Error(error));
  });
  const fail = (e: Error) => {
    state.registryViewPool = state.registryViewPool?.filter((s) => s !== slot);
    for (const p of slot.pending.values()) p.reject(e);
    slot.pending.clear();
  };
  worker.on("error", (e) => fail(e instanceof Error ? e : new Error(String(e))));
  worker.on("exit", (code) => fail(new Error(`a view worker stopped (exit code ${code})`)));
  return slot;
}

/** The least busy worker, starting one while the pool is not full. */
function slot(): Slot {
  const pool = (state.registryViewPool ??= []);
  const idle = pool.find((s) => s.pending.size === 0);
  if (idle) return idle;
  if (pool.length < SIZE) {
    const s = spawn();
    pool.push(s);
    return s;
  }
  return pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

function send<J extends ViewJob>(job: J): Promise<ViewResult<J>> {
  const s = slot();
  const id = (state.registryViewNextId = (state.registryViewNextId ?? 0) + 1);
  return new Promise((resolve, reject) => {
    s.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    s.worker.ref();
    s.worker.postMessage({ id, job });
  });
}

/** Landscape jobs asked again while the same one runs (within SNAPSHOT_JOIN_MS of its start) join it. */
const running = new Map<string, { startedAt: number; answer: Promise<unknown> }>();

/** `job`'s answer, from a worker (or in process when VIEW_WORKERS=0). */
export function runView<J extends ViewJob>(job: J): Promise<ViewResult<J>> {
  const run = () => (SIZE === 0 ? runViewJob(job) : send(job));
  // The screen's jobs carry a patient's values: never kept, not even to join.
  if (job.kind === "screen-api" || job.kind === "screen-search") return run();
  const key = JSON.stringify(job);
  const now = performance.now();
  const r = running.get(key);
  if (r && now - r.startedAt <= SNAPSHOT_JOIN_MS) return r.answer as Promise<ViewResult<J>>;
  const answer = run();
  const entry = { startedAt: now, answer };
  running.set(key, entry);
  const forget = () => {
    if (running.get(key) === entry) running.delete(key);
  };
  answer.then(forget, forget);
  return answer;
}

/** The pool's size (VIEW_WORKERS). */
export const VIEW_POOL_SIZE = SIZE;

const CHUNK_BYTES = 64 * 1024;

/**
 * A worker's finished answer as the route's Response: its bytes written 64 KB at a time,
 * each after a turn of the event loop, so that eight answers of 16 MB going out at once
 * leave room for every other request between their chunks.
 */
export function bytesResponse(a: BytesAnswer): Response {
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (offset >= a.body.length) return controller.close();
      controller.enqueue(a.body.subarray(offset, (offset += CHUNK_BYTES)));
    },
  }, { highWaterMark: 0 });
  return new Response(body, { status: a.status, headers: a.headers });
}

/** `job`'s answer as the route's Response. */
export async function answerView(job: Exclude<ViewJob, { kind: "landscape-page" | "screen-search" }>): Promise<Response> {
  return bytesResponse(await runView(job));
}
