/**
 * Load on the production server while the seeds are imported again and again
 * (npm run bench:load): autocannon, 50 connections for 60 s on 127.0.0.1, cycling
 * through the list, a search, a trial page, the list and trial APIs, the comparison
 * page and the comparison API; alongside, `npm run import` against the same database
 * in a loop until the load ends. Prints req/s, latency p50/p95/p99, non-2xx and errors,
 * per route as well. Each route is requested three times before the measure (warm-up).
 *
 *   npx tsx scripts/bench-load.ts          # starts its own server (port 3220, .next-bench-load, data/bench-load.db)
 *   BASE_URL=http://127.0.0.1:3000 DATABASE_URL=file:./data/registry.db npx tsx scripts/bench-load.ts
 *   CONNECTIONS=50 DURATION=60 …           # the defaults
 *   ROUTES=/api/health,/trials?q=hbv …     # other routes (comma-separated) instead of the seven
 *   IMPORTS=0 …                            # no imports alongside
 *   IMPORT_CWD=../other-checkout …         # the imports of another checkout (its own importer and migrations)
 *   LABEL=round2 …                         # names the run on its SUMMARY line
 *   SERVER_PID=1234 …                      # with BASE_URL: the server's process, for its CPU time
 *
 * Besides req/s, the servers' CPU time per request (their processes and children, from /proc,
 * Linux only; PostgreSQL's own processes not counted): on a machine shared with other work,
 * req/s follows the load of the others, while the CPU milliseconds a request costs the server
 * moves much less.
 *
 * The last line, `SUMMARY label req/s p50 p95 p99 non-2xx errors`, is one row of a table
 * of runs: to compare two servers, run them in turn (A B A B) on the same machine with
 * the same settings and put those lines side by side.
 *
 * Engines and instances (when it starts its own servers, i.e. without BASE_URL):
 *   --engine sqlite|postgresql|both   (default both) the database the servers read
 *   --instances 1|2|both              (default both) one server, or two on one database,
 *                                     the connections split between them (a load balancer's part)
 * One build (BENCH_DIST_DIR, default .next-bench-load; BENCH_BUILD=0 serves the build already
 * there) serves every run; PostgreSQL is BENCH_POSTGRES_URL's or TEST_POSTGRES_URL's server, else
 * an embedded one started for the run. The runs go in turn and end with one table, side by side.
 */
import { spawn, type ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { healthy, startProductionServer } from "./prod-server";
import { createDatabase, startCluster, type Cluster } from "./embedded-postgres";

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 60);
const IDS = "NCT04822922,NCT05948982";
const DEFAULT_ROUTES = [
  "/trials",
  "/trials?q=hbv",
  "/trials/NCT04822922",
  "/api/trials",
  "/api/trials/NCT05948982",
  `/compare?ids=${IDS}&weightKg=60`,
  `/api/compare?ids=${IDS}`,
];
const ROUTES = process.env.ROUTES ? process.env.ROUTES.split(",").map((r) => r.trim()).filter(Boolean) : DEFAULT_ROUTES;
const IMPORTS = process.env.IMPORTS !== "0";


