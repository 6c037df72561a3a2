/**
 * Draws the arms of the precision audit (issue 17) from ../shared/ctgov/msc-other:
 * every registered arm of every record, in file order then arm order, shuffled with a
 * seeded generator (mulberry32, seed 20261207), the first 120 kept. Prints one line per
 * arm: "NCT…<TAB>arm label". The audited facts of the drawn arms are in
 * tests/fixtures/audit/msc-other-arms.json; tests/unit/scripts/check-audit.test.ts checks that file against
 * `drawArms`, the function below.
 *
 *   npx tsx scripts/audit-draw.ts [--seed N] [--count N]
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { mulberry32 } from "./seeded-random";

export const AUDIT_SEED = 20261207;
export const AUDIT_COUNT = 120;
/** The folder of classic full-study JSON records the arms are drawn from. */
export const AUDIT_SOURCE_DIR = path.resolve(import.meta.dirname, "../../shared/ctgov/msc-other");

export interface DrawnArm {
  nctId: string;
  label: string;
}

/** The protocol section of a classic study, whichever envelope it comes in. */
function protocolOf(study: any) {
  return study?.FullStudy?.Study?.ProtocolSection ?? study?.Study?.ProtocolSection ?? study?.ProtocolSection;
}

/** Every arm of every .json record of `dir`, in file-name order then arm order. */
export function allArms(dir: string = AUDIT_SOURCE_DIR): DrawnArm[] {
  const arms: DrawnArm[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const protocol = protocolOf(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
    if (!protocol) continue;
    const nctId: string = protocol.IdentificationModule.NCTId;
    for (const arm of protocol.ArmsInterventionsModule?.ArmGroupList?.ArmGroup ?? []) {
      arms.push({ nctId, label: arm.ArmGroupLabel });
    }
  }
  return arms;
}

/** The draw: all arms shuffled (Fisher–Yates with mulberry32(seed)), the first `count`. */
export function drawArms({ dir = AUDIT_SOURCE_DIR, seed = AUDIT_SEED, count = AUDIT_COUNT } = {}): DrawnArm[] {
  const arms = allArms(dir);
  const random = mulberry32(seed);
  for (let i = arms.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [arms[i], arms[j]] = [arms[j]!, arms[i]!];
  }
  return arms.slice(0, count);
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    const value = i >= 0 ? Number(args[i + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) {
      console.error(`audit-draw: --${name} needs a whole number, got "${args[i + 1] ?? ""}"`);
      process.exit(2);
    }
    return value;
  };
  const seed = opt("seed", AUDIT_SEED);
  const count = opt("count", AUDIT_COUNT);
  const total = allArms().length;
  console.error(`${total} arms in ${AUDIT_SOURCE_DIR}; seed ${seed}; first ${count}`);
  for (const { nctId, label } of drawArms({ seed, count })) console.log(`${nctId}\t${label}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
