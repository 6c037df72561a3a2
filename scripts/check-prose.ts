/**
 * Runs the prose reader over the arm and intervention descriptions of the real
 * ClinicalTrials.gov records in ../shared/ctgov/classic (read in place, never copied) and
 * prints, per record, the arms and the doses read, then a summary with the dose-like
 * wordings that no dose was read from. `npm run check:prose [-- DIR]`.
 */
import fs from "node:fs";
import path from "node:path";
import { normalizeAllocation, normalizeArmType, normalizeInterventionModel, normalizeMasking } from "../lib/ingest/normalize/enums";
import {
  findAmounts, readAllocationFromProse, readArmsFromProse, readEnrollmentFromProse, readInterventionModelFromProse,
  readMaskingFromProse, type ProseArmInput,
} from "../lib/ingest/prose/index";

const dir = path.resolve(process.argv[2] ?? "../shared/ctgov/classic");
if (!fs.existsSync(dir)) {
  console.log(`check:prose: ${dir} is missing; nothing to check.`);
  process.exit(0);
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let arms = 0, withDose = 0, doses = 0;
const unread: string[] = [];
/** Design fields read from the prose against the record's structured ones: the prose reader's own check. */
const design = { stated: 0, agree: 0, disagree: [] as string[] };
/** Amounts read but deliberately kept out of a dose, each named by a warning (a range, levels, a conflict). */
const flagged: string[] = [];
const fmt = (n: number | null) => (n === null ? "?" : n.toExponential(1).replace("e+", "e"));

for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const study: Json = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const p: Json = (study.FullStudy?.Study ?? study.Study ?? study).ProtocolSection;
  const aim: Json = p.ArmsInterventionsModule ?? {};
  const groups: Json[] = aim.ArmGroupList?.ArmGroup ?? [];
  const ivs: Json[] = aim.InterventionList?.Intervention ?? [];
  const input: ProseArmInput[] = groups.map((g) => ({
    label: g.ArmGroupLabel,
    type: g.ArmGroupType ? normalizeArmType(g.ArmGroupType) : null,
    description: g.ArmGroupDescription ?? null,
    interventions: ivs
      .filter((iv) => (iv.InterventionArmGroupLabelList?.InterventionArmGroupLabel ?? []).includes(g.ArmGroupLabel))
      .map((iv) => ({ name: iv.InterventionName, description: iv.InterventionDescription ?? null })),
  }));
  const trialText = [p.DescriptionModule?.BriefSummary, p.DescriptionModule?.DetailedDescription].filter(Boolean).join("\n\n");
  // Interventions linked to no arm still describe the trial.
  const unlinked = ivs.filter((iv) => !(iv.InterventionArmGroupLabelList?.InterventionArmGroupLabel ?? []).length)
    .map((iv) => ({ name: iv.InterventionName, description: iv.InterventionDescription ?? null }));
  const result = readArmsFromProse({ arms: input, trialText, unlinked });
  const info: Json = p.DesignModule?.DesignInfo ?? {};
  const enrolled = Number(p.DesignModule?.EnrollmentInfo?.EnrollmentCount ?? NaN);
  const fields: [string, { value: unknown; text: string } | null, unknown][] = [
    ["allocation", readAllocationFromProse(trialText), info.DesignAllocation ? normalizeAllocation(info.DesignAllocation) : null],
    ["masking", readMaskingFromProse(trialText), info.DesignMaskingInfo?.DesignMasking ? normalizeMasking(info.DesignMaskingInfo.DesignMasking) : null],
    ["model", readInterventionModelFromProse(trialText), info.DesignInterventionModel ? normalizeInterventionModel(info.DesignInterventionModel) : null],
    ["enrollment", readEnrollmentFromProse(trialText), Number.isFinite(enrolled) ? enrolled : null],
  ];
  for (const [field, read, structured] of fields) {
    if (!read || structured === null) continue;
    design.stated++;
    if (read.value === structured) design.agree++;
    else design.disagree.push(`${p.IdentificationModule.NCTId} ${field}: prose "${read.text}" → ${String(read.value)}, record ${String(structured)}`);
  }
  console.log(`\n${p.IdentificationModule.NCTId}`);
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
  const texts = [...groups.map((g) => g.ArmGroupDescription ?? ""), ...ivs.map((iv) => iv.InterventionDescription ?? "")];
  for (const t of new Set(texts)) {
    for (const m of findAmounts(t)) {
      if (used.includes(m.text) || values.has(m.value)) continue;
      const line = `${p.IdentificationModule.NCTId}: "${m.text}"${m.range ? " (range)" : m.alternatives ? " (levels)" : m.concentration ? " (concentration)" : ""}`;
      if (result.warnings.some((w) => w.includes(m.text))) flagged.push(line);
      else unread.push(line);
    }
  }
}
console.log(`\nSummary: ${arms} arms, ${withDose} arms with an MSC dose amount, ${doses} doses read.`);
console.log(`Design fields the prose states, against the record's structured fields: ${design.agree} of ${design.stated} agree.`);
for (const d of design.disagree) console.log(`  ${d}`);
console.log(`Amounts read but not kept as a dose, each named in a warning (${flagged.length}):`);
for (const u of flagged) console.log(`  ${u}`);
console.log(`Dose-like wordings not read as a dose, with no warning (${unread.length}):`);
for (const u of unread) console.log(`  ${u}`);