/** `npm run import` in a loop until stop() resolves; counts runs and failures. */
function importLoop(databaseUrl: string) {
  let stopping = false;
  let current: ChildProcess | null = null;
  const stats = { runs: 0, failures: 0, lastFailure: "" };
  const done = (async () => {
    while (!stopping) {
      const output: string[] = [];
      const code = await new Promise<number | null>((resolve) => {
        current = spawn("npm", ["run", "--silent", "import"], { cwd: process.env.IMPORT_CWD || undefined, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
        current.stdout?.on("data", (d) => output.push(String(d)));
        current.stderr?.on("data", (d) => output.push(String(d)));
        current.on("exit", resolve);
      });
      if (stopping && code === null) break;
      stats.runs++;
      if (code !== 0) {
        stats.failures++;
        stats.lastFailure = output.join("").trim().split("\n").slice(-3).join(" | ");
      }
    }
  })();
  return {
    stats,
    async stop() {
      stopping = true;
      await done;
    },
  };
}

/** CPU seconds (user + system) used so far by a process and its descendants; null where /proc cannot tell. */
function cpuSeconds(pid: number): number | null {
  const TICKS = 100; // USER_HZ on Linux
  try {
    const stats = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((d) => {
      try {
        const text = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        const f = text.slice(text.lastIndexOf(")") + 2).split(" "); // fields from the 3rd on
        return [{ pid: Number(d), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICKS }];
      } catch {
        return [];
      }
    });
    const tree = new Set([pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const s of stats) if (!tree.has(s.pid) && tree.has(s.ppid)) (tree.add(s.pid), (grew = true));
    }
    if (!stats.some((s) => s.pid === pid)) return null;
    return stats.filter((s) => tree.has(s.pid)).reduce((sum, s) => sum + s.cpu, 0);
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

interface RunSummary { label: string; reqPerSec: number; cpuPerRequest: number | null; p50: number; p95: number; p99: number; non2xx: number; errors: number; imports: number; importFailures: number }

/** One measure: CONNECTIONS split over `bases` (each its own autocannon), the import loop alongside on `databaseUrl`. */
async function measure(label: string, bases: string[], databaseUrl: string | undefined, serverPids: number[]): Promise<RunSummary> {
  for (const base of bases) {
    if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(base).hostname)) throw new Error(`bench:load only measures a local server (127.0.0.1), not ${base}`);
  }
  // Which route each response belongs to: every connection cycles through ROUTES in order.
  const perClient = new WeakMap<object, number>();
  const byRoute = ROUTES.map(() => ({ latencies: [] as number[], non2xx: 0, statuses: new Map<number, number>(), errors: new Map<string, number>() }));
  const next = (client: object) => {
    const i = perClient.get(client) ?? 0;
    perClient.set(client, i + 1);
    return byRoute[i % ROUTES.length]!;
  };

  // Warm-up: each route rendered a few times first, so that the measure is not of the
  // first compilation of each page's server code under 50 connections at once.
  for (const base of bases) for (let i = 0; i < 3; i++) for (const p of ROUTES) await (await fetch(base + p)).arrayBuffer();

  const cpuOf = () => {
    const each = serverPids.map(cpuSeconds);
    return serverPids.length && each.every((c) => c !== null) ? (each as number[]).reduce((a, b) => a + b, 0) : null;
  };
  const cpuBefore = cpuOf();
  const imports = IMPORTS && databaseUrl ? importLoop(databaseUrl) : { stats: { runs: 0, failures: 0, lastFailure: "" }, stop: async () => {} };
  const results = await Promise.all(bases.map((base, b) => new Promise<autocannon.Result>((resolve, reject) => {
    const connections = Math.floor(CONNECTIONS / bases.length) + (b < CONNECTIONS % bases.length ? 1 : 0);
    const instance = autocannon({
      url: base,
      connections,
      duration: DURATION,
      timeout: 30,
      requests: ROUTES.map((p) => ({ method: "GET" as const, path: p })),
      // A failed request is charged to the route this connection was waiting on.
      setupClient: (client) => {
        const charge = (message: string) => {
          const r = byRoute[(perClient.get(client) ?? 0) % ROUTES.length]!;
          r.errors.set(message, (r.errors.get(message) ?? 0) + 1);
        };
        // Events the client emits that its type declarations leave out.
        const events = client as unknown as NodeJS.EventEmitter;
        events.on("connError", (e: Error) => charge(e.message));
        events.on("timeout", () => charge("timeout"));
      },
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (client, statusCode, _bytes, responseTime) => {
      const r = next(client);
      r.latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) {
        r.non2xx++;
        r.statuses.set(statusCode, (r.statuses.get(statusCode) ?? 0) + 1);
      }
    });
  })));
  const cpuAfter = cpuOf();
  await imports.stop();

  const total = results.reduce((n, r) => n + r.requests.total, 0);
  const reqPerSec = results.reduce((n, r) => n + r.requests.average, 0);
  const non2xx = results.reduce((n, r) => n + r.non2xx, 0);
  const errors = results.reduce((n, r) => n + r.errors, 0);
  const timeouts = results.reduce((n, r) => n + r.timeouts, 0);
  const cpuPerRequest = cpuBefore !== null && cpuAfter !== null && total ? ((cpuAfter - cpuBefore) * 1000) / total : null;
  const all = byRoute.flatMap((r) => r.latencies).sort((a, b) => a - b);
  console.log(`bench:load ${label} — ${bases.join(" + ")}, ${CONNECTIONS} connections, ${results[0]!.duration.toFixed(0)} s, ${ROUTES.length} routes in turn, ${IMPORTS ? "imports alongside" : "no imports"}`);
  console.log(`  requests: ${total} (${reqPerSec.toFixed(1)} req/s average)`);
  console.log(`  latency:  p50 ${percentile(all, 50)} ms, p95 ${percentile(all, 95)} ms, p99 ${percentile(all, 99)} ms, max ${Math.round(all.at(-1) ?? NaN)} ms`);
  console.log(`  server CPU: ${cpuPerRequest === null ? "unknown (no SERVER_PID or no /proc)" : `${(cpuAfter! - cpuBefore!).toFixed(1)} s, ${cpuPerRequest.toFixed(2)} ms per request`}`);
  console.log(`  non-2xx:  ${non2xx}`);
  console.log(`  errors:   ${errors} (timeouts ${timeouts})`);
  console.log(`  imports alongside: ${imports.stats.runs} runs, ${imports.stats.failures} failed${imports.stats.lastFailure ? ` (last: ${imports.stats.lastFailure})` : ""}`);
  console.log("  per route:");
  ROUTES.forEach((p, i) => {
    const r = byRoute[i]!;
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const statuses = [...r.statuses.entries()].map(([c, n]) => `${c}×${n}`).join(" ");
    const errs = [...r.errors.entries()].map(([m, n]) => `${m} ×${n}`).join("; ");
    console.log(`    ${p.padEnd(48)} n=${String(sorted.length).padStart(6)}  p50 ${percentile(sorted, 50)} ms  p95 ${percentile(sorted, 95)} ms  p99 ${percentile(sorted, 99)} ms  non-2xx ${r.non2xx}${statuses ? ` (${statuses})` : ""}${errs ? `  errors: ${errs}` : ""}`);
  });
  const summary = { label, reqPerSec, cpuPerRequest, p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), non2xx, errors, imports: imports.stats.runs, importFailures: imports.stats.failures };
  console.log(`SUMMARY ${label} ${reqPerSec.toFixed(1)} req/s  cpu ${cpuPerRequest === null ? "?" : cpuPerRequest.toFixed(2)} ms/req  p50 ${summary.p50} ms  p95 ${summary.p95} ms  p99 ${summary.p99} ms  non-2xx ${non2xx}  errors ${errors}  imports ${imports.stats.runs}`);
  return summary;
}

const argOf = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};

