import type Database from "better-sqlite3";
import { NOT_PRIMARY, registryCode } from "./trial-links";

/**
 * The raw reads behind search and the list: the rows the facet index is built from, the
 * full-text matches, the rows of one page of results, and short trial lists. SQL only;
 * ranking, filtering and counting happen in lib/search over what these return.
 */

/** `PRAGMA data_version`: moves when another connection (an import) commits. */
export function dataVersion(db: Database.Database): number {
  return db.pragma("data_version", { simple: true }) as number;
}

/** One trial's fields that the list filters, counts and sorts on. */
export interface FacetRow {
  rowid: number; id: string; status: string | null; allocation: string | null; masking: string | null; source: string | null;
  minAge: number | null; maxAge: number | null; start: string | null; enrollment: number | null; maxDose: number | null;
  /** The registry's status verification date (ISO), null when the source states none. */
  statusVerified: string | null;
  title: string | null; officialTitle: string | null; acronym: string | null; nctId: string | null; sponsor: string | null;
  /** JSON string[] */
  interventions: string;
  /** JSON string[] */
  keywords: string;
  /** comma-joined */
  phases: string | null;
  /** JSON string[], in the record's order */
  conditions: string;
  otherIds: string | null;
  armLabels: string | null;
  /** comma-joined per-kg doses of the arms that report one */
  doses: string | null;
  /** comma-joined MSC infusion counts above 0 */
  infusions: string | null;
  /** comma-joined arm routes, cell sources and origins (values only; an arm without one adds nothing) */
  routes: string | null;
  armSources: string | null;
  origins: string | null;
  /** comma-joined registry codes of the trial's registrations (lib/db/trial-links.ts registryCode) */
  registries: string | null;
}

// One query per table, grouped, merged by trial id: a correlated subquery per trial and
// table made the build several times slower at 50,000 trials.
const TRIALS = `SELECT rowid, id, overallStatus AS status, allocation, masking, cellSource AS source,
  minAgeYears AS minAge, maxAgeYears AS maxAge, startDate AS start, enrollmentCount AS enrollment,
  maxCellsPerKg AS maxDose, statusVerified, title, officialTitle, acronym, nctId, sponsor, interventions, keywords
FROM Trial WHERE id NOT IN (${NOT_PRIMARY})`; // in rowid order (a sequential read); sorted by id below
// (A trial registered in several registries is one row: its group's primary record.)
const CHILDREN = {
  phases: "SELECT trialId AS id, group_concat(phase) AS v FROM TrialPhase GROUP BY trialId",
  conditions: "SELECT trialId AS id, json_group_array(name) AS v FROM (SELECT * FROM Condition ORDER BY trialId, ordinal) GROUP BY trialId",
  otherIds: "SELECT trialId AS id, group_concat(value, ' ') AS v FROM OtherId GROUP BY trialId",
} as const;
// One scan of Arm for three fields (group_concat skips the NULLs).
const ARMS = `SELECT trialId AS id, group_concat(label, ' ') AS armLabels, group_concat(cellsPerKgPerInfusion) AS doses,
  group_concat(CASE WHEN activeInfusions > 0 THEN activeInfusions END) AS infusions,
  group_concat(route) AS routes, group_concat(cellSource) AS armSources, group_concat(cellOrigin) AS origins FROM Arm GROUP BY trialId`;

