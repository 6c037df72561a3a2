import { createHash } from "node:crypto";
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
// table made the build several times slower at 50,000 trials. Each query reads every
// trial's rows (`scope` empty) or those of a few ids (`scope(column)`: the ids bound as one
// JSON array, so that writing one trial's view row reads that trial's rows only).
type Scope = (column: string, joiner?: "WHERE" | "AND") => string;
const TRIALS = (scope: Scope) => `SELECT rowid, id, overallStatus AS status, allocation, masking, cellSource AS source,
  minAgeYears AS minAge, maxAgeYears AS maxAge, startDate AS start, enrollmentCount AS enrollment,
  maxCellsPerKg AS maxDose, statusVerified, title, officialTitle, acronym, nctId, sponsor, interventions, keywords
FROM Trial ${scope("id")}`; // in rowid order (a sequential read); sorted by id below
// Lists come back as JSON arrays (decoded below), in the order of the scan.
const CHILDREN = {
  phases: (scope: Scope) => `SELECT trialId AS id, json_group_array(phase) AS v FROM (SELECT * FROM TrialPhase ${scope("trialId")} ORDER BY trialId, phase) GROUP BY trialId`,
  conditions: (scope: Scope) => `SELECT trialId AS id, json_group_array(name) AS v FROM (SELECT * FROM Condition ${scope("trialId")} ORDER BY trialId, ordinal) GROUP BY trialId`,
  otherIds: (scope: Scope) => `SELECT trialId AS id, json_group_array(value) AS v FROM (SELECT * FROM OtherId ${scope("trialId")} ORDER BY trialId, ordinal) GROUP BY trialId`,
} as const;
const values = (column: string) => `json_group_array(${column}) FILTER (WHERE ${column} IS NOT NULL)`;
/** A REAL column's value as JSON text that reads back as the same double (NULL: `null`); see exactReals. */
const exactReal = (column: string) => `CASE WHEN ${column} IS NULL THEN 'null' ELSE printf('%!.17g', ${column}) END`;
/**
 * A REAL column's values (NULL: `null`, or left out with `skipNull`) as the text of a JSON
 * array that reads back as the same doubles: SQLite's JSON functions write a REAL with at
 * most 16 significant digits (833333.333333333 for the stored 833333.3333333334); 17
 * (`%!.17g`) always read back exactly, as PostgreSQL's JSON gives them.
 */
export const exactReals = (column: string, skipNull = false) => skipNull
  ? `coalesce('[' || group_concat(printf('%!.17g', ${column}), ',') FILTER (WHERE ${column} IS NOT NULL) || ']', '[]')`
  : `coalesce('[' || group_concat(${exactReal(column)}, ',') || ']', '[]')`;
// One scan of Arm for its fields (an arm without a value adds nothing), in the arms' order.
const ARMS = (scope: Scope) => `SELECT trialId AS id, json_group_array(label) AS armLabels, ${exactReals("cellsPerKgPerInfusion", true)} AS doses,
  ${values("CASE WHEN activeInfusions > 0 THEN activeInfusions END")} AS infusions,
  ${values("route")} AS routes, ${values("cellSource")} AS armSources, ${values("cellOrigin")} AS origins
  FROM (SELECT * FROM Arm ${scope("trialId")} ORDER BY trialId, ordinal) GROUP BY trialId`;
const ARM_FIELDS = ["armLabels", "doses", "infusions", "routes", "armSources", "origins"] as const;

// Sites and publications (issue 22): each Location as a compact JSON array in ordinal order, and
// the trials listing a reference of type RESULT. Coordinates exact (exactReals).
const SITES = (scope: Scope) => `SELECT trialId AS id, '[' || group_concat('[' || json_quote(countryCode) || ',' || json_quote(city) || ',' || json_quote(status)
    || ',' || ${exactReal("lat")} || ',' || ${exactReal("lon")} || ',' || coalesce(geoApproximate, 'null') || ']', ',') || ']' AS v
  FROM (SELECT * FROM Location ${scope("trialId")} ORDER BY trialId, ordinal) GROUP BY trialId`;
const RESULTS_PUBLICATIONS = (scope: Scope) => `SELECT DISTINCT trialId FROM Reference WHERE type = 'RESULT' ${scope("trialId", "AND")}`;
type SiteTuple = [string | null, string | null, string | null, number | null, number | null, number | null];

