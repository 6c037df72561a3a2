// npx tsx scripts/snapshot-routes.ts --out <folder> [--port 3401] [--dist .next-snap] [--db file:./data/snap.db] [--cwd <project>]
//
// Captures what every route answers on the seeds, one file per route, so that an
// architecture change can be shown to change no output: run it before and after, then
// `diff -r before after`. It starts a production server of the project at --cwd (default:
// this one) on a fresh database of the seeds (scripts/prod-server.ts), fetches each route,
// runs the export (JSON and FHIR) against the same database, and writes the answers with
// what differs between two runs taken out: CSP nonces, build ids and chunk hashes, and
// the moments of the import (ISO date-times; the records' own dates are dates only).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startProductionServer } from "./prod-server";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const out = path.resolve(arg("out", ""));
if (!arg("out", "")) {
  console.error("snapshot-routes: --out <folder> is required (a folder outside the repository)");
  process.exit(2);
}
const cwd = path.resolve(arg("cwd", process.cwd()));
const port = arg("port", "3401");
const distDir = arg("dist", ".next-snap");
const databaseUrl = arg("db", "file:./data/snap.db");

/** Takes out what changes from one build or one import to the next. */
export function normalise(raw: string): string {
  // The page's nonce also appears in its RSC payload (escaped): every occurrence goes.
  let text = raw;
  for (const n of new Set([...raw.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]!))) text = text.split(n).join("…");
  return text
    .replace(/nonce="[^"]*"/g, 'nonce="…"')
    .replace(/'nonce-[^']*'/g, "'nonce-…'")
    .replace(/\\"nonce\\":\\"[^"\\]*\\"/g, '\\"nonce\\":\\"…\\"')
    .replace(/\/_next\/static\/[^"'\s)\\]+/g, "/_next/static/…")
    .replace(/"buildId":"[^"]*"/g, '"buildId":"…"')
    .replace(/\\"buildId\\":\\"[^"\\]*\\"/g, '\\"buildId\\":\\"…\\"')
    .replace(/\b[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/g, "<time>")
    .replace(/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b/g, "<time>") // an import's moment as pages show it (UTC)
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g, "<time>")
    // The RSC payload names chunks by hashed file names and a per-build id ("b":"…").
    .replace(/static\/chunks\/[A-Za-z0-9_.\-]+/g, "static/chunks/…")
    .replace(/"b":"[^"]*"/g, '"b":"…"')
    .replace(/\\"b\\":\\"[^"\\]*\\"/g, '\\"b\\":\\"…\\"');
}

/**
 * An HTML page as two parts that do not depend on React's streaming order: the document
 * with its scripts taken out (what is rendered), then the rows of its RSC payload (what
 * hydrates it), sorted, their row ids and references ($L1f, $2a) renumbered as "$R".
 * Awaiting data in another order changes how React numbers and orders those rows, not
 * what they hold.
 */
export function splitPage(html: string): string {
  const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const dom = html.replace(/<script[^>]*>[\s\S]*?<\/script>/g, "");
  const payload = scripts.flatMap((s) => [...s.matchAll(/self\.__next_f\.push\(\[1,"([\s\S]*?)"\]\)/g)].map((m) => m[1]!)).join("");
  const rows = payload.split(/\\n|(?<=\.)(?=[0-9a-f]{1,3}:[[IT"E])/).filter(Boolean)
    .map((r) => r.replace(/^[0-9a-f]+:/, "").replace(/\$[L@]?[0-9a-f]+\b/g, "$R")).sort();
  return `${dom}\n--- RSC payload rows, sorted ---\n${rows.join("\n")}`;
}

const fileName = (route: string) => route.replace(/^\//, "").replace(/[^A-Za-z0-9_.=-]+/g, "_").slice(0, 150) || "root";

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const { base, child } = await startProductionServer({ port, distDir, databaseUrl, cwd });
  try {
    const list = (await (await fetch(`${base}/api/trials?pageSize=100`)).json()) as { trials: { id: string }[] };
    const ids = list.trials.map((t) => t.id).sort();
    if (ids.length !== 5) throw new Error(`expected the 5 seed trials, the API lists ${ids.length}`);
    const one = ids.includes("NCT04822922") ? "NCT04822922" : ids[0]!;
    const all = ids.join(",");
    const routes = [
      "/api/health", "/api/trials", "/api/trials?q=umbilical&pageSize=3", "/api/trials?status=RECRUITING",
      ...ids.flatMap((id) => [`/api/trials/${id}`, `/api/trials/${id}/fhir`, `/api/trials/${id}/history`, `/trials/${id}`, `/trials/${id}/history`, `/trials/${id}/feed`, `/trials/${id}/versions/1`]),
      `/api/compare?ids=${all}`, `/api/compare?ids=${all}&format=csv`, `/api/compare?ids=NOPE`,
      "/api/landscape", "/api/landscape?format=csv", "/api/landscape?weightKg=60&q=cirrhosis", "/api/landscape/chart",
      `/api/screen?age=58&tbil=11&tbil_unit=mg/dL&inr=1.8`, `/api/screen?ids=${one}&age=45`, "/api/screen?ids=NCT00000000",
      "/api/nothing-here",
      "/", "/trials", "/trials?q=umbilical", "/trials?sort=dose&status=RECRUITING", "/trials?age=58&tbil=11&tbil_unit=mg/dL&inr=1.8", "/trials?age=58&tbil=11&tbil_unit=mg/dL&possible=1",
      `/compare?ids=${all}`, `/compare?ids=${all}&tab=doses`, "/compare", "/landscape", "/landscape?colour=route",
      "/trials/feed", "/trials/feed?q=liver", "/trials/NOPE",
    ];
    for (const route of routes) {
      const res = await fetch(`${base}${route}`);
      const type = res.headers.get("content-type") ?? "";
      const text = normalise(await res.text());
      const body = type.startsWith("text/html") ? splitPage(text) : text;
      fs.writeFileSync(path.join(out, fileName(route)), `${res.status} ${type}\n${body}\n`);
    }
    const env = { ...process.env, DATABASE_URL: databaseUrl };
    const tsx = path.join(cwd, "node_modules", ".bin", "tsx");
    for (const format of ["json", "fhir"]) {
      const text = execFileSync(tsx, ["scripts/export.ts", "--format", format], { cwd, env, maxBuffer: 1 << 28 }).toString();
      fs.writeFileSync(path.join(out, `export.${format}`), normalise(text));
    }
    console.log(`snapshot-routes: ${routes.length} routes and 2 exports of ${ids.length} trials written to ${out}`);
  } finally {
    child.kill("SIGTERM");
  }
}

await main();
