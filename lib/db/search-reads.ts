import type Database from "better-sqlite3";
import type { FacetRow, ListRow, TrialTitle } from "./store";
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

// One query per table, grouped, merged by trial id: a correlated subquery per trial and
// table made the build several times slower at 50,000 trials.
const TRIALS = `SELECT rowid, id, overallStatus AS status, allocation, masking, cellSource AS source,
  minAgeYears AS minAge, maxAgeYears AS maxAge, startDate AS start, enrollmentCount AS enrollment,
  maxCellsPerKg AS maxDose, statusVerified, title, officialTitle, acronym, nctId, sponsor, interventions, keywords
FROM Trial WHERE id NOT IN (${NOT_PRIMARY})`; // in rowid order (a sequential read); sorted by id below
// (A trial registered in several registries is one row: its group's primary record.)
// Lists come back as JSON arrays (decoded below), in the order of the scan.
const CHILDREN = {
  phases: "SELECT trialId AS id, json_group_array(phase) AS v FROM TrialPhase GROUP BY trialId",
  conditions: "SELECT trialId AS id, json_group_array(name) AS v FROM (SELECT * FROM Condition ORDER BY trialId, ordinal) GROUP BY trialId",
  otherIds: "SELECT trialId AS id, json_group_array(value) AS v FROM OtherId GROUP BY trialId",
} as const;
const values = (column: string) => `json_group_array(${column}) FILTER (WHERE ${column} IS NOT NULL)`;
/**
 * A REAL column's values (NULL: `null`, or left out with `skipNull`) as the text of a JSON
 * array that reads back as the same doubles: SQLite's JSON functions write a REAL with at
 * most 16 significant digits (833333.333333333 for the stored 833333.3333333334); 17
 * (`%!.17g`) always read back exactly, as PostgreSQL's JSON gives them.
 */
export const exactReals = (column: string, skipNull = false) => skipNull
  ? `coalesce('[' || group_concat(printf('%!.17g', ${column}), ',') FILTER (WHERE ${column} IS NOT NULL) || ']', '[]')`
  : `coalesce('[' || group_concat(CASE WHEN ${column} IS NULL THEN 'null' ELSE printf('%!.17g', ${column}) END, ',') || ']', '[]')`;
// One scan of Arm for its fields (an arm without a value adds nothing).
const ARMS = `SELECT trialId AS id, json_group_array(label) AS armLabels, ${exactReals("cellsPerKgPerInfusion", true)} AS doses,
  ${values("CASE WHEN activeInfusions > 0 THEN activeInfusions END")} AS infusions,
  ${values("route")} AS routes, ${values("cellSource")} AS armSources, ${values("cellOrigin")} AS origins FROM Arm GROUP BY trialId`;
const ARM_FIELDS = ["armLabels", "doses", "infusions", "routes", "armSources", "origins"] as const;

/**
 * What the facet rows are assembled from, as an engine's SQL returns them: the trials
 * (their lists as JSON text), each trial's arm fields and child lists (JSON text of an
 * array), and each group's record ids (JSON text). Engine-neutral: lib/db/postgres reads
 * the same shapes.
 */
export interface FacetParts {
  trials: (Omit<FacetRow, "interventions" | "keywords" | "phases" | "conditions" | "otherIds" | ArmField | "registries"> & { interventions: string; keywords: string })[];
  arms: ({ id: string } & Record<ArmField, string>)[];
  children: Record<keyof typeof CHILDREN, { id: string; v: string }[]>;
  groups: { id: string; v: string }[];
}
type ArmField = (typeof ARM_FIELDS)[number];

/** Every trial's facet row from its parts, sorted by id, its lists decoded. */
export function assembleFacetRows(parts: FacetParts): FacetRow[] {
  const trials = [...parts.trials].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t): FacetRow => ({
      ...t, interventions: JSON.parse(t.interventions) as string[], keywords: JSON.parse(t.keywords) as string[],
      phases: [], conditions: [], otherIds: [], armLabels: [], doses: [], infusions: [], routes: [], armSources: [], origins: [], registries: [],
    }));
  const byId = new Map(trials.map((t) => [t.id, t]));
  for (const row of parts.arms) {
    const t = byId.get(row.id);
    if (t) for (const f of ARM_FIELDS) (t as unknown as Record<string, unknown>)[f] = JSON.parse(row[f]);
  }
  for (const [field, rows] of Object.entries(parts.children)) {
    for (const { id, v } of rows) {
      const t = byId.get(id);
      if (t) (t as unknown as Record<string, unknown>)[field] = JSON.parse(v);
    }
  }
  // The registries of each trial's registrations: the group's records, by their ids.
  for (const { id, v } of parts.groups) {
    const t = byId.get(id);
    if (t) t.registries = [...new Set((JSON.parse(v) as string[]).map(registryCode))];
  }
  return trials;
}

/** Every trial's facet row, sorted by id, its lists decoded. */
export function readFacetRows(db: Database.Database): FacetRow[] {
  return assembleFacetRows({
    trials: db.prepare(TRIALS).all() as FacetParts["trials"],
    arms: db.prepare(ARMS).all() as FacetParts["arms"],
    children: Object.fromEntries(Object.entries(CHILDREN).map(([field, sql]) => [field, db.prepare(sql).all()])) as FacetParts["children"],
    groups: db.prepare(`SELECT coalesce(g.groupId, t.id) AS id, json_group_array(t.id) AS v
      FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id GROUP BY 1`).all() as FacetParts["groups"],
  });
}

