import { execFileSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createDatabase, startCluster, type Cluster } from "../../scripts/embedded-postgres";
import { spawnNextStart } from "../../scripts/next-start.mjs";
import { healthy } from "../../scripts/prod-server";

/**
 * Two production servers (`next start` of the build the browser tests serve, on the next
 * two ports) against one PostgreSQL database (TEST_POSTGRES_URL's server when set, else an
 * embedded one started here): a trial imported with one instance's environment is served
 * by the other, on its page and in the API, and the other's list, which it had answered
 * (and cached per data version) before, counts it.
 */

const BASE = Number(process.env.E2E_PORT ?? 3100);
const PORTS = [BASE + 1, BASE + 2];
const DIST = process.env.NEXT_DIST_DIR ?? ".next-e2e";
const bin = (name: string) => path.join("node_modules", ".bin", name);
// A record of ../shared/ctgov/classic that is not one of the seeds.
const NEW_ID = "NCT00420134";
const NEW_FILE = path.join("..", "shared", "ctgov", "classic", `${NEW_ID}.json`);
const NEW_TITLE = "Improvement of Liver Function in Liver Cirrhosis Patients After Autologous Mesenchymal Stem Cell Injection:a Phase I-II Clinical Trial";

test.describe.configure({ mode: "serial", timeout: 300_000 });

let cluster: Cluster | null = null;
let url = "";
const servers: ChildProcess[] = [];
const bases = PORTS.map((p) => `http://127.0.0.1:${p}`);
const env = () => ({ ...process.env, DATABASE_URL: url, NEXT_DIST_DIR: DIST, DATABASE_POOL_SIZE: "4", NEXT_TELEMETRY_DISABLED: "1" });

test.beforeAll(async () => {
  const name = `two_instances_${process.pid}`;
  const external = process.env.TEST_POSTGRES_URL?.trim();
  if (!external) cluster = await startCluster();
  url = await createDatabase(external ?? cluster!.url, name);
  // Migrations once, and the seeds (what `npm start` runs before `next start`).
  execFileSync(bin("tsx"), ["scripts/setup-db.ts"], { env: env(), stdio: ["ignore", "ignore", "inherit"] });
  for (const port of PORTS) {
    servers.push(spawnNextStart(["-p", String(port), "-H", "127.0.0.1"], { env: env(), stdio: ["ignore", "ignore", "inherit"] }));
  }
  for (const base of bases) {
    for (let i = 0; i < 120 && !(await healthy(base)); i++) await new Promise((r) => setTimeout(r, 500));
    expect(await healthy(base), `${base} answers`).toBe(true);
  }
});

test.afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.on("exit", r)))));
  if (cluster) await cluster.stop();
  else if (url) {
    // TEST_POSTGRES_URL's server: the database this test made goes.
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
});

let api: APIRequestContext;
const json = async (u: string) => {
  const res = await api.get(u);
  return { status: res.status(), body: await res.json() };
};

test("a trial imported beside one instance is read from the other (page and API)", async ({ page, request }) => {
  api = request;
  const [a, b] = bases as [string, string];
  for (const base of bases) expect((await json(`${base}/api/health`)).body.trials).toBe(5);
  // Instance B answers the list and the trial before the import (its caches hold that answer).
  expect((await json(`${b}/api/trials?pageSize=100`)).body.total).toBe(5);
  expect((await json(`${b}/api/trials/${NEW_ID}`)).status).toBe(404);

  // The import, run with instance A's environment (its machine): one transaction.
  const out = execFileSync(bin("tsx"), ["scripts/import.ts", NEW_FILE], { env: env(), encoding: "utf8" });
  expect(out).toMatch(/1 of 1 records imported, 0 failed/);
  expect((await json(`${a}/api/trials/${NEW_ID}`)).body.title).toBe(NEW_TITLE);

  // Instance B: the API, the list (its per-version cache moved on), the trial's page.
  const record = await json(`${b}/api/trials/${NEW_ID}`);
  expect(record.status).toBe(200);
  expect(record.body.id).toBe(NEW_ID);
  expect(record.body.title).toBe(NEW_TITLE);
  const list = (await json(`${b}/api/trials?pageSize=100`)).body;
  expect(list.total).toBe(6);
  expect(list.trials.map((t: { id: string }) => t.id)).toContain(NEW_ID);
  expect((await json(`${b}/api/health`)).body.trials).toBe(6);
  await page.goto(`${b}/trials/${NEW_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW_TITLE);
  // Both instances give the same record.
  expect((await json(`${a}/api/trials/${NEW_ID}`)).body).toEqual(record.body);
});
