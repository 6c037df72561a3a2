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
// One scan of Arm for its fields (an arm without a value adds nothing).
const ARMS = `SELECT trialId AS id, json_group_array(label) AS armLabels, ${values("cellsPerKgPerInfusion")} AS doses,
  ${values("CASE WHEN activeInfusions > 0 THEN activeInfusions END")} AS infusions,
  ${values("route")} AS routes, ${values("cellSource")} AS armSources, ${values("cellOrigin")} AS origins FROM Arm GROUP BY trialId`;
const ARM_FIELDS = ["armLabels", "doses", "infusions", "routes", "armSources", "origins"] as const;

// Sites and publications (issue 22): each Location as a compact JSON array in ordinal order, and
// the trials listing a reference of type RESULT.
const SITES = `SELECT trialId AS id, json_group_array(json_array(countryCode, city, status, lat, lon, geoApproximate)) AS v
  FROM (SELECT * FROM Location ORDER BY trialId, ordinal) GROUP BY trialId`;
const RESULTS_PUBLICATIONS = "SELECT DISTINCT trialId FROM Reference WHERE type = 'RESULT'";
type SiteTuple = [string | null, string | null, string | null, number | null, number | null, number | null];

/** The FacetSiteFields of every trial that has sites or a results publication (others: none, false). */
function readFacetSites(db: Database.Database, byId: Map<string, FacetRow>): void {
  for (const { id, v } of db.prepare(SITES).all() as { id: string; v: string }[]) {
    const t = byId.get(id);
    if (t) t.sites = (JSON.parse(v) as SiteTuple[]).map(([countryCode, city, status, lat, lon, approximate]) => ({ countryCode, city, status, lat, lon, approximate: approximate === 1 }));
  }
  for (const id of db.prepare(RESULTS_PUBLICATIONS).pluck().all() as string[]) {
    const t = byId.get(id);
    if (t) t.hasResultsPublication = true;
  }
}

/** Every trial's facet row, sorted by id, its lists decoded. */
export function readFacetRows(db: Database.Database): FacetRow[] {
  type Raw = Omit<FacetRow, "interventions" | "keywords"> & { interventions: string; keywords: string };
  const trials = (db.prepare(TRIALS).all() as Raw[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t): FacetRow => ({
      ...t, interventions: JSON.parse(t.interventions) as string[], keywords: JSON.parse(t.keywords) as string[],
      phases: [], conditions: [], otherIds: [], armLabels: [], doses: [], infusions: [], routes: [], armSources: [], origins: [], registries: [],
      sites: [], hasResultsPublication: false,
    }));
  const byId = new Map(trials.map((t) => [t.id, t]));
  for (const row of db.prepare(ARMS).all() as Record<string, string>[]) {
    const t = byId.get(row.id!);
    if (t) for (const f of ARM_FIELDS) (t as unknown as Record<string, unknown>)[f] = JSON.parse(row[f]!);
  }
  for (const [field, sql] of Object.entries(CHILDREN)) {
    for (const { id, v } of db.prepare(sql).all() as { id: string; v: string }[]) {
      const t = byId.get(id);
      if (t) (t as unknown as Record<string, unknown>)[field] = JSON.parse(v);
    }
  }
  // The registries of each trial's registrations: the group's records, by their ids.
  for (const { id, v } of db.prepare(`SELECT coalesce(g.groupId, t.id) AS id, json_group_array(t.id) AS v
      FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id GROUP BY 1`).all() as { id: string; v: string }[]) {
    const t = byId.get(id);
    if (t) t.registries = [...new Set((JSON.parse(v) as string[]).map(registryCode))];
  }
  readFacetSites(db, byId);
  return trials;
}

/** The rowids of the trials whose text matches an FTS5 expression built by lib/search (quoted words only). */
export function matchRowids(db: Database.Database, match: string): number[] {
  return db.prepare("SELECT rowid FROM trial_fts WHERE trial_fts MATCH ?").pluck().all(match) as number[];
}

const LIST_SQL = (n: number) => `SELECT t.id, t.title, t.officialTitle, t.overallStatus, t.enrollmentCount, t.enrollmentType,
  t.sponsor, t.briefSummary, t.description, t.startDate, t.interventions, t.acronym, t.nctId, t.cellSource, t.keywords,
  (SELECT json_group_array(s) FROM (SELECT affiliation AS s FROM Contact WHERE trialId = t.id AND affiliation IS NOT NULL
     UNION ALL SELECT facility FROM Location WHERE trialId = t.id AND facility IS NOT NULL)) AS sites,
  (SELECT json_group_array(facility) FROM (SELECT facility FROM Location WHERE trialId = t.id ORDER BY ordinal)) AS facilities,
  (SELECT json_group_array(phase) FROM TrialPhase WHERE trialId = t.id) AS phases,
  (SELECT json_group_array(json_object('label', label, 'description', description, 'perKg', cellsPerKgPerInfusion, 'estimated', estimated))
     FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS arms,
  (SELECT json_group_array(name) FROM (SELECT name FROM Condition WHERE trialId = t.id ORDER BY ordinal)) AS conditions,
  (SELECT json_group_array(text) FROM Criterion WHERE trialId = t.id) AS criteria,
  (SELECT json_group_array(value) FROM OtherId WHERE trialId = t.id) AS otherIds
FROM Trial t WHERE t.id IN (${Array(n).fill("?").join(",")})`;

const LIST_LISTS = ["sites", "facilities", "phases", "conditions", "criteria", "otherIds", "interventions", "keywords"] as const;

/** The list rows of these trials (any order; unknown ids are left out), their lists decoded. */
export function readListRows(db: Database.Database, ids: string[]): ListRow[] {
  const rows: ListRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const raw of db.prepare(LIST_SQL(chunk.length)).all(...chunk) as Record<string, unknown>[]) {
      const row = { ...raw } as Record<string, unknown>;
      for (const f of LIST_LISTS) row[f] = JSON.parse(raw[f] as string);
      row.arms = (JSON.parse(raw.arms as string) as { estimated: number }[]).map((a) => ({ ...a, estimated: a.estimated === 1 }));
      rows.push(row as unknown as ListRow);
    }
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
