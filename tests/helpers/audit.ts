/**
 * The precision audit (issue 17): the hand-read facts of drawn arms of
 * ../shared/ctgov/msc-other (tests/fixtures/audit/msc-other-arms.json, format in the audit's
 * FORMAT.md) against what the project's importer reads from the same records.
 *
 * Each record is read as `npm run import` reads a .json file (lib/import/run-import.ts:
 * readJsonStudies, then importSource with the seed curation), in process and without a
 * database. The audited arm is found by its label; its MSC doses (product "MSC") are compared
 * field by field:
 *   msc        whether the arm has an MSC dose at all;
 *   amount     cellsPerKg (per kg) or cellsPerInfusion (per administration), or the dose's
 *              `range: { min, max, unit: "cells/kg" | "cells" }` (read loosely: a missing
 *              field is null);
 *   infusions  the dose's infusions;
 *   dayOffsets the dose's dayOffsets.
 * Every field is one of: correct; shown but not stated (the importer shows a value the audit
 * does not have, or a different one); stated but left null (the audit has a value, the
 * importer null). A null from the importer with a reason (the dose's `unstated`, or a warning
 * about the arm) is also listed as an abstention.
 */
import fs from "node:fs";
import path from "node:path";
import { readJsonStudies } from "../../lib/import/json-studies";
import { loadCuration, MAX_RECORD_BYTES, SEED_CURATION } from "../../lib/import/run-import";
import { importSource } from "../../lib/ingest/pipeline";
import { armWarnings } from "../../lib/format";
import type { Curation } from "../../lib/ingest/curation";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const AUDIT_FILE = path.join(ROOT, "tests/fixtures/audit/msc-other-arms.json");

// ---------------------------------------------------------------------------------------
// The audit file

export type AuditAmount =
  | { per: "kg" | "administration"; value: number }
  | { per: "kg" | "administration"; min: number; max: number };

export interface AuditDose {
  amount: AuditAmount | null;
  infusions: number | null;
  dayOffsets: number[] | null;
}

export interface AuditArm extends Partial<AuditDose> {
  nctId: string;
  arm: string;
  msc: boolean;
  /** Two distinct MSC regimens of one arm, each fully stated, in place of the three fields. */
  doses?: AuditDose[];
  note: string;
}

export interface AuditFile {
  seed: number;
  draw: string;
  source: string;
  arms: AuditArm[];
}

const problem = (file: string, i: number | null, what: string) =>
  new Error(`${path.relative(ROOT, file)}${i === null ? "" : ` arms[${i}]`}: ${what}`);

function checkAmount(a: unknown, file: string, i: number): AuditAmount | null {
  if (a === null) return null;
  const o = a as Record<string, unknown>;
  if (typeof o !== "object" || (o.per !== "kg" && o.per !== "administration")) {
    throw problem(file, i, `amount must be null or { per: "kg" | "administration", … }, got ${JSON.stringify(a)}`);
  }
  const positive = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v > 0;
  if ("value" in o) {
    if (!positive(o.value)) throw problem(file, i, `amount.value must be a positive number, got ${JSON.stringify(o.value)}`);
    return { per: o.per, value: o.value as number };
  }
  if (!positive(o.min) || !positive(o.max) || (o.min as number) > (o.max as number)) {
    throw problem(file, i, `a range amount needs positive min ≤ max, got ${JSON.stringify(a)}`);
  }
  return { per: o.per, min: o.min as number, max: o.max as number };
}

function checkDose(d: Record<string, unknown>, file: string, i: number): AuditDose {
  for (const key of ["amount", "infusions", "dayOffsets"]) {
    if (!(key in d)) throw problem(file, i, `"${key}" is missing (null when not stated)`);
  }
  const infusions = d.infusions;
  if (infusions !== null && !(Number.isInteger(infusions) && (infusions as number) > 0)) {
    throw problem(file, i, `infusions must be null or a positive whole number, got ${JSON.stringify(infusions)}`);
  }
  const days = d.dayOffsets;
  if (days !== null && !(Array.isArray(days) && days.every((x) => Number.isInteger(x) && x >= 0))) {
    throw problem(file, i, `dayOffsets must be null or a list of whole days, got ${JSON.stringify(days)}`);
  }
  if (Array.isArray(days) && infusions !== null && days.length !== infusions) {
    throw problem(file, i, `${days.length} day offsets for ${infusions} infusions`);
  }
  return { amount: checkAmount(d.amount, file, i), infusions: infusions as number | null, dayOffsets: days as number[] | null };
}

