/**
 * The routes that read every match of a search, on a large registry (npm run bench:heavy):
 * a synthetic registry of 10,000 trials (scripts/synthetic-registry.ts, the generator of
 * bench:search) served by the production build; each heavy route alone, then 8 requests of
 * it at once (3 bursts) while /api/health is polled every 10 ms. Prints each route's time and
 * the health checks' p50/p95/max while the 8 ran: polled from a process of its own (the
 * server's responsiveness), and from this process too, which is meanwhile reading the 8
 * answers (up to 170 MB) on its one thread, so that its checks also wait for that; and the
 * server's own event-loop delay meanwhile (scripts/loop-delay-probe.cjs, preloaded into the
 * server it starts): how long any request could have waited for the server's main thread.
 * Figures, not assertions. The registry is prepared as `npm start` prepares it (the served
 * checkout's scripts/setup-db.ts) first.
 *
 * The views cache what is the same for every request between imports (lib/data/view-cache.ts,
 * per data version): so each route is timed alone right after a commit to the database
 * (nothing cached), then alone again (cached), then 8 at once. The commit is an import of
 * one changed record: a seed trial written again with another title (lib/db/write-trial.ts,
 * its view rows with it), so the search's facet index has one row to rebuild; with
 * `--commit touch`, a row written to a table of the benchmark's own instead (SQLite's data
 * version moves, no trial changes: what a database of another checkout's schema allows).
 *
 *   npx tsx scripts/bench-heavy.ts                        # build, then serve this checkout (port 3320)
 *   npx tsx scripts/bench-heavy.ts --dist .next-x --no-build --cwd ../other --port 3321
 *   npx tsx scripts/bench-heavy.ts --base http://127.0.0.1:3000   # a server already running on such a database
 *   --trials 10000 --db data/bench-heavy.db --keep-db     # reuse a registry made before (same trial count)
 *   --routes /api/screen,/landscape                       # only routes whose address starts so
 *   --concurrent 8 --bursts 3                             # requests at once, and how many such bursts
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { startProductionServer } from "./prod-server";
import { openDatabase } from "../lib/db/sqlite";
import { writeTrial } from "../lib/db/write-trial";
import { buildSyntheticRegistry, seedTrials } from "./synthetic-registry";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const N = Number(arg("trials", "10000"));
const CONCURRENT = Number(arg("concurrent", "8"));
const BURSTS = Number(arg("bursts", "3"));
const dbFile = path.resolve(arg("db", "data/bench-heavy.db"));
const databaseUrl = `file:${dbFile}`;

const PATIENT = "tbil=15&tbil_unit=mg/dL&inr=1.8&meld=26&age=58";
const HEAVY_ROUTES = [
  "/landscape",
  "/api/landscape/chart", // the points the page's chart fetches (the page carries none)
  "/api/landscape",
  "/api/landscape?format=csv&y=cumulative",
  `/api/screen?${PATIENT}`,
  `/trials?${PATIENT}&possible=1&page=2`,
];

const only = arg("routes", "").split(",").filter(Boolean);
const routes = only.length ? HEAVY_ROUTES.filter((r) => only.some((o) => r.startsWith(o))) : HEAVY_ROUTES;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const ms = (x: number) => `${Math.round(x)} ms`;

async function timed(url: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

/** Polls /api/health every `every` ms until `stop` resolves; the latencies. */
async function pollHealth(base: string, stop: Promise<unknown>, every = 10): Promise<number[]> {
  const out: number[] = [];
  let done = false;
  void stop.then(() => (done = true));
  while (!done) {
    const { ms, status } = await timed(`${base}/api/health`);
    if (status !== 200) throw new Error(`/api/health answered ${status}`);
    out.push(ms);
    await new Promise((r) => setTimeout(r, every));
  }
  return out;
}

