// The server's event-loop delay, for the benchmarks (scripts/bench-heavy.ts): preloaded into
// the production server (NODE_OPTIONS="--require scripts/loop-delay-probe.cjs", with
// LOOP_DELAY_FILE set), it samples the main thread's event-loop delay every 5 ms; each
// SIGUSR2 writes what it saw since the one before to LOOP_DELAY_FILE (JSON: seq, n, p50,
// p99 and max in ms) and starts again. How long a request that arrived could have waited for
// the main thread, measured inside the server: the benchmark's own share of the cores (it
// reads the heavy answers on the same machine) is not in it.
const { isMainThread } = require("node:worker_threads");
const file = process.env.LOOP_DELAY_FILE;
if (file && isMainThread) {
  const fs = require("node:fs");
  const { monitorEventLoopDelay } = require("node:perf_hooks");
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let seq = 0;
  const ms = (ns) => Math.round(ns / 1e5) / 10;
  process.on("SIGUSR2", () => {
    const seen = { seq: ++seq, n: h.count, p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
    h.reset();
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(seen));
    fs.renameSync(`${file}.tmp`, file);
  });
}
