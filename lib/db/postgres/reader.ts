import type pg from "pg";
import type { EvidenceMap, TrialRecord } from "../../record/schema";
import type { Reader, TrialWithEvidence } from "../store";
import { registryName } from "../trial-links";
import { pickSuggestions, sponsorKey, type SuggestionCandidate } from "../trial-suggestions";
import { rowToRecord, type TrialRow } from "../trial-rows";
import { decodeVersion, isoTime, type VersionRow } from "../versions";
import { matchRowids } from "./fts";
import { dataVersion, readCompareCandidates, readFacetRows, readListRows, readTrialCount, readTrialTitles } from "./search-reads";
import { readAllIds, readLandscapeTrials, readRecordIds, readScreenTrials, readTrialRows } from "./view-reads";

/**
 * The Reader on PostgreSQL: the statements of lib/db/sqlite/reader.ts, on a client that
 * holds one REPEATABLE READ READ ONLY transaction (lib/db/postgres/store.ts), decoded by
 * the same functions, so both engines return the same objects.
 */

type Db = pg.ClientBase;
type Row = Record<string, unknown>;
const rows = async <T,>(db: Db, sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

const evidenceOf = (row: TrialRow): EvidenceMap =>
  Object.fromEntries(row.evidence.map((e) => [e.path, { origin: e.origin, text: e.text }])) as EvidenceMap;

/** The stored members of the group this record is in now (itself alone when it has none). */
async function groupMembers(db: Db, id: string): Promise<string[]> {
  const found = await rows<{ trialId: string }>(db, `SELECT "trialId" FROM "TrialGroup" WHERE "groupId" = (SELECT "groupId" FROM "TrialGroup" WHERE "trialId" = $1)`, [id]);
  return found.length ? found.map((r) => r.trialId) : [id];
}

async function readSuggestions(db: Db, id: string) {
  const group = await groupMembers(db, id);
  const mine = await rows<Omit<SuggestionCandidate, "target">>(db, `SELECT id, title, "officialTitle", sponsor, "enrollmentCount" FROM "Trial" WHERE id = ANY($1::text[])`, [group]);
  const sizes = [...new Set(mine.filter((a) => sponsorKey(a.sponsor) && a.enrollmentCount !== null).map((a) => a.enrollmentCount!))];
  const candidates = await rows<SuggestionCandidate>(db, `SELECT t.id, t.title, t."officialTitle", t.sponsor, t."enrollmentCount", coalesce(g."groupId", t.id) AS target
    FROM "Trial" t LEFT JOIN "TrialGroup" g ON g."trialId" = t.id WHERE t."enrollmentCount" = ANY($1::int[])`, [sizes]);
  return pickSuggestions(group, mine, candidates);
}

export function postgresReader(db: Db): Reader {
  const rowsById = async (ids: string[]) => new Map((await readTrialRows(db, [...new Set(ids)])).map((r) => [r.id, r]));
  const withEvidence = async (ids: string[]): Promise<TrialWithEvidence[]> => {
    const byId = await rowsById(ids);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [{ trial: rowToRecord(row), evidence: evidenceOf(row) }] : [];
    });
  };
  const records = async (ids: string[]): Promise<TrialRecord[]> => {
    const byId = await rowsById(ids);
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [rowToRecord(row)] : [];
    });
  };
  const versionRows = (sql: string, params: unknown[]) => rows<VersionRow>(db, sql, params).then((r) => r.map(decodeVersion));
  return {
    dataVersion: () => dataVersion(db),
    trialCount: () => readTrialCount(db),
    facetRows: () => readFacetRows(db),
    textMatches: (parsed) => matchRowids(db, parsed),
    listRows: (ids) => readListRows(db, ids),
    trialTitles: () => readTrialTitles(db),
    compareCandidates: (id, conditions, limit) => readCompareCandidates(db, id, conditions, limit),
    listedIds: () => readAllIds(db),
    recordIds: () => readRecordIds(db),
    canonicalId: async (id) => {
      // The id as stored, else in another case (SQLite's NOCASE: ASCII letters), then its group's primary.
      const exact = await rows<{ id: string }>(db, `SELECT coalesce(g."groupId", t.id) AS id FROM "Trial" t LEFT JOIN "TrialGroup" g ON g."trialId" = t.id WHERE t.id = $1`, [id]);
      if (exact[0]) return exact[0].id;
      const other = await rows<{ id: string }>(db, `SELECT coalesce(g."groupId", t.id) AS id FROM "Trial" t LEFT JOIN "TrialGroup" g ON g."trialId" = t.id
        WHERE lower(t.id COLLATE "C") = lower($1 COLLATE "C") LIMIT 1`, [id]);
      return other[0]?.id ?? null;
    },
    trials: records,
    trialsWithEvidence: withEvidence,
    registrations: async (primaryId) => {
      const ids = await groupMembers(db, primaryId);
      if (ids.length < 2) return [];
      const sorted = [...ids].sort((a, b) => (a === primaryId ? -1 : b === primaryId ? 1 : a < b ? -1 : 1));
      return (await withEvidence(sorted)).map(({ trial, evidence }) => ({ trial, evidence, registry: registryName(trial.id) }));
    },
    suggestions: (id) => readSuggestions(db, id),
    landscapeTrials: (ids) => readLandscapeTrials(db, ids),
    screenTrials: (ids) => readScreenTrials(db, ids),
    versions: (id) => versionRows(`SELECT * FROM "TrialVersion" WHERE "trialId" = $1 ORDER BY n DESC`, [id]),
    version: async (id, n) => (await versionRows(`SELECT * FROM "TrialVersion" WHERE "trialId" = $1 AND n = $2`, [id, n]))[0] ?? null,
    versionCounts: async (ids) => (await rows<Row>(db, `SELECT "trialId", max(n) AS versions, max("importedAt") AS "latestImportedAt" FROM "TrialVersion"
        WHERE "trialId" = ANY($1::text[]) GROUP BY "trialId" ORDER BY "trialId" COLLATE "C"`, [ids]))
      .map((r) => ({ trialId: r.trialId as string, versions: r.versions as number, latestImportedAt: isoTime(r.latestImportedAt as Date) })),
    latestPair: async (id) => {
      const [latest, previous] = await versionRows(`SELECT * FROM "TrialVersion" WHERE "trialId" = $1 ORDER BY n DESC LIMIT 2`, [id]);
      return latest ? { latest, previous: previous ?? null } : null;
    },
  };
}
