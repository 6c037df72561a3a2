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
 * Besides req/s, the server's CPU time per request (its process and children, from /proc,
 * Linux only): on a machine shared with other work, req/s follows the load of the others,
 * while the CPU milliseconds a request costs the server moves much less.
 *
 * The last line, `SUMMARY label req/s p50 p95 p99 non-2xx errors`, is one row of a table
 * of runs: to compare two servers, run them in turn (A B A B) on the same machine with
 * the same settings and put those lines side by side.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import { startProductionServer } from "./prod-server";

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

let server: { base: string; child: ChildProcess } | null = null;
try {
  let base = process.env.BASE_URL;
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? (base ? process.env.DATABASE_URL : undefined) ?? "file:./data/bench-load.db";
  if (!base) {
    server = await startProductionServer({ port: process.env.BENCH_PORT ?? "3220", distDir: ".next-bench-load", databaseUrl });
    base = server.base;
  }
  if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(base).hostname)) throw new Error(`bench:load only measures a local server (127.0.0.1), not ${base}`);

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
  for (let i = 0; i < 3; i++) for (const path of ROUTES) await (await fetch(base + path)).arrayBuffer();

  const serverPid = server?.child.pid ?? (process.env.SERVER_PID ? Number(process.env.SERVER_PID) : null);
  const cpuBefore = serverPid ? cpuSeconds(serverPid) : null;
  const imports = IMPORTS ? importLoop(databaseUrl) : { stats: { runs: 0, failures: 0, lastFailure: "" }, stop: async () => {} };
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 30,
    requests: ROUTES.map((path) => ({ method: "GET" as const, path })),
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
  }, (err, res) => (err ? fail(err) : finish(res)));
  instance.on("response", (client, statusCode, _bytes, responseTime) => {
    const r = next(client);
    r.latencies.push(responseTime);
    if (statusCode < 200 || statusCode > 299) {
      r.non2xx++;
      r.statuses.set(statusCode, (r.statuses.get(statusCode) ?? 0) + 1);
    }
  });
  const result = await finished;
  const cpuAfter = serverPid ? cpuSeconds(serverPid) : null;
  await imports.stop();
  const cpuPerRequest = cpuBefore !== null && cpuAfter !== null && result.requests.total ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total : null;

  const all = byRoute.flatMap((r) => r.latencies).sort((a, b) => a - b);
  console.log(`bench:load — ${base}, ${CONNECTIONS} connections, ${result.duration.toFixed(0)} s, ${ROUTES.length} routes in turn, ${IMPORTS ? "imports alongside" : "no imports"}`);
  console.log(`  requests: ${result.requests.total} (${result.requests.average.toFixed(1)} req/s average)`);
  console.log(`  latency:  p50 ${percentile(all, 50)} ms, p95 ${percentile(all, 95)} ms, p99 ${percentile(all, 99)} ms, max ${Math.round(all.at(-1) ?? NaN)} ms`);
  console.log(`  server CPU: ${cpuPerRequest === null ? "unknown (no SERVER_PID or no /proc)" : `${((cpuAfter! - cpuBefore!)).toFixed(1)} s, ${cpuPerRequest.toFixed(2)} ms per request`}`);
  console.log(`  non-2xx:  ${result.non2xx}`);
  console.log(`  errors:   ${result.errors} (timeouts ${result.timeouts})`);
  console.log(`  imports alongside: ${imports.stats.runs} runs, ${imports.stats.failures} failed${imports.stats.lastFailure ? ` (last: ${imports.stats.lastFailure})` : ""}`);
  console.log("  per route:");
  ROUTES.forEach((path, i) => {
    const r = byRoute[i]!;
    const s = [...r.latencies].sort((a, b) => a - b);
    const statuses = [...r.statuses.entries()].map(([c, n]) => `${c}×${n}`).join(" ");
    const errors = [...r.errors.entries()].map(([m, n]) => `${m} ×${n}`).join("; ");
    console.log(`    ${path.padEnd(48)} n=${String(s.length).padStart(6)}  p50 ${percentile(s, 50)} ms  p95 ${percentile(s, 95)} ms  p99 ${percentile(s, 99)} ms  non-2xx ${r.non2xx}${statuses ? ` (${statuses})` : ""}${errors ? `  errors: ${errors}` : ""}`);
  });
  console.log(`SUMMARY ${process.env.LABEL ?? base} ${result.requests.average.toFixed(1)} req/s  cpu ${cpuPerRequest === null ? "?" : cpuPerRequest.toFixed(2)} ms/req  p50 ${percentile(all, 50)} ms  p95 ${percentile(all, 95)} ms  p99 ${percentile(all, 99)} ms  non-2xx ${result.non2xx}  errors ${result.errors}  imports ${imports.stats.runs}`);
  process.exitCode = result.errors > 0 || result.non2xx > 0 || imports.stats.failures > 0 ? 1 : 0;
} finally {
  server?.child.kill("SIGTERM");
}
