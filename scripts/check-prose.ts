/**
 * Runs the prose reader over the arm and intervention descriptions of the real
 * ClinicalTrials.gov records in ../shared/ctgov/{classic,msc-other,v2,xml} (classic full-study
 * JSON, API v2 JSON, clinical_study XML; read in place, never copied) and prints, per record,
 * the arms and the doses read, then a summary per folder and in all, with the dose-like
 * wordings that no dose was read from. `npm run check:prose [-- DIR…]`.
 */
import fs from "node:fs";
import path from "node:path";
import { normalizeAllocation, normalizeInterventionModel, normalizeMasking } from "../lib/ingest/normalize/enums";
import { proseInputOf } from "../lib/ingest/layouts/ctgov-json";
import { readClassicStudy } from "../lib/ingest/layouts/ctgov-classic-json";
import { readV2Study } from "../lib/ingest/layouts/ctgov-v2";
import { readXmlStudy } from "../lib/ingest/layouts/ctgov-xml";
import type { CtgovStudy } from "../lib/ingest/layouts/ctgov-json";
import { parseXml } from "../lib/ingest/xml/tree";
import {
  findAmounts, readAllocationFromProse, readArmsFromProse, readEnrollmentFromProse, readInterventionModelFromProse,
  readMaskingFromProse,
} from "../lib/ingest/prose/index";

const given = process.argv.slice(2);
const dirs = (given.length ? given : ["../shared/ctgov/classic", "../shared/ctgov/msc-other", "../shared/ctgov/v2", "../shared/ctgov/xml"]).map((d) => path.resolve(d));
const present = dirs.filter((d) => fs.existsSync(d));
for (const d of dirs.filter((x) => !present.includes(x))) console.log(`check:prose: ${d} is missing; skipped.`);
if (!present.length) process.exit(0);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let arms = 0, withDose = 0, doses = 0;
const unread: string[] = [];
/** Design fields read from the prose against the record's structured ones: the prose reader's own check. */
const design = { stated: 0, agree: 0, disagree: [] as string[] };
/** Amounts read but deliberately kept out of a dose, each named by a warning (a range, levels, a conflict). */
const flagged: string[] = [];
const fmt = (n: number | null) => (n === null ? "?" : n.toExponential(1).replace("e+", "e"));

/** The studies of one file, each in the importer's common form: classic full-study JSON, API v2 JSON (one study or `studies`), clinical_study XML. */
function studiesOf(file: string): CtgovStudy[] {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".xml")) return [readXmlStudy(parseXml(text, path.basename(file)))];
  const p: Json = JSON.parse(text);
  if (Array.isArray(p.studies)) return p.studies.map((x: Json) => readV2Study(x));
  if (p.protocolSection) return [readV2Study(p)];
  return [readClassicStudy(p.FullStudy?.Study?.ProtocolSection ?? p.Study?.ProtocolSection ?? p.ProtocolSection ?? p)];
}

const perFolder: string[] = [];
for (const dir of present) {
const before = { arms, withDose, doses, records: 0 };
let records = 0;
for (const file of fs.readdirSync(dir).filter((f) => /\.(?:json|xml)$/i.test(f)).sort()) for (const study of studiesOf(path.join(dir, file))) {
  records++;
  // The importer's own input to the reader: each arm with its linked interventions, the trial's text.
  const input = proseInputOf(study);
  const trialText = input.trialText ?? "";
  const result = readArmsFromProse(input);
  const enrolled = Number(study.enrollmentCount ?? NaN);
  const fields: [string, { value: unknown; text: string } | null, unknown][] = [
    ["allocation", readAllocationFromProse(trialText), study.allocation ? normalizeAllocation(study.allocation) : null],
    ["masking", readMaskingFromProse(trialText), study.masking ? normalizeMasking(study.masking) : null],
    ["model", readInterventionModelFromProse(trialText), study.interventionModel ? normalizeInterventionModel(study.interventionModel) : null],
    ["enrollment", readEnrollmentFromProse(trialText), Number.isFinite(enrolled) ? enrolled : null],
  ];
  for (const [field, read, structured] of fields) {
    if (!read || structured === null) continue;
    design.stated++;
    if (read.value === structured) design.agree++;
    else design.disagree.push(`${study.nctId} ${field}: prose "${read.text}" → ${String(read.value)}, record ${String(structured)}`);
  }
  console.log(`\n${study.nctId}`);
  for (const arm of result.arms) {
    arms++;
    if (arm.doses.some((d) => d.product === "MSC" && (d.cellsPerKg !== null || d.cellsPerInfusion !== null))) withDose++;
    doses += arm.doses.length;
    console.log(`  ${arm.derived ? "(derived) " : ""}${arm.label} [${arm.type ?? "?"}]`);
    for (const d of arm.doses) {
      const amount = d.cellsPerKg !== null ? `${fmt(d.cellsPerKg)} cells/kg` : d.cellsPerInfusion !== null ? `${fmt(d.cellsPerInfusion)} cells` : "amount ?";
      console.log(`    ${d.product} ${d.product === "MSC" ? amount : ""} × ${d.infusions ?? "?"} days ${d.dayOffsets?.join(",") ?? "?"}  ← "${d.text}"`);
    }
  }
  for (const w of result.warnings) console.log(`  ! ${w}`);
  for (const n of result.notes) console.log(`  ~ ${n}`);
  // Dose-like wordings in the arm and intervention texts that no dose took.
  const used = result.arms.flatMap((a) => a.evidence).join(" \u0000 ");
  const values = new Set(result.arms.flatMap((a) => a.doses.flatMap((d) => [d.cellsPerKg, d.cellsPerInfusion])));
  const texts = [...study.arms.map((g) => g.description ?? ""), ...study.interventions.map((iv) => iv.description ?? "")];
  for (const t of new Set(texts)) {
    for (const m of findAmounts(t)) {
      if (used.includes(m.text) || values.has(m.value)) continue;
      const line = `${study.nctId}: "${m.text}"${m.range ? " (range)" : m.alternatives ? " (levels)" : m.concentration ? " (concentration)" : ""}`;
      if (result.warnings.some((w) => w.includes(m.text))) flagged.push(line);
      else unread.push(line);
    }
  }
}
perFolder.push(`  ${path.basename(dir)}: ${records} records, ${arms - before.arms} arms, ${withDose - before.withDose} arms with an MSC dose amount, ${doses - before.doses} doses read`);
}
console.log(`\nPer folder:`);
for (const l of perFolder) console.log(l);
console.log(`\nSummary: ${arms} arms, ${withDose} arms with an MSC dose amount, ${doses} doses read.`);
console.log(`Design fields the prose states, against the record's structured fields: ${design.agree} of ${design.stated} agree.`);
for (const d of design.disagree) console.log(`  ${d}`);
console.log(`Amounts read but not kept as a dose, each named in a warning (${flagged.length}):`);
for (const u of flagged) console.log(`  ${u}`);
console.log(`Dose-like wordings not read as a dose, with no warning (${unread.length}):`);
for (const u of unread) console.log(`  ${u}`);
