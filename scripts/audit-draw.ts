/**
 * Draws the arms of the precision audit (issue 17) from ../shared/ctgov/msc-other:
 * every registered arm of every record, in file order then arm order, shuffled with a
 * seeded generator (mulberry32, seed 20261207), the first 120 kept. Prints one line per
 * arm: "NCT…<TAB>arm label". The drawn list is in tests/fixtures/audit/msc-other-arms.json.
 *
 *   npx tsx scripts/audit-draw.ts [--seed N] [--count N]
 */
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SEED = opt("seed", 20261207);
const COUNT = opt("count", 120);
const DIR = path.resolve(import.meta.dirname, "../../shared/ctgov/msc-other");

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const arms: { nctId: string; label: string }[] = [];
for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort()) {
  const study = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8"));
  const protocol = study.FullStudy?.Study?.ProtocolSection ?? study.Study?.ProtocolSection ?? study.ProtocolSection;
  if (!protocol) continue;
  const nctId: string = protocol.IdentificationModule.NCTId;
  for (const arm of protocol.ArmsInterventionsModule?.ArmGroupList?.ArmGroup ?? []) {
    arms.push({ nctId, label: arm.ArmGroupLabel });
  }
}
const random = mulberry32(SEED);
for (let i = arms.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [arms[i], arms[j]] = [arms[j]!, arms[i]!];
}
console.error(`${arms.length} arms in ${DIR}; seed ${SEED}; first ${COUNT}`);
for (const { nctId, label } of arms.slice(0, COUNT)) console.log(`${nctId}\t${label}`);