/** The audit file, checked: a clear error naming the file and the arm for anything malformed. */
export function loadAuditFile(file: string = AUDIT_FILE): AuditFile {
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    throw problem(file, null, (e as Error).message);
  }
  const d = doc as Record<string, unknown>;
  if (typeof d !== "object" || d === null || !Array.isArray(d.arms)) throw problem(file, null, `expected { seed, draw, source, arms: [...] }`);
  const arms = (d.arms as Record<string, unknown>[]).map((a, i): AuditArm => {
    if (typeof a?.nctId !== "string" || !/^NCT\d{8}$/.test(a.nctId)) throw problem(file, i, `nctId must be an NCT id, got ${JSON.stringify(a?.nctId)}`);
    if (typeof a.arm !== "string" || !a.arm) throw problem(file, i, `arm must be the arm's label`);
    if (typeof a.msc !== "boolean") throw problem(file, i, `msc must be true or false`);
    const note = typeof a.note === "string" ? a.note : "";
    if (Array.isArray(a.doses)) {
      const doses = (a.doses as Record<string, unknown>[]).map((x) => checkDose(x, file, i));
      return { nctId: a.nctId, arm: a.arm, msc: a.msc, doses, note };
    }
    const dose = checkDose(a, file, i);
    if (!a.msc && (dose.amount || dose.infusions !== null || dose.dayOffsets !== null)) {
      throw problem(file, i, `an arm without MSCs has no amount, infusions or day offsets`);
    }
    return { nctId: a.nctId, arm: a.arm, msc: a.msc, ...dose, note };
  });
  return { seed: d.seed as number, draw: d.draw as string, source: d.source as string, arms };
}

// ---------------------------------------------------------------------------------------
// What the importer reads

/** One MSC dose as the importer gives it, loosely typed for fields other helpers add. */
export interface ImportedDose {
  cellsPerKg: number | null;
  cellsPerInfusion: number | null;
  range: { min: number; max: number; unit: string } | null;
  infusions: number | null;
  dayOffsets: number[] | null;
  text: string;
  /** Why the importer gives no number (the dose's `unstated`), as words. */
  unstated: string | null;
}

export interface ImportedArm {
  label: string;
  /** The arm's MSC doses. */
  doses: ImportedDose[];
  /** The import warnings about this arm. */
  warnings: string[];
}

export type ImportedStudy =
  | { ok: true; arms: ImportedArm[] }
  | { ok: false; error: string };

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function looseRange(v: unknown): ImportedDose["range"] {
  if (!v || typeof v !== "object") return null;
  const r = v as Record<string, unknown>;
  const min = num(r.min) ?? num(r.low);
  const max = num(r.max) ?? num(r.high);
  if (min === null || max === null) return null;
  return { min, max, unit: typeof r.unit === "string" ? r.unit : "" };
}

function words(v: unknown): string | null {
  if (v === null || v === undefined || v === false) return null;
  return typeof v === "string" ? v : JSON.stringify(v);
}

let curation: Curation | null = null;

/**
 * The arms of one record of `dir` (the file `<nctId>.json`) as `npm run import` reads it:
 * the file's studies (readJsonStudies), each through importSource with the seed curation.
 */