/** The FacetSiteFields of the trials in scope that have sites or a results publication (others: none, false). */
function readFacetSites(db: Database.Database, byId: Map<string, FacetRow>, scope: Scope, bound: string[]): void {
  for (const { id, v } of db.prepare(SITES(scope)).all(...bound) as { id: string; v: string }[]) {
    const t = byId.get(id);
    if (t) t.sites = (JSON.parse(v) as SiteTuple[]).map(([countryCode, city, status, lat, lon, approximate]) => ({ countryCode, city, status, lat, lon, approximate: approximate === 1 }));
  }
  for (const id of db.prepare(RESULTS_PUBLICATIONS(scope)).pluck().all(...bound) as string[]) {
    const t = byId.get(id);
    if (t) t.hasResultsPublication = true;
  }
}

/**
 * Trials' facet rows decoded from their stored rows, sorted by id, without `registries`
 * (empty: they follow the links to other trials, read by readFacetRows): every stored trial
 * (`ids` null) or these (unknown ids left out). What a trial's view row keeps of it
 * (lib/db/trial-views.ts), and the one place a FacetRow's fields are read and decoded.
 */
export function liveFacetRows(db: Database.Database, ids: string[] | null): FacetRow[] {
  const bound = ids === null ? [] : [JSON.stringify(ids)];
  const scope: Scope = (column, joiner = "WHERE") => (ids === null ? "" : `${joiner} ${column} IN (SELECT value FROM json_each(?))`);
  type Raw = Omit<FacetRow, "interventions" | "keywords"> & { interventions: string; keywords: string };
  const trials = (db.prepare(TRIALS(scope)).all(...bound) as Raw[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t): FacetRow => ({
      ...t, interventions: JSON.parse(t.interventions) as string[], keywords: JSON.parse(t.keywords) as string[],
      phases: [], conditions: [], otherIds: [], armLabels: [], doses: [], infusions: [], routes: [], armSources: [], origins: [], registries: [],
      sites: [], hasResultsPublication: false,
    }));
  const byId = new Map(trials.map((t) => [t.id, t]));
  for (const row of db.prepare(ARMS(scope)).all(...bound) as Record<string, string>[]) {
    const t = byId.get(row.id!);
    if (t) for (const f of ARM_FIELDS) (t as unknown as Record<string, unknown>)[f] = JSON.parse(row[f]!);
  }
  for (const [field, sql] of Object.entries(CHILDREN)) {
    for (const { id, v } of db.prepare(sql(scope)).all(...bound) as { id: string; v: string }[]) {
      const t = byId.get(id);
      if (t) (t as unknown as Record<string, unknown>)[field] = JSON.parse(v);
    }
  }
  readFacetSites(db, byId, scope, bound);
  return trials;
}

/**
 * The format of a facet row as its trial's view row keeps it (TrialView.facet). Bump it
 * whenever liveFacetRows returns other fields or decodes one differently (a FacetRow field
 * added, say): preparing the database then writes every trial's row again
 * (lib/db/trial-views.ts), and until then rows of another format are read live.
 */
export const FACET_VIEW_FORMAT = 3; // 3: doses and coordinates exact (17 digits), phases and arms in key order

/**
 * A facet row as its view row keeps it: the row without its rowid, id and registries (which
 * the read adds), as JSON, and the SHA-256 of that text (TrialView.facetHash), by which a
 * read tells an unchanged row without reading its text.
 */
export function facetViewJson({ rowid: _rowid, id: _id, registries: _registries, ...row }: FacetRow): { json: string; hash: string } {
  const json = JSON.stringify(row);
  return { json, hash: createHash("sha256").update(json).digest("base64") };
}

/** View rows decoded, by trial id, with the hash of the text, the rowid and the registries they were made of. */
const FACETS_KEPT = 200_000;
const facetDecoded = new Map<string, { hash: string; rowid: number; registries: string; row: FacetRow }>();
const registriesKey = (registries: string[]) => registries.join(" ");

/** The row kept for this trial when nothing it is made of changed (its text's hash, its rowid, its registries). */
function keptFacetRow(id: string, hash: string, rowid: number, registries: string[]): FacetRow | null {
  const hit = facetDecoded.get(id);
  return hit && hit.hash === hash && hit.rowid === rowid && hit.registries === registriesKey(registries) ? hit.row : null;
}

/** The facet row of a view row's text, kept (frozen) for the next read. */
function keepFacetRow(id: string, hash: string, rowid: number, text: string, registries: string[]): FacetRow {
  const row = Object.freeze({ ...(JSON.parse(text) as Omit<FacetRow, "rowid" | "id" | "registries">), rowid, id, registries });
  if (facetDecoded.size >= FACETS_KEPT) facetDecoded.clear();
  facetDecoded.set(id, { hash, rowid, registries: registriesKey(registries), row });
  return row;
}

/** The registries of each group's records (`v`: the JSON text of their ids, in the order they were stored), by the group's id. */
export function registriesOfGroups(groups: { id: string; v: string }[]): Map<string, string[]> {
  return new Map(groups.map(({ id, v }) => [id, [...new Set((JSON.parse(v) as string[]).map(registryCode))]]));
}

