import type pg from "pg";
import { decodeListRow, FACET_VIEW_FORMAT, facetRowsRead, keptFacetRows, registriesOfGroups, type StoredFacet } from "../search-reads";
import { liveViews } from "./view-reads";
import type { FacetRow, ListRow, TrialTitle } from "../store";

/**
 * lib/db/search-reads.ts on PostgreSQL: the same reads, statement for statement, returning
 * the same shapes (lists as JSON text, flags as 0/1), decoded by the same functions
 * (keptFacetRows/facetRowsRead, decodeListRow). Orders SQLite gives by its indexes are written out
 * (`ORDER BY ordinal`, text `COLLATE "C"`: by bytes, as SQLite's BINARY), and NULL dates
 * sort last in a descending order, as on SQLite. A field added to FacetRow is added where
 * the view row's facet is made (lib/db/trial-views.ts facetOfRows) and in SQLite's
 * liveFacetRows; both engines read it from the view row.
 */

type Db = pg.ClientBase;

/** The ids of records that are not their group's primary (left out of every count and list). */
export const NOT_PRIMARY = `SELECT "trialId" FROM "TrialGroup" WHERE "groupId" <> "trialId"`;

// The trial's integer key (FacetRow.rowid) is its full-text row's, which every stored trial has.
const STORED = `SELECT f.rowid, t.id, v."facetHash" AS hash, v."facetFormat" AS "facetFormat"
FROM "Trial" t JOIN trial_fts f ON f.trial_id = t.id LEFT JOIN "TrialView" v ON v."trialId" = t.id WHERE t.id NOT IN (${NOT_PRIMARY})`;
// A group's records in the order they were stored (SQLite: rowid order).
const GROUPS = `SELECT coalesce(g."groupId", t.id) AS id, json_agg(t.id ORDER BY f.rowid)::text AS v
  FROM "Trial" t JOIN trial_fts f ON f.trial_id = t.id LEFT JOIN "TrialGroup" g ON g."trialId" = t.id GROUP BY 1`;

const rows = async <T,>(db: Db, sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

/**
 * Every listed trial's facet row, sorted by id, as lib/db/search-reads.ts readFacetRows
 * reads them: from the view rows (TrialView.facet, the same text both engines' writers
 * write), a row unchanged since the last read kept without its text read again, a trial
 * without a view row of this format decoded from its stored rows (liveViews).
 */
export async function readFacetRows(db: Db): Promise<FacetRow[]> {
  const registries = registriesOfGroups(await rows(db, GROUPS));
  const kept = keptFacetRows(await rows<StoredFacet>(db, STORED), registries);
  if (!kept.missing.length) return kept.out as FacetRow[];
  const texts = new Map((await rows<{ trialId: string; facet: string; hash: string }>(db,
    `SELECT "trialId", facet, "facetHash" AS hash FROM "TrialView" WHERE "facetFormat" = $1 AND "trialId" = ANY($2::text[])`,
    [FACET_VIEW_FORMAT, kept.missing])).map((t) => [t.trialId, t]));
  const live = new Map<string, FacetRow>();
  for (const [id, v] of await liveViews(db, kept.missing.filter((id) => !texts.has(id)))) {
    live.set(id, { ...(JSON.parse(v.facet) as Omit<FacetRow, "rowid" | "id" | "registries">), rowid: 0, id, registries: [] });
  }
  return facetRowsRead(kept, registries, texts, live);
}

const agg = (expr: string, order: string, from: string) => `(SELECT coalesce(json_agg(${expr} ORDER BY ${order}), '[]')::text FROM ${from})`;
const LIST_SQL = `SELECT t.id, t.title, t."officialTitle", t."overallStatus", t."enrollmentCount", t."enrollmentType",
  t.sponsor, t."briefSummary", t.description, t."startDate", t.interventions, t.acronym, t."nctId", t."cellSource", t.keywords,
  ${agg("s", "k, o", `(SELECT affiliation AS s, 0 AS k, ordinal AS o FROM "Contact" WHERE "trialId" = t.id AND affiliation IS NOT NULL
     UNION ALL SELECT facility, 1, ordinal FROM "Location" WHERE "trialId" = t.id AND facility IS NOT NULL) x`)} AS sites,
  ${agg("facility", "ordinal", `"Location" WHERE "trialId" = t.id`)} AS facilities,
  ${agg("phase", `phase COLLATE "C"`, `"TrialPhase" WHERE "trialId" = t.id`)} AS phases,
  ${agg(`json_build_object('label', label, 'description', description, 'estimated', estimated::int)`, "ordinal", `"Arm" WHERE "trialId" = t.id`)} AS arms,
  ${agg(`"cellsPerKgPerInfusion"`, "ordinal", `"Arm" WHERE "trialId" = t.id`)} AS "perKg",
  ${agg("name", "ordinal", `"Condition" WHERE "trialId" = t.id`)} AS conditions,
  ${agg("text", `kind COLLATE "C", ordinal`, `"Criterion" WHERE "trialId" = t.id`)} AS criteria,
  ${agg("value", "ordinal", `"OtherId" WHERE "trialId" = t.id`)} AS "otherIds"
FROM "Trial" t WHERE t.id = ANY($1::text[])`;

/** The list rows of these trials (any order; unknown ids are left out), their lists decoded. */
export async function readListRows(db: Db, ids: string[]): Promise<ListRow[]> {
  if (!ids.length) return [];
  return (await rows<Record<string, unknown>>(db, LIST_SQL, [ids])).map(decodeListRow);
}

/** Every trial's id and title, in source-file order. */
export function readTrialTitles(db: Db): Promise<TrialTitle[]> {
  return rows(db, `SELECT id, title FROM "Trial" WHERE id NOT IN (${NOT_PRIMARY}) ORDER BY "sourceFile" COLLATE "C"`);
}

// Newest first, NULL last (SQLite's order: NULL is its smallest value), one start date by id.
const NEWEST = `ORDER BY t."startDate" DESC NULLS LAST, t.id COLLATE "C"`;

/** lib/db/search-reads.ts readCompareCandidates: the newest that share a condition, topped up with the newest others. */
export async function readCompareCandidates(db: Db, id: string, conditions: string[], limit = 12): Promise<TrialTitle[]> {
  const shared = conditions.length === 0 ? [] : await rows<TrialTitle>(db, `SELECT t.id, t.title FROM "Trial" t
    WHERE t.id <> $1 AND t.id NOT IN (${NOT_PRIMARY}) AND EXISTS (SELECT 1 FROM "Condition" c WHERE c."trialId" = t.id AND c.name = ANY($2::text[]))
    ${NEWEST} LIMIT $3`, [id, conditions, limit]);
  if (shared.length >= limit) return shared;
  const others = await rows<TrialTitle>(db, `SELECT t.id, t.title FROM "Trial" t
    WHERE t.id <> $1 AND t.id NOT IN (${NOT_PRIMARY}) AND t.id <> ALL($2::text[]) ${NEWEST} LIMIT $3`, [id, shared.map((s) => s.id), limit - shared.length]);
  return [...shared, ...others];
}

/** How many trials the database holds. */
export async function readTrialCount(db: Db): Promise<number> {
  return (await rows<{ n: number }>(db, `SELECT count(*)::int AS n FROM "Trial"`))[0]!.n;
}

/** The data version (lib/db/postgres/write-trial.ts bumps it in every write transaction). */
export async function dataVersion(db: Db): Promise<number> {
  return (await rows<{ n: number }>(db, `SELECT n FROM registry_version`))[0]!.n;
}
