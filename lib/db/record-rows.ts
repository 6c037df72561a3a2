import type { Evidence, TrialRecord } from "../record/schema";
import { encodeDirectFields } from "./direct-fields";
import { LOCATION_COLUMNS, locationRows, REFERENCE_COLUMNS, referenceRows, resultsColumns } from "./sites";

/**
 * The rows a record is stored as, engine-neutral: the Trial row, each child table's rows
 * (values in its columns' order), and each arm's and stage's row with the rows under it
 * (Dose, StageGroup), whose key the database gives on insert. Booleans are booleans here:
 * the SQLite writer stores them as 0/1, PostgreSQL as booleans. Both writers
 * (lib/db/write-trial.ts, lib/db/postgres/write-trial.ts) insert exactly these rows, and
 * the view row (lib/db/trial-views.ts viewOfRows) is decoded from them: a new table or
 * column is added here once.
 */

export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: unknown[][];
}

/** The rows under one arm or stage: its own row's values, and its children's rows (their parent key first, filled in on insert). */
export interface ParentRows {
  table: "Arm" | "Stage";
  columns: readonly string[];
  row: unknown[];
  children: TableRows;
}

export interface RecordRows {
  /** The Trial row, by column. */
  trial: Record<string, unknown>;
  /** The child tables keyed by trialId (in insert order). */
  tables: TableRows[];
  /** Arms with their doses, stages with their groups, in the record's order. */
  parents: ParentRows[];
}

const nullableMax = (xs: (number | null)[]) => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? Math.max(...known) : null;
};

/** Booleans as booleans (encodeDirectFields and resultsColumns give SQLite's 0/1 for them). */
const asBoolean = (v: unknown) => (v === null || v === undefined ? null : v === true || v === 1);

export const THRESHOLD_COLUMNS = ["trialId", "ordinal", "list", "criterion", "group", "analyte", "op", "value", "max", "unit", "relativeTo", "text", "start", "end"] as const;
export const ARM_COLUMNS = ["trialId", "ordinal", "label", "type", "description", "cellsPerKgPerInfusion", "estimated", "activeInfusions",
  "cumulativeCellsPerKg", "route", "routeText", "cellSource", "cellSourceText", "cellOrigin", "cellOriginText"] as const;
export const DOSE_COLUMNS = ["armId", "ordinal", "product", "cellsPerKg", "cellsPerInfusion", "infusions", "dayOffsets", "text",
  "rangeMin", "rangeMax", "rangeUnit", "unstated", "schedulePhases"] as const;
export const STAGE_COLUMNS = ["trialId", "ordinal", "label", "description", "text"] as const;
export const STAGE_GROUP_COLUMNS = ["stageId", "ordinal", "label", "ratio", "count", "armOrdinals", "fromGroup"] as const;

/** A record's Trial row (importedAt: ISO text; booleans as booleans). */
export function trialRow(r: TrialRecord, importedAt: string): Record<string, unknown> {
  const direct = encodeDirectFields(r) as Record<string, unknown>;
  // A direct boolean field is encoded as 0/1 for SQLite: back to a boolean here.
  for (const [k, v] of Object.entries(r)) if (typeof v === "boolean" && k in direct) direct[k] = v;
  const results = resultsColumns(r);
  return {
    ...direct,
    id: r.id, sourceFile: r.source.file, sourceFormat: r.source.format,
    allocation: r.design.allocation, interventionModel: r.design.interventionModel, masking: r.design.masking,
    enrollmentCount: r.enrollment?.count ?? null, enrollmentType: r.enrollment?.type ?? null,
    startDate: r.dates.start, primaryCompletionDate: r.dates.primaryCompletion, completionDate: r.dates.completion,
    minAgeYears: r.eligibility.minAgeYears, maxAgeYears: r.eligibility.maxAgeYears, sex: r.eligibility.sex,
    healthyVolunteers: r.eligibility.healthyVolunteers,
    referenceWeightKg: r.referenceWeightKg,
    maxCellsPerKg: nullableMax(r.arms.map((a) => a.summary.cellsPerKgPerInfusion)),
    resultsPosted: asBoolean(results.resultsPosted), resultsFirstPosted: results.resultsFirstPosted, referencesListed: asBoolean(results.referencesListed),
    importedAt,
  };
}