/** The registries of each listed trial's registrations (the group's records, by their ids), by the trial's id. */
function registriesById(db: Database.Database): Map<string, string[]> {
  return registriesOfGroups(db.prepare(`SELECT coalesce(g.groupId, t.id) AS id, json_group_array(t.id) AS v
      FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id GROUP BY 1`).all() as { id: string; v: string }[]);
}

/** A listed trial's view row as a facet read first sees it: its key and its facet row's hash and format (null: no view row). */
export interface StoredFacet { rowid: number; id: string; hash: string | null; facetFormat: number | null }

/**
 * The facet rows of `stored` (sorted here by id) that are kept from the last read (null for
 * the others), and the ids whose view row's text must be read. Engine-neutral: the first
 * half of readFacetRows, whose second half is facetRowsRead.
 */
export function keptFacetRows(stored: StoredFacet[], registries: Map<string, string[]>): { sorted: StoredFacet[]; out: (FacetRow | null)[]; missing: string[] } {
  const sorted = [...stored].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out = sorted.map((s) => (s.hash !== null && s.facetFormat === FACET_VIEW_FORMAT
    ? keptFacetRow(s.id, s.hash, s.rowid, registries.get(s.id) ?? []) : null));
  return { sorted, out, missing: sorted.filter((_, i) => out[i] === null).map((s) => s.id) };
}

/**
 * keptFacetRows' rows completed: from the view rows' texts read (`texts`, of the current
 * format), else from `live` (the trial's row decoded from its stored rows: no view row of
 * this format yet), each with its rowid and registries.
 */
export function facetRowsRead({ sorted, out }: { sorted: StoredFacet[]; out: (FacetRow | null)[] }, registries: Map<string, string[]>,
  texts: Map<string, { facet: string; hash: string }>, live: Map<string, FacetRow>): FacetRow[] {
  sorted.forEach((s, i) => {
    if (out[i] !== null) return;
    const regs = registries.get(s.id) ?? [];
    const t = texts.get(s.id);
    out[i] = t ? keepFacetRow(s.id, t.hash, s.rowid, t.facet, regs) : Object.freeze({ ...live.get(s.id)!, rowid: s.rowid, registries: regs });
  });
  return out as FacetRow[];
}

/**
 * Every listed trial's facet row (a group's primary record only: a trial registered in
 * several registries is one row), sorted by id: each from the trial's view row
 * (lib/db/trial-views.ts, one scan of one table), or decoded from its stored rows when it
 * has none of the current format (a database not yet prepared by this version); its
 * registries read live. A row whose stored text (by its hash), rowid and registries are
 * those of the last read is the very object returned then (frozen: never changed by a
 * reader), without its text read again, so that lib/search/facet-index.ts rebuilds after an
 * import only what the import changed.
 */
export function readFacetRows(db: Database.Database): FacetRow[] {
  // The hashes first: only the texts of rows not kept from the last read are read.
  const stored = db.prepare(`SELECT t.rowid, t.id, v.facetHash AS hash, v.facetFormat FROM Trial t LEFT JOIN TrialView v ON v.trialId = t.id
    WHERE t.id NOT IN (${NOT_PRIMARY})`).all() as StoredFacet[];
  const registries = registriesById(db);
  const kept = keptFacetRows(stored, registries);
  if (!kept.missing.length) return kept.out as FacetRow[];
  const texts = new Map((db.prepare("SELECT trialId, facet, facetHash AS hash FROM TrialView WHERE facetFormat = ? AND trialId IN (SELECT value FROM json_each(?))")
    .all(FACET_VIEW_FORMAT, JSON.stringify(kept.missing)) as { trialId: string; facet: string; hash: string }[]).map((t) => [t.trialId, t]));
  const live = new Map(liveFacetRows(db, kept.missing.filter((id) => !texts.has(id))).map((r) => [r.id, r]));
  return facetRowsRead(kept, registries, texts, live);
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
  (SELECT json_group_array(json_object('label', label, 'description', description, 'estimated', estimated))
     FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS arms,
  (SELECT ${exactReals("cellsPerKgPerInfusion")} FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS perKg,
  (SELECT json_group_array(name) FROM (SELECT name FROM Condition WHERE trialId = t.id ORDER BY ordinal)) AS conditions,
  (SELECT json_group_array(text) FROM Criterion WHERE trialId = t.id) AS criteria,
  (SELECT json_group_array(value) FROM OtherId WHERE trialId = t.id) AS otherIds
FROM Trial t WHERE t.id IN (${Array(n).fill("?").join(",")})`;

const LIST_LISTS = ["sites", "facilities", "phases", "conditions", "criteria", "otherIds", "interventions", "keywords"] as const;

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
