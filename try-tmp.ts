import fs from "node:fs";
import path from "node:path";
import { importSource } from "./lib/ingest/pipeline";
for (const d of ["../shared/ctgov/classic", "../shared/ctgov/v2"]) for (const f of fs.readdirSync(d).sort()) {
  const r = importSource(fs.readFileSync(path.join(d, f)), f);
  for (const w of r.warnings) console.log(f, "|", w.slice(0, 300));
}
