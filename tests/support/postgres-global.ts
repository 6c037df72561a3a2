import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { startCluster, type Cluster } from "../../scripts/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** http://127.0.0.1:port of the broker below; GET answers { url, startMs } or 500 with why. */
    postgresBroker: string;
  }
}

/**
 * Vitest globalSetup: one PostgreSQL server for the whole run, started only when a test
 * asks for it (a run of SQLite-only tests starts nothing). Test files run in their own
 * processes, so they ask this process over a local HTTP endpoint: TEST_POSTGRES_URL when
 * set, else an embedded cluster started on the first request (later requests wait for the
 * same start) and stopped when the run ends.
 */
export default async function setup(project: TestProject) {
  let cluster: Promise<Cluster> | null = null;
  const server = http.createServer((_req, res) => {
    const external = process.env.TEST_POSTGRES_URL?.trim();
    const answer = external
      ? Promise.resolve({ url: external, startMs: 0 })
      : (cluster ??= startCluster()).then((c) => ({ url: c.url, startMs: Math.round(c.startMs) }));
    answer.then(
      (body) => res.end(JSON.stringify(body)),
      (e: unknown) => { res.statusCode = 500; res.end(String((e as Error)?.message ?? e)); },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("postgresBroker", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return async () => {
    server.close();
    if (cluster) await (await cluster.catch(() => null))?.stop();
  };
}