const children: ChildProcess[] = [];
let cluster: Cluster | null = null;
try {
  const summaries: RunSummary[] = [];
  if (process.env.BASE_URL) {
    summaries.push(await measure(process.env.LABEL ?? process.env.BASE_URL, [process.env.BASE_URL], process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL,
      process.env.SERVER_PID ? [Number(process.env.SERVER_PID)] : []));
  } else {
    const engines = { both: ["sqlite", "postgresql"], sqlite: ["sqlite"], postgresql: ["postgresql"] }[argOf("engine", "both")];
    const counts = { both: [1, 2], 1: [1], 2: [2] }[argOf("instances", "both") as "both"];
    if (!engines) throw new Error(`--engine ${argOf("engine", "")}: one of sqlite, postgresql, both`);
    if (!counts) throw new Error(`--instances ${argOf("instances", "")}: one of 1, 2, both`);
    const distDir = process.env.BENCH_DIST_DIR ?? ".next-bench-load";
    const port = Number(process.env.BENCH_PORT ?? 3220);
    const bin = (name: string) => path.join("node_modules", ".bin", name);
    const urls: Record<string, string> = {};
    for (const engine of engines) {
      if (engine === "sqlite") {
        const file = path.resolve("data", "bench-load.db");
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
        urls.sqlite = `file:${file}`;
      } else {
        const server = process.env.BENCH_POSTGRES_URL?.trim() || process.env.TEST_POSTGRES_URL?.trim();
        if (!server) cluster = await startCluster();
        urls.postgresql = await createDatabase(server || cluster!.url, `bench_load_${process.pid}`);
      }
      // Migrations and the seeds, once per database (what `npm start` does before `next start`).
      execFileSync(bin("tsx"), ["scripts/setup-db.ts"], { env: { ...process.env, DATABASE_URL: urls[engine] }, stdio: ["ignore", "ignore", "inherit"] });
    }
    let built = process.env.BENCH_BUILD === "0";
    for (const engine of engines) {
      for (const n of counts) {
        const started = [];
        for (let i = 0; i < n; i++) {
          const s = await startProductionServer({ port: String(port + i), distDir, databaseUrl: urls[engine]!, database: "as-is", build: !built });
          built = true;
          children.push(s.child);
          started.push(s);
        }
        summaries.push(await measure(`${engine}×${n}`, started.map((s) => s.base), urls[engine], started.flatMap((s) => (s.child.pid ? [s.child.pid] : []))));
        for (const s of started) {
          s.child.kill("SIGTERM");
          await new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.on("exit", r)));
        }
        for (let i = 0; i < 50 && (await Promise.all(started.map((s) => healthy(s.base)))).some(Boolean); i++) await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  if (summaries.length > 1) {
    console.log(`\nside by side (${CONNECTIONS} connections, ${DURATION} s each, ${IMPORTS ? "imports alongside" : "no imports"}):`);
    console.log(`  ${"run".padEnd(14)} ${"req/s".padStart(8)} ${"cpu/req".padStart(9)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)}  non-2xx errors imports`);
    for (const r of summaries) {
      console.log(`  ${r.label.padEnd(14)} ${r.reqPerSec.toFixed(1).padStart(8)} ${(r.cpuPerRequest === null ? "?" : `${r.cpuPerRequest.toFixed(2)}ms`).padStart(9)} ${`${r.p50}ms`.padStart(7)} ${`${r.p95}ms`.padStart(7)} ${`${r.p99}ms`.padStart(7)}  ${String(r.non2xx).padStart(7)} ${String(r.errors).padStart(6)} ${String(r.imports).padStart(7)}`);
    }
  }
  process.exitCode = summaries.some((r) => r.errors > 0 || r.non2xx > 0 || r.importFailures > 0) ? 1 : 0;
} finally {
  for (const c of children) c.kill("SIGTERM");
  await cluster?.stop();
}