/** The rowids of the trials whose text matches an FTS5 expression built by lib/search (quoted words only). */
export function matchRowids(db: Database.Database, match: string): number[] {
  return db.prepare("SELECT rowid FROM trial_fts WHERE trial_fts MATCH ?").pluck().all(match) as number[];
}

const LIST_SQL = (n: number) => `SELECT t.id, t.title, t.officialTitle, t.overallStatus, t.enrollmentCount, t.enrollmentType,
  t.sponsor, t.briefSummary, t.description, t.startDate, t.interventions, t.acronym, t.nctId, t.cellSource, t.keywords,
  (SELECT json_group_array(s) FROM (SELECT affiliation AS s FROM Contact WHERE trialId = t.id AND affiliation IS NOT NULL
     UNION ALL SELECT facility FROM Location WHERE trialId = t.id AND facility IS NOT NULL)) AS sites,
  (SELECT json_group_array(phase) FROM TrialPhase WHERE trialId = t.id) AS phases,
  (SELECT json_group_array(json_object('label', label, 'description', description, 'estimated', estimated))
     FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS arms,
  (SELECT ${exactReals("cellsPerKgPerInfusion")} FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS perKg,
  (SELECT json_group_array(name) FROM (SELECT name FROM Condition WHERE trialId = t.id ORDER BY ordinal)) AS conditions,
  (SELECT json_group_array(text) FROM Criterion WHERE trialId = t.id) AS criteria,
  (SELECT json_group_array(value) FROM OtherId WHERE trialId = t.id) AS otherIds
FROM Trial t WHERE t.id IN (${Array(n).fill("?").join(",")})`;

const LIST_LISTS = ["sites", "phases", "conditions", "criteria", "otherIds", "interventions", "keywords"] as const;

/** A list row as an engine's SQL returns it (its lists as JSON text, `estimated` as 0/1, the arms' per-kg doses apart), decoded. */
export function decodeListRow(raw: Record<string, unknown>): ListRow {
  const { perKg: perKgText, ...row } = { ...raw } as Record<string, unknown>;
  for (const f of LIST_LISTS) row[f] = JSON.parse(raw[f] as string);
  const perKg = JSON.parse(perKgText as string) as (number | null)[];
  row.arms = (JSON.parse(raw.arms as string) as { label: string; description: string | null; estimated: number }[])
    .map((a, i) => ({ label: a.label, description: a.description, perKg: perKg[i] ?? null, estimated: a.estimated === 1 }));
  return row as unknown as ListRow;
}

/** The list rows of these trials (any order; unknown ids are left out), their lists decoded. */
export function readListRows(db: Database.Database, ids: string[]): ListRow[] {
  const rows: ListRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const raw of db.prepare(LIST_SQL(chunk.length)).all(...chunk) as Record<string, unknown>[]) rows.push(decodeListRow(raw));
  }
  return rows;
}

/** Every trial's id and title, in source-file order (the comparison's trial picker). */
export function readTrialTitles(db: Database.Database): TrialTitle[] {
  return db.prepare(`SELECT id, title FROM Trial WHERE id NOT IN (${NOT_PRIMARY}) ORDER BY sourceFile`).all() as TrialTitle[];
}

/**
 * A few trials to offer beside a trial page's "Compare with…": the newest that share a
 * condition, topped up with the newest others. Many sharers: walk the start-date index
 * and stop at `limit`; few: sort those few (a walk would scan the whole table for them).
 * Trials of one start date by id, so that every engine offers the same ones.
 */
export function readCompareCandidates(db: Database.Database, id: string, conditions: string[], limit = 12): TrialTitle[] {
  const names = JSON.stringify(conditions);
  const { n } = db.prepare("SELECT count(*) AS n FROM Condition WHERE name IN (SELECT value FROM json_each(?))").get(names) as { n: number };
  const shared = n === 0 ? [] : (db.prepare(n > 500
    ? `SELECT t.id, t.title FROM Trial t WHERE t.id <> ? AND t.id NOT IN (${NOT_PRIMARY}) AND EXISTS (SELECT 1 FROM Condition c WHERE c.trialId = t.id
         AND c.name IN (SELECT value FROM json_each(?))) ORDER BY t.startDate DESC, t.id LIMIT ?`
    : `SELECT t.id, t.title FROM Trial t WHERE t.id <> ? AND t.id NOT IN (${NOT_PRIMARY}) AND t.id IN (SELECT c.trialId FROM Condition c
         WHERE c.name IN (SELECT value FROM json_each(?))) ORDER BY t.startDate DESC, t.id LIMIT ?`).all(id, names, limit) as TrialTitle[]);
  if (shared.length >= limit) return shared;
  const others = db.prepare(`SELECT id, title FROM Trial WHERE id <> ? AND id NOT IN (${NOT_PRIMARY}) AND id NOT IN (SELECT value FROM json_each(?))
      ORDER BY startDate DESC, id LIMIT ?`).all(id, JSON.stringify(shared.map((s) => s.id)), limit - shared.length) as TrialTitle[];
  return [...shared, ...others];
}

/** How many trials the database holds. */
export function readTrialCount(db: Database.Database): number {
  return (db.prepare("SELECT count(*) AS n FROM Trial").get() as { n: number }).n;
}
