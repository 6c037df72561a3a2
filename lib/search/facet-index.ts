import type Database from "better-sqlite3";

/** What the list filters and sorts on, one compact row per trial, held in memory. */
export interface FacetRow {
  rowid: number;
  id: string;
  phases: string[];
  status: string | null;
  allocation: string | null;
  masking: string | null;
  conditions: string[];
  source: string | null;
  /** Per-kg dose per infusion of each arm that has one (stated or estimated). */
  doses: number[];
  /** MSC infusions of each arm that has them. */
  infusions: number[];
  minAge: number | null;
  maxAge: number | null;
  start: string | null;
  enrollment: number | null;
  maxDose: number | null;
}

const SQL = `SELECT t.rowid AS rowid, t.id, t.overallStatus AS status, t.allocation, t.masking, t.cellSource AS source,
  t.minAgeYears AS minAge, t.maxAgeYears AS maxAge, t.startDate AS start, t.enrollmentCount AS enrollment,
  t.maxCellsPerKg AS maxDose,
  (SELECT group_concat(phase) FROM TrialPhase p WHERE p.trialId = t.id) AS phases,
  (SELECT json_group_array(name) FROM Condition c WHERE c.trialId = t.id) AS conditions,
  (SELECT group_concat(cellsPerKgPerInfusion) FROM Arm a WHERE a.trialId = t.id AND cellsPerKgPerInfusion IS NOT NULL) AS doses,
  (SELECT group_concat(activeInfusions) FROM Arm a WHERE a.trialId = t.id AND activeInfusions > 0) AS infusions
FROM Trial t`;

interface RawRow extends Omit<FacetRow, "phases" | "conditions" | "doses" | "infusions"> {
  phases: string | null;
  conditions: string;
  doses: string | null;
  infusions: string | null;
}

const numbers = (s: string | null) => (s ? s.split(",").map(Number) : []);

const caches = new WeakMap<Database.Database, { version: number; rows: FacetRow[]; byRowid: Map<number, FacetRow> }>();

/**
 * The facet rows, reloaded only when the database changed since the last call
 * (`PRAGMA data_version` moves when another connection, e.g. an import, commits).
 */
export function facetIndex(db: Database.Database): { rows: FacetRow[]; byRowid: Map<number, FacetRow> } {
  const version = db.pragma("data_version", { simple: true }) as number;
  const cached = caches.get(db);
  if (cached && cached.version === version) return cached;
  const rows = (db.prepare(SQL).all() as RawRow[]).map((r) => ({
    ...r,
    phases: r.phases ? r.phases.split(",") : [],
    conditions: JSON.parse(r.conditions) as string[],
    doses: numbers(r.doses),
    infusions: [...new Set(numbers(r.infusions))],
  }));
  const fresh = { version, rows, byRowid: new Map(rows.map((r) => [r.rowid, r])) };
  caches.set(db, fresh);
  return fresh;
}