/** A record's rows in every table but Trial (see RecordRows). */
export function recordRows(r: TrialRecord, evidence: Record<string, Evidence>, importedAt: string): RecordRows {
  const tables: TableRows[] = [
    { table: "TrialPhase", columns: ["trialId", "phase"], rows: r.phases.map((p) => [r.id, p]) },
    { table: "Condition", columns: ["trialId", "ordinal", "name"], rows: r.conditions.map((c, i) => [r.id, i, c]) },
    { table: "OtherId", columns: ["trialId", "ordinal", "value"], rows: r.otherIds.map((v, i) => [r.id, i, v]) },
    {
      table: "Criterion", columns: ["trialId", "kind", "ordinal", "text"], rows: [
        ...r.eligibility.inclusion.map((t, i) => [r.id, "INCLUSION", i, t]),
        ...r.eligibility.exclusion.map((t, i) => [r.id, "EXCLUSION", i, t]),
      ],
    },
    {
      table: "Threshold", columns: THRESHOLD_COLUMNS,
      rows: r.eligibility.thresholds.map((t, i) => [r.id, i, t.list, t.criterion, t.group, t.analyte, t.op, t.value, t.max, t.unit, t.relativeTo, t.text, t.start, t.end]),
    },
    {
      table: "Outcome", columns: ["trialId", "kind", "ordinal", "measure", "timeFrame", "description"],
      rows: r.outcomes.map((o, i) => [r.id, o.kind ?? "UNSPECIFIED", i, o.measure, o.timeFrame, o.description]),
    },
    {
      table: "Contact", columns: ["trialId", "ordinal", "role", "name", "phone", "email", "affiliation"],
      rows: r.contacts.map((c, i) => [r.id, i, c.role, c.name, c.phone, c.email, c.affiliation]),
    },
    { table: "Location", columns: LOCATION_COLUMNS, rows: locationRows(r) },
    { table: "Reference", columns: REFERENCE_COLUMNS, rows: referenceRows(r) },
    { table: "FieldEvidence", columns: ["trialId", "path", "origin", "text"], rows: Object.entries(evidence).map(([path, e]) => [r.id, path, e.origin, e.text]) },
  ];
  const parents: ParentRows[] = [
    ...r.arms.map((a, i): ParentRows => {
      const s = a.summary;
      return {
        table: "Arm", columns: ARM_COLUMNS,
        row: [r.id, i, a.label, a.type, a.description, s.cellsPerKgPerInfusion, s.estimated, s.activeInfusions, s.cumulativeCellsPerKg,
          a.route?.value ?? null, a.route?.text ?? null, a.cellSource?.value ?? null, a.cellSource?.text ?? null,
          a.cellOrigin?.value ?? null, a.cellOrigin?.text ?? null],
        children: {
          table: "Dose", columns: DOSE_COLUMNS,
          rows: a.doses.map((d, j) => [null, j, d.product, d.cellsPerKg, d.cellsPerInfusion, d.infusions,
            d.dayOffsets ? JSON.stringify(d.dayOffsets) : null, d.text, d.range?.min ?? null, d.range?.max ?? null, d.range?.unit ?? null,
            d.unstated ? JSON.stringify(d.unstated) : null, d.schedulePhases ? JSON.stringify(d.schedulePhases) : null]),
        },
      };
    }),
    ...r.stages.map((s, i): ParentRows => ({
      table: "Stage", columns: STAGE_COLUMNS, row: [r.id, i, s.label, s.description, s.text],
      children: {
        table: "StageGroup", columns: STAGE_GROUP_COLUMNS,
        rows: s.groups.map((g, j) => [null, j, g.label, g.ratio, g.count, JSON.stringify(g.armOrdinals), g.fromGroup]),
      },
    })),
  ];
  return { trial: trialRow(r, importedAt), tables, parents };
}

/** A row's values by column name. */
export function rowObject(columns: readonly string[], row: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach((c, i) => (out[c] = row[i]));
  return out;
}

/** An identifier quoted for either engine ("group" and "end" are keywords in both). */
export const quoted = (name: string) => `"${name}"`;