/** Every trial's facet row, sorted by id. */
export function readFacetRows(db: Database.Database): FacetRow[] {
  const trials = (db.prepare(TRIALS).all() as FacetRow[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(trials.map((t) => [t.id, t]));
  for (const { id, ...arms } of db.prepare(ARMS).all() as Pick<FacetRow, "id" | "armLabels" | "doses" | "infusions" | "routes" | "armSources" | "origins">[]) {
    const t = byId.get(id);
    if (t) Object.assign(t, arms);
  }
  for (const [field, sql] of Object.entries(CHILDREN)) {
    for (const { id, v } of db.prepare(sql).all() as { id: string; v: string }[]) {
      const t = byId.get(id);
      if (t) (t as unknown as Record<string, string>)[field] = v;
    }
  }
  // The registries of each trial's registrations: the group's records, by their ids.
  for (const { id, v } of db.prepare(`SELECT coalesce(g.groupId, t.id) AS id, group_concat(t.id, ' ') AS v
      FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id GROUP BY 1`).all() as { id: string; v: string }[]) {
    const t = byId.get(id);
    if (t) t.registries = [...new Set(v.split(" ").map(registryCode))].join(",");
  }
  for (const t of trials) {
    t.registries ??= null;
    t.conditions ??= "[]";
    t.phases ??= null;
    t.otherIds ??= null;
    t.armLabels ??= null;
    t.doses ??= null;
    t.infusions ??= null;
    t.routes ??= null;
    t.armSources ??= null;
    t.origins ??= null;
  }
  return trials;
}

/** The rowids of the trials whose text matches an FTS5 expression built by lib/search (quoted words only). */
export function matchRowids(db: Database.Database, match: string): number[] {
  return db.prepare("SELECT rowid FROM trial_fts WHERE trial_fts MATCH ?").pluck().all(match) as number[];
}

/** What one result row of the list shows. */
export interface ListRow {
  id: string; title: string | null; officialTitle: string | null; overallStatus: string | null;
  enrollmentCount: number | null; enrollmentType: string | null; sponsor: string | null; briefSummary: string | null;
  description: string | null; startDate: string | null; phases: string | null;
  /** JSON [{ label, description, perKg, estimated }] in arm order */
  arms: string;
  /** JSON string[] */
  conditions: string;
  criteria: string | null;
  otherIds: string | null;
  /** JSON string[] */
  interventions: string;
  acronym: string | null;
  nctId: string | null;
  cellSource: string | null;
  /** JSON string[] */
  keywords: string;
  /** contacts' affiliations and locations' facilities, joined by " · " */
  sites: string | null;
}

const LIST_SQL = (n: number) => `SELECT t.id, t.title, t.officialTitle, t.overallStatus, t.enrollmentCount, t.enrollmentType,
  t.sponsor, t.briefSummary, t.description, t.startDate, t.interventions, t.acronym, t.nctId, t.cellSource, t.keywords,
  (SELECT group_concat(s, ' · ') FROM (SELECT affiliation AS s FROM Contact WHERE trialId = t.id AND affiliation IS NOT NULL
     UNION ALL SELECT facility FROM Location WHERE trialId = t.id AND facility IS NOT NULL)) AS sites,
  (SELECT group_concat(phase) FROM TrialPhase WHERE trialId = t.id) AS phases,
  (SELECT json_group_array(json_object('label', label, 'description', description, 'perKg', cellsPerKgPerInfusion, 'estimated', estimated))
     FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS arms,
  (SELECT json_group_array(name) FROM (SELECT name FROM Condition WHERE trialId = t.id ORDER BY ordinal)) AS conditions,
  (SELECT group_concat(text, ' · ') FROM Criterion WHERE trialId = t.id) AS criteria,
  (SELECT group_concat(value, ' ') FROM OtherId WHERE trialId = t.id) AS otherIds
FROM Trial t WHERE t.id IN (${Array(n).fill("?").join(",")})`;

/** The list rows of these trials (any order; unknown ids are left out). */
export function readListRows(db: Database.Database, ids: string[]): ListRow[] {
  const rows: ListRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    rows.push(...(db.prepare(LIST_SQL(chunk.length)).all(...chunk) as ListRow[]));
  }
  return rows;
}

export interface TrialTitle { id: string; title: string | null }

/** Every trial's id and title, in source-file order (the comparison's trial picker). */
export function readTrialTitles(db: Database.Database): TrialTitle[] {
  return db.prepare(`SELECT id, title FROM Trial WHERE id NOT IN (${NOT_PRIMARY}) ORDER BY sourceFile`).all() as TrialTitle[];
}

/**
 * A few trials to offer beside a trial page's "Compare with…": the newest that share a
 * condition, topped up with the newest others. Many sharers: walk the start-date index
 * and stop at `limit`; few: sort those few (a walk would scan the whole table for them).
 */
export function readCompareCandidates(db: Database.Database, id: string, conditions: string[], limit = 12): TrialTitle[] {
  const names = JSON.stringify(conditions);
  const { n } = db.prepare("SELECT count(*) AS n FROM Condition WHERE name IN (SELECT value FROM json_each(?))").get(names) as { n: number };
  const shared = n === 0 ? [] : (db.prepare(n > 500
    ? `SELECT t.id, t.title FROM Trial t WHERE t.id <> ? AND t.id NOT IN (${NOT_PRIMARY}) AND EXISTS (SELECT 1 FROM Condition c WHERE c.trialId = t.id
         AND c.name IN (SELECT value FROM json_each(?))) ORDER BY t.startDate DESC LIMIT ?`
    : `SELECT t.id, t.title FROM Trial t WHERE t.id <> ? AND t.id NOT IN (${NOT_PRIMARY}) AND t.id IN (SELECT c.trialId FROM Condition c
         WHERE c.name IN (SELECT value FROM json_each(?))) ORDER BY t.startDate DESC LIMIT ?`).all(id, names, limit) as TrialTitle[]);
  if (shared.length >= limit) return shared;
  const others = db.prepare(`SELECT id, title FROM Trial WHERE id <> ? AND id NOT IN (${NOT_PRIMARY}) AND id NOT IN (SELECT value FROM json_each(?))
      ORDER BY startDate DESC LIMIT ?`).all(id, JSON.stringify(shared.map((s) => s.id)), limit - shared.length) as TrialTitle[];
  return [...shared, ...others];
}

/** How many trials the database holds. */
export function readTrialCount(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM Trial").get() as { n: number }).n;
}
