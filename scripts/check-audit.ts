/**
 * npm run check:audit — the precision audit (issue 17): the hand-read facts of the drawn arms
 * (tests/fixtures/audit/msc-other-arms.json) against what the importer reads from the same
 * records of ../shared/ctgov/msc-other. Prints the three numbers (correct, shown but not
 * stated, stated but left null), the accuracy of each field, every discrepancy with the
 * importer's source words, and the importer's abstentions (a null with a reason).
 * Exit code 1 when anything is shown that the record does not state.
 *
 *   npx tsx scripts/check-audit.ts [AUDIT_FILE]
 */
import path from "node:path";
import { AUDIT_FILE, describe, FIELDS, loadAuditFile, ROOT, runAudit } from "../tests/helpers/audit";

const file = process.argv[2] ? path.resolve(process.argv[2]) : AUDIT_FILE;
let audit;
try {
  audit = loadAuditFile(file);
} catch (e) {
  console.error(`check-audit: ${(e as Error).message}`);
  process.exit(2);
}
const report = runAudit(audit);
const { counts, results } = report;
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "–");

console.log(`Precision audit: ${audit.arms.length} arms of ${audit.source} (seed ${audit.seed}), ${results.length} fields compared (${path.relative(ROOT, file)})`);
console.log(`  correct                  ${counts.correct}`);
console.log(`  shown but not stated     ${counts.shownNotStated}`);
console.log(`  stated but left null     ${counts.statedNotShown}`);
console.log(`  (abstentions with a reason: ${report.abstentions.length}; arms not compared: ${report.missing.length})`);
console.log("\nPer field (correct / compared):");
for (const f of FIELDS) {
  const { correct, total } = report.perField[f];
  console.log(`  ${f.padEnd(11)} ${String(correct).padStart(3)} / ${String(total).padEnd(3)} ${pct(correct, total)}`);
}

const section = (title: string, lines: string[]) => {
  console.log(`\n${title} (${lines.length}):`);
  for (const l of lines) console.log(`  ${l}`);
};
section("Shown but not stated", results.filter((r) => r.verdict === "shownNotStated").map(describe));
section("Stated but left null", results.filter((r) => r.verdict === "statedNotShown").map(describe));
section("Abstentions (importer null, with its reason)", report.abstentions.map((r) => `${r.nctId}  "${r.arm}"  ${r.field} (audit ${r.audit}): ${r.reason}`));
if (report.missing.length) section("Arms not compared", report.missing.map((m) => `${m.nctId}  "${m.arm}": ${m.problem}`));

process.exit(counts.shownNotStated || report.missing.length ? 1 : 0);
