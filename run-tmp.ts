import fs from "node:fs";
import { importSource } from "./lib/ingest/pipeline";
import { classicToXml } from "./tests/helpers/classic-to-xml";
const dir = "../shared/ctgov/classic";
let same = 0;
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const bytes = fs.readFileSync(`${dir}/${f}`);
  const doc = JSON.parse(bytes.toString());
  const s = doc.FullStudiesResponse ? doc.FullStudiesResponse.FullStudies[0].Study : doc.Study ?? doc;
  const xml = classicToXml(s.ProtocolSection);
  let a, b;
  try { a = importSource(bytes, f); } catch (e) { console.log(f, "JSON ERR", (e as Error).message); continue; }
  try { b = importSource(Buffer.from(xml), f.replace(".json", ".xml")); } catch (e) { console.log(f, "XML ERR", (e as Error).message); fs.writeFileSync("/tmp/bad.xml", xml); continue; }
  const strip = (r: any) => ({ ...r, source: null });
  const ja = JSON.stringify(strip(a.record)), jb = JSON.stringify(strip(b.record));
  if (ja === jb && JSON.stringify(a.warnings) === JSON.stringify(b.warnings)) { same++; continue; }
  const ka = strip(a.record), kb = strip(b.record);
  const diffs = Object.keys(ka).filter((k) => JSON.stringify(ka[k]) !== JSON.stringify(kb[k]));
  console.log(f, "DIFF", diffs.join(","), JSON.stringify(a.warnings) === JSON.stringify(b.warnings) ? "" : "warnings");
  for (const k of diffs.slice(0, 2)) console.log("  J", JSON.stringify(ka[k]).slice(0, 300), "\n  X", JSON.stringify(kb[k]).slice(0, 300));
}
console.log("same", same);