export function importStudy(dir: string, nctId: string): ImportedStudy {
  const filePath = path.join(dir, `${nctId}.json`);
  const file = path.basename(filePath);
  curation ??= loadCuration(path.join(ROOT, SEED_CURATION));
  try {
    for (const piece of readJsonStudies(filePath, MAX_RECORD_BYTES)) {
      if (piece.kind === "error") return { ok: false, error: `${file}: ${piece.message}` };
      const { record, warnings } = importSource(Buffer.from(piece.text), file, curation);
      if (record.nctId !== nctId) continue;
      return {
        ok: true,
        arms: record.arms.map((arm, index) => ({
          label: arm.label,
          warnings: armWarnings(warnings, arm.label, index),
          doses: arm.doses.filter((d) => d.product === "MSC").map((d) => {
            const loose = d as unknown as Record<string, unknown>;
            return {
              cellsPerKg: d.cellsPerKg, cellsPerInfusion: d.cellsPerInfusion, range: looseRange(loose.range),
              infusions: d.infusions, dayOffsets: d.dayOffsets, text: d.text, unstated: words(loose.unstated),
            };
          }),
        })),
      };
    }
    return { ok: false, error: `${file}: no study ${nctId} in the file` };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

// ---------------------------------------------------------------------------------------
// The comparison

export const FIELDS = ["msc", "amount", "infusions", "dayOffsets"] as const;
export type Field = (typeof FIELDS)[number];
export type Verdict = "correct" | "shownNotStated" | "statedNotShown";

export interface FieldResult {
  nctId: string;
  arm: string;
  /** `amount`, or `doses[1].amount` when the audit lists an arm's regimens one by one. */
  field: string;
  kind: Field;
  verdict: Verdict;
  audit: string;
  importer: string;
  /** The importer's source words for the dose (its `text`), when it has a dose. */
  words: string | null;
  /** Why the importer left the value null (its `unstated`, the arm's warnings), when it says. */
  reason: string | null;
  note: string;
}

export interface AuditReport {
  results: FieldResult[];
  /** Audited arms that could not be compared (record not read, label not found). */
  missing: { nctId: string; arm: string; problem: string }[];
  counts: Record<Verdict, number>;
  abstentions: FieldResult[];
  perField: Record<Field, { correct: number; total: number }>;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

export function showAmount(a: AuditAmount | null): string {
  if (!a) return "null";
  const unit = a.per === "kg" ? "/kg" : " per administration";
  return "value" in a ? `${a.value.toExponential()}${unit}` : `${a.min.toExponential()}–${a.max.toExponential()}${unit}`;
}

/** The importer's amount in the audit's terms: per kg, flat, a range, or null. */
export function importedAmount(d: ImportedDose | undefined): AuditAmount | null {
  if (!d) return null;
  if (d.cellsPerKg !== null) return { per: "kg", value: d.cellsPerKg };
  if (d.cellsPerInfusion !== null) return { per: "administration", value: d.cellsPerInfusion };
  if (d.range) return { per: d.range.unit === "cells/kg" ? "kg" : "administration", min: d.range.min, max: d.range.max };
  return null;
}

export function sameAmount(a: AuditAmount, b: AuditAmount): boolean {
  if (a.per !== b.per) return false;
  if ("value" in a) return "value" in b && close(a.value, b.value);
  return "min" in b && close(a.min, b.min) && close(a.max, b.max);
}

/**
 * One field: null vs null is correct; a value the audit does not have, or a different one, is
 * shown but not stated; a value the audit has and the importer leaves null is stated but left null.
 */
export function verdictOf<T>(audit: T | null, importer: T | null, same: (a: T, b: T) => boolean): Verdict {
  if (importer === null) return audit === null ? "correct" : "statedNotShown";
  if (audit === null) return "shownNotStated";
  return same(audit, importer) ? "correct" : "shownNotStated";
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const showList = (a: number[] | null) => (a === null ? "null" : `[${a.join(", ")}]`);

/** The audited arm against the importer's arm (null: the importer has no MSC dose there). */
export function compareArm(audit: AuditArm, imported: ImportedArm): FieldResult[] {
  const out: FieldResult[] = [];
  const base = { nctId: audit.nctId, arm: audit.arm, note: audit.note };
  const armReason = imported.warnings.length ? imported.warnings.join(" | ") : null;
  const wordsOf = (ds: ImportedDose[]) => (ds.length ? ds.map((d) => d.text).join(" / ") : null);
  const hasMsc = imported.doses.length > 0;
  out.push({
    ...base, field: "msc", kind: "msc", verdict: audit.msc === hasMsc ? "correct" : hasMsc ? "shownNotStated" : "statedNotShown",
    audit: String(audit.msc), importer: String(hasMsc), words: wordsOf(imported.doses), reason: hasMsc ? null : armReason,
  });

  const auditDoses: AuditDose[] = audit.doses ?? [{ amount: audit.amount ?? null, infusions: audit.infusions ?? null, dayOffsets: audit.dayOffsets ?? null }];
  // One audited regimen is compared with every MSC dose the importer gives the arm (each
  // must agree); several are compared one to one, in order.
  const pairs: [AuditDose, ImportedDose[], string][] = audit.doses
    ? Array.from({ length: Math.max(auditDoses.length, imported.doses.length) }, (_, i) => [
      auditDoses[i] ?? { amount: null, infusions: null, dayOffsets: null },
      imported.doses[i] ? [imported.doses[i]!] : [],
      `doses[${i}].`,
    ])
    : [[auditDoses[0]!, imported.doses, ""]];

  for (const [a, ds, prefix] of pairs) {
    const reasonOf = (d: ImportedDose | undefined) => [d?.unstated, armReason].filter(Boolean).join(" | ") || null;
    const field = <T>(kind: Field, auditValue: T | null, values: (T | null)[], same: (x: T, y: T) => boolean, show: (x: T | null) => string) => {
      // Several importer doses: the first that disagrees with the audit decides, else the first.
      const verdicts = values.length ? values.map((v) => verdictOf(auditValue, v, same)) : [verdictOf<T>(auditValue, null, same)];
      const worst = verdicts.indexOf("shownNotStated") >= 0 ? verdicts.indexOf("shownNotStated")
        : verdicts.indexOf("statedNotShown") >= 0 ? verdicts.indexOf("statedNotShown") : 0;
      const importerValue = values.length ? values[worst]! : null;
      out.push({
        ...base, field: `${prefix}${kind}`, kind, verdict: verdicts[worst]!,
        audit: show(auditValue), importer: values.length > 1 ? values.map(show).join(" / ") : show(importerValue),
        words: ds[worst]?.text ?? null, reason: importerValue === null ? reasonOf(ds[worst]) : null,
      });
    };
    field("amount", a.amount, ds.map(importedAmount), sameAmount, showAmount);
    field("infusions", a.infusions, ds.map((d) => d.infusions), (x, y) => x === y, (x) => String(x));
    field("dayOffsets", a.dayOffsets, ds.map((d) => d.dayOffsets), sameList, showList);
  }
  return out;
}

/** The whole audit file against the importer. */
export function runAudit(file: AuditFile = loadAuditFile(), dir: string = path.resolve(ROOT, file.source)): AuditReport {
  const studies = new Map<string, ImportedStudy>();
  const results: FieldResult[] = [];
  const missing: AuditReport["missing"] = [];
  for (const audit of file.arms) {
    if (!studies.has(audit.nctId)) studies.set(audit.nctId, importStudy(dir, audit.nctId));
    const study = studies.get(audit.nctId)!;
    if (!study.ok) {
      missing.push({ nctId: audit.nctId, arm: audit.arm, problem: `not imported: ${study.error}` });
      continue;
    }
    const norm = (s: string) => s.replace(/\s+/g, " ").trim();
    const arm = study.arms.find((a) => a.label === audit.arm) ?? study.arms.find((a) => norm(a.label) === norm(audit.arm));
    if (!arm) {
      missing.push({ nctId: audit.nctId, arm: audit.arm, problem: `no arm with this label among ${JSON.stringify(study.arms.map((a) => a.label))}` });
      continue;
    }
    results.push(...compareArm(audit, arm));
  }
  const counts = { correct: 0, shownNotStated: 0, statedNotShown: 0 };
  const perField = Object.fromEntries(FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as AuditReport["perField"];
  for (const r of results) {
    counts[r.verdict]++;
    perField[r.kind].total++;
    if (r.verdict === "correct") perField[r.kind].correct++;
  }
  return { results, missing, counts, perField, abstentions: results.filter((r) => r.reason !== null) };
}

/** One discrepancy on one line: NCT id, arm, field, audit vs importer, the importer's words. */
export function describe(r: FieldResult): string {
  const words = r.words ? `  words: "${r.words}"` : "";
  const reason = r.reason ? `  reason: ${r.reason}` : "";
  return `${r.nctId}  "${r.arm}"  ${r.field}: audit ${r.audit}, importer ${r.importer}${words}${reason}`;
}