// The same polling from a process of its own (stdin closed: it stops and prints its latencies).
// Its first checks (a new connection, code not yet compiled) are not counted: it warms up first.
const POLLER = `
const [base, every] = process.argv.slice(1);
let done = false;
process.stdin.on("end", () => (done = true)).resume();
for (let i = 0; i < 20; i++) await (await fetch(base + "/api/health")).arrayBuffer();
const out = [];
process.stdout.write("ready\\n");
while (!done) {
  const t0 = performance.now();
  const res = await fetch(base + "/api/health");
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error("/api/health answered " + res.status);
  out.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, Number(every)));
}
process.stdout.write(JSON.stringify(out) + "\\n");
`;

/**
 * /api/health polled every `every` ms, both from a process of its own and from this one,
 * while `work()` runs. This process also reads the heavy answers (8 of up to 21 MB at once,
 * each gunzipped and gathered on its one thread), so its checks also wait for that; the
 * other process's checks wait only for the server (and the shared cores).
 */
async function healthDuring(base: string, work: () => Promise<unknown>, every = 10): Promise<{ own: number[]; here: number[] }> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", POLLER, base, String(every)], { stdio: ["pipe", "pipe", "inherit"] });
  let text = "";
  child.stdout.setEncoding("utf8");
  const ready = new Promise<void>((resolve) => child.stdout.on("data", function first(chunk: string) {
    text += chunk;
    if (text.includes("ready\n")) {
      child.stdout.off("data", first);
      resolve();
    }
  }));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (!(await Promise.race([ready.then(() => true), exited.then(() => false)]))) throw new Error(`the health poller stopped before it polled (exit code ${child.exitCode})`);
  text = "";
  child.stdout.on("data", (chunk: string) => (text += chunk));
  const done = work();
  const here = await pollHealth(base, done, every);
  await done;
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`the health poller failed (exit code ${code})`);
  return { own: JSON.parse(text.trim()) as number[], here };
}

/**
 * The server's main thread's event-loop delay (scripts/loop-delay-probe.cjs, preloaded into a
 * server this script starts): each call asks the server for what it saw since the call before.
 */
interface LoopDelay { seq: number; n: number; p50: number; p99: number; max: number }
const LOOP_FILE = path.join(os.tmpdir(), `bench-heavy-loop-delay-${process.pid}.json`);
let loopSeq = 0;
async function loopDelay(pid: number | undefined): Promise<LoopDelay | null> {
  if (pid === undefined) return null;
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 500; i++) {
    try {
      const seen = JSON.parse(fs.readFileSync(LOOP_FILE, "utf8")) as LoopDelay;
      if (seen.seq > loopSeq) {
        loopSeq = seen.seq;
        return seen;
      }
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`the server did not report its event-loop delay (${LOOP_FILE})`);
}
const loopLine = (d: LoopDelay | null) => (d ? `p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms` : "not measured (a server this script did not start)");

