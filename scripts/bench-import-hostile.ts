// npm run bench:import-hostile [-- --timeout 60] [--brackets-mb 50] [--only word|deep]
// Times the import of records at the 2 MB limit made of hostile content (one long word,
// runs of digits, spaces, punctuation or "(", a dose phrase repeated, many short lines),
// as text records (in the "About" paragraph, in an arm's description, at the end of the
// file) and as an API v2 JSON study; then the peak memory of importing a file of nothing
// but "[" and one of nested {"a": objects. Each case runs in its own process, killed
// after --timeout seconds (printed as "> N s"). Prints figures; it asserts nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HOSTILE_KINDS, TEXT_PLACES, hostileJsonStudy, hostileTextRecord, type HostileKind, type TextPlace } from "../tests/helpers/hostile-records";

const LIMIT = 2 * 1024 * 1024;
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

/** One case, in this (child) process: write the file, import it into a fresh database, print JSON. */
async function runCase(spec: string): Promise<void> {
  const { prepareDatabase } = await import("../lib/db/migrate");
  const { openDatabase } = await import("../lib/db/sqlite");
  const { importFiles } = await import("../lib/import/run-import");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-hostile-"));
  try {
    const [what, a, b] = spec.split(":");
    let file: string;
    if (what === "text") {
      file = path.join(dir, "000_423415c0e2b20a3c.txt");
      fs.writeFileSync(file, hostileTextRecord(a as HostileKind, b as TextPlace, LIMIT - 1024));
    } else if (what === "json") {
      file = path.join(dir, "study.json");
      fs.writeFileSync(file, hostileJsonStudy(a as HostileKind, LIMIT - 1024));
    } else {
      // deep:brackets:MB or deep:objects:MB, written in 1 MB pieces.
      file = path.join(dir, `${a}.json`);
      const unit = a === "brackets" ? "[" : '{"a":';
      const piece = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
      const fd = fs.openSync(file, "w");
      for (let i = 0; i < Number(b); i++) fs.writeSync(fd, piece);
      fs.closeSync(fd);
    }
    const url = `file:${path.join(dir, "bench.db")}`;
    prepareDatabase(url);
    const db = openDatabase(url);
    const t = performance.now();
    const results = importFiles(db, [file], {});
    const ms = performance.now() - t;
    db.close();
    const maxRssMB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ms, maxRssMB, lines: results.map((r) => `${r.ok ? "✓" : "✗"} ${r.line}`.slice(0, 160)) }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function spawnCase(spec: string, timeoutS: number): { out: string; ms: number; error: string | null } {
  const t = performance.now();
  // node itself with tsx's loader (not the tsx launcher, whose child a timeout would not kill).
  const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--case", spec], {
    encoding: "utf8", timeout: timeoutS * 1000, killSignal: "SIGKILL", maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  if (r.error || r.signal) return { out: "", ms, error: `> ${timeoutS} s (killed)` };
  if (r.status !== 0) return { out: "", ms, error: `exit ${r.status}: ${(r.stderr.split("\n").find((l) => /Error|memory/.test(l)) ?? r.stderr.slice(0, 120)).trim()}` };
  return { out: r.stdout.trim().split("\n").pop()!, ms, error: null };
}

async function main(): Promise<void> {
  const caseSpec = arg("--case", "");
  if (caseSpec) return runCase(caseSpec);
  const timeout = Number(arg("--timeout", "60"));
  const bracketsMB = Number(arg("--brackets-mb", "50"));
  const only = arg("--only", "");
  const kinds = HOSTILE_KINDS.filter((k) => !only || k === only); // --only deep: the nesting files alone

  console.log(`import time of one record at the 2 MB limit (each case in its own process, killed after ${timeout} s):`);
  const specs = [
    ...kinds.flatMap((k) => TEXT_PLACES.map((p) => `text:${k}:${p}`)),
    ...kinds.map((k) => `json:${k}`),
  ];
  for (const spec of specs) {
    const r = spawnCase(spec, timeout);
    if (r.error) console.log(`  ${spec.padEnd(28)} ${r.error}`);
    else {
      const { ms, lines } = JSON.parse(r.out) as { ms: number; lines: string[] };
      console.log(`  ${spec.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(7)} s   ${lines[0]?.slice(0, 90) ?? "(no line)"}`);
    }
  }
  if (only && only !== "deep") return;
  console.log(`\npeak memory (max RSS of the import process) of a JSON file of nothing but nesting, ${bracketsMB} MB:`);
  for (const spec of [`deep:brackets:${bracketsMB}`, `deep:objects:${bracketsMB}`]) {
    const r = spawnCase(spec, timeout);
    if (r.error) console.log(`  ${spec.padEnd(28)} ${r.error}`);
    else {
      const { ms, maxRssMB, lines } = JSON.parse(r.out) as { ms: number; maxRssMB: number; lines: string[] };
      console.log(`  ${spec.padEnd(28)} ${maxRssMB.toFixed(0).padStart(6)} MB max RSS, ${(ms / 1000).toFixed(2)} s, ${lines.length} line(s): ${lines[0]?.slice(0, 100) ?? "(none)"}`);
    }
  }
}

await main();
