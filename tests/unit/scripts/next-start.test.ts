import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@/scripts/next-start.mjs";

/**
 * The server starts with libuv's thread pool at one thread (scripts/next-start.mjs): the
 * pool gzips every compressed answer, and at its default of four, eight large answers
 * gzipped at once took both cores from the main thread. npm start, the browser tests'
 * server and the benchmarks all start `next start` through it.
 */
describe("the server's environment", () => {
  it("sets libuv's pool to one thread and telemetry off, and keeps a pool size given", () => {
    const { UV_THREADPOOL_SIZE: _, ...env } = process.env;
    expect(serverEnv(env)).toMatchObject({ UV_THREADPOOL_SIZE: "1", NEXT_TELEMETRY_DISABLED: "1" });
    expect(serverEnv({ ...env, UV_THREADPOOL_SIZE: "3" }).UV_THREADPOOL_SIZE).toBe("3");
    expect(serverEnv({ ...env, DATABASE_URL: "file:x.db" }).DATABASE_URL).toBe("file:x.db");
  });

  it.runIf(process.platform === "linux")("a process started with it runs one pool thread where libuv's default is four", () => {
    // The threads of a node process once its pool has started (a file check uses the pool).
    const threads = (env: NodeJS.ProcessEnv) => Number(execFileSync(process.execPath, ["--input-type=module", "-e",
      `import fs from "node:fs"; await fs.promises.access("."); console.log(fs.readdirSync("/proc/self/task").length);`], { env, encoding: "utf8" }).trim());
    const { UV_THREADPOOL_SIZE: _, ...env } = process.env;
    expect(threads(env) - threads(serverEnv(env))).toBe(3);
  });
});