const summary = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}, max ${ms(Math.max(...xs))} (n=${xs.length})`;

const COMMIT = arg("commit", "trial");
if (COMMIT !== "trial" && COMMIT !== "touch") throw new Error(`--commit must be trial or touch, got "${COMMIT}"`);
let commits = 0;

/** A commit to the registry's file (what an import does to the data version), so that the next request reads afresh. */
function commit(): void {
  if (COMMIT === "touch") {
    const db = new Database(dbFile);
    try {
      db.exec("CREATE TABLE IF NOT EXISTS BenchCommit (at TEXT); INSERT INTO BenchCommit VALUES (datetime('now'))");
    } finally {
      db.close();
    }
    return;
  }
  // An import of one changed record: the first seed trial with another title each time.
  const db = openDatabase(databaseUrl);
  try {
    const trial = seedTrials()[0]!;
    trial.record.title = `${trial.record.title} (bench:heavy commit ${++commits})`;
    writeTrial(db, trial);
  } finally {
    db.close();
  }
}

const cwd = path.resolve(arg("cwd", "."));
let server: Awaited<ReturnType<typeof startProductionServer>> | null = null;
try {
  let base = arg("base", "");
  if (!base) {
    if (!args.includes("--keep-db") || !fs.existsSync(dbFile)) {
      for (const s of ["", "-wal", "-shm"]) fs.rmSync(dbFile + s, { force: true });
      fs.mkdirSync(path.dirname(dbFile), { recursive: true });
      const built = buildSyntheticRegistry(databaseUrl, N);
      console.log(`registry: ${built.trials} trials written in ${built.seconds.toFixed(1)} s at ${dbFile}`);
    }
    // What `npm start` does first (scripts/setup-db.ts of the checkout served): migrations and
    // view rows of that version, so that a registry kept from another version is read as
    // that version reads its own (a stale view row is decoded live on every read).
    execFileSync(path.join(cwd, "node_modules", ".bin", "tsx"), ["scripts/setup-db.ts"], { cwd, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "ignore", "inherit"] });
    server = await startProductionServer({
      port: arg("port", "3320"), distDir: arg("dist", ".next-bench-heavy"), databaseUrl, database: "as-is",
      build: !args.includes("--no-build"), cwd,
      serverEnv: {
        LOOP_DELAY_FILE: LOOP_FILE,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(path.join(path.dirname(fileURLToPath(import.meta.url)), "loop-delay-probe.cjs"))}`.trim(),
      },
    });
    base = server.base;
  }
  const trials = (await (await fetch(`${base}/api/health`)).json()) as { trials?: number };
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(", ");
  console.log(`load average (1, 5, 15 min): ${load()} on ${os.availableParallelism()} cores`);
  console.log(`bench:heavy — ${base}, ${trials.trials ?? "?"} trials, ${CONCURRENT} requests of each route at once, /api/health polled every 10 ms, commits: ${COMMIT === "trial" ? "one trial written again" : "a row of the benchmark's own table"}`);
  // Warm-up: compile each route's server code, build the search's facet index.
  for (const r of routes) await timed(base + r);

  const pid = server?.child.pid;
  await loopDelay(pid);
  const idle = await healthDuring(base, () => new Promise((r) => setTimeout(r, 1000)));
  console.log(`  /api/health alone: ${summary(idle.own)}; from this process: ${summary(idle.here)}; the server's event-loop delay: ${loopLine(await loopDelay(pid))}`);
  for (const route of routes) {
    const cold: Awaited<ReturnType<typeof timed>>[] = [];
    for (let i = 0; i < 2; i++) {
      if (!arg("base", "")) commit();
      cold.push(await timed(base + route));
    }
    const alone = [await timed(base + route), await timed(base + route)];
    await loopDelay(pid);
    const health = { own: [] as number[], here: [] as number[] }, results: Awaited<ReturnType<typeof timed>>[] = [];
    for (let b = 0; b < BURSTS; b++) {
      const h = await healthDuring(base, async () => results.push(...await Promise.all(Array.from({ length: CONCURRENT }, () => timed(base + route)))));
      health.own.push(...h.own);
      health.here.push(...h.here);
    }
    const loop = await loopDelay(pid);
    const bad = [...cold, ...alone, ...results].filter((r) => r.status !== 200);
    console.log(`  ${route}`);
    if (!arg("base", "")) console.log(`    alone after a commit: ${cold.map((r) => ms(r.ms)).join(", ")} (${(cold[0]!.bytes / 1e6).toFixed(2)} MB)`);
    console.log(`    alone again: ${alone.map((r) => ms(r.ms)).join(", ")} (${(alone[0]!.bytes / 1e6).toFixed(2)} MB)${bad.length ? `  NON-200: ${bad.map((r) => r.status).join(" ")}` : ""}`);
    console.log(`    ${CONCURRENT} at once (${BURSTS} times): each done in p50 ${ms(percentile(results.map((r) => r.ms), 50))}, max ${ms(Math.max(...results.map((r) => r.ms)))}`);
    console.log(`    /api/health meanwhile, polled from a process of its own: ${summary(health.own)}`);
    console.log(`      and from this process, which reads the ${CONCURRENT} answers too: ${summary(health.here)}`);
    console.log(`    the server's event-loop delay meanwhile (measured inside it): ${loopLine(loop)}`);
  }
  console.log(`load average at the end: ${load()}`);
} finally {
  server?.child.kill("SIGTERM");
  fs.rmSync(LOOP_FILE, { force: true });
}
