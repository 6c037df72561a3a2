import type Database from "better-sqlite3";
import { toFtsMatch } from "../../search/fts-query";
import type { EvidenceMap, TrialRecord } from "../../record/schema";
import type { Reader, TrialWithEvidence } from "../store";
import { dataVersion, matchRowids, readCompareCandidates, readFacetRows, readListRows, readTrialCount, readTrialTitles } from "../search-reads";
import { groupMembers, registryName } from "../trial-links";
import { readSuggestions } from "../trial-suggestions";
import { rowToRecord, type TrialRow } from "../trial-rows";
import { readLatestPair, readVersion, readVersionCounts, readVersions } from "../versions";
import { readAllIds, readLandscapeTrials, readScreenTrials, readTrialRows } from "../view-reads";

/** Ids per statement: SQLite allows a limited number of bound values in one. */
const CHUNK = 500;

const evidenceOf = (row: TrialRow): EvidenceMap =>
  Object.fromEntries(row.evidence.map((e) => [e.path, { origin: e.origin, text: e.text }])) as EvidenceMap;

/** Whole trials' rows, a chunk of ids at a time; by id. */
function rowsById(db: Database.Database, ids: string[]): Map<string, TrialRow> {
  const out = new Map<string, TrialRow>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) for (const row of readTrialRows(db, unique.slice(i, i + CHUNK))) out.set(row.id, row);
  return out;
}

/**
 * The Reader on SQLite: better-sqlite3's synchronous statements on a connection that
 * holds one read transaction (lib/db/read-connection.ts), each answer a resolved Promise.
 */
export function sqliteReader(db: Database.Database): Reader {
  const withEvidence = (ids: string[]): TrialWithEvidence[] => {
    const rows = rowsById(db, ids);
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [{ trial: rowToRecord(row), evidence: evidenceOf(row) }] : [];
    });
  };
  const records = (ids: string[]): TrialRecord[] => {
    const rows = rowsById(db, ids);
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [rowToRecord(row)] : [];
    });
  };
  const sync = {
    dataVersion: () => dataVersion(db),
    trialCount: () => readTrialCount(db),
    facetRows: () => readFacetRows(db),
    textMatches: (parsed: Parameters<Reader["textMatches"]>[0]) => {
      const match = toFtsMatch(parsed);
      return match === null ? null : matchRowids(db, match);
    },
    listRows: (ids: string[]) => readListRows(db, ids),
    trialTitles: () => readTrialTitles(db),
    compareCandidates: (id: string, conditions: string[], limit: number) => readCompareCandidates(db, id, conditions, limit),
    listedIds: () => readAllIds(db),
    recordIds: () => db.prepare("SELECT id FROM Trial ORDER BY sourceFile").pluck().all() as string[],
    canonicalId: (id: string) =>
      (db.prepare(`SELECT coalesce(g.groupId, t.id) AS id FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id
        WHERE t.id = ? COLLATE NOCASE ORDER BY t.id = ? DESC LIMIT 1`).pluck().get(id, id) as string | undefined) ?? null,
    trials: records,
    trialsWithEvidence: withEvidence,
    registrations: (primaryId: string) => {
      const ids = groupMembers(db, primaryId);
      if (ids.length < 2) return [];
      const sorted = [...ids].sort((a, b) => (a === primaryId ? -1 : b === primaryId ? 1 : a < b ? -1 : 1));
      return withEvidence(sorted).map(({ trial, evidence }) => ({ trial, evidence, registry: registryName(trial.id) }));
    },
    suggestions: (id: string) => readSuggestions(db, id),
    landscapeTrials: (ids: string[]) => readLandscapeTrials(db, ids),
    screenTrials: (ids: string[]) => readScreenTrials(db, ids),
    versions: (id: string) => readVersions(db, id),
    version: (id: string, n: number) => readVersion(db, id, n),
    versionCounts: (ids: string[]) => readVersionCounts(db, ids),
    latestPair: (id: string) => readLatestPair(db, id),
  } satisfies { [K in keyof Reader]: (...args: Parameters<Reader[K]>) => Awaited<ReturnType<Reader[K]>> };
  // Each method as the interface has it: its answer as a Promise (a throw becomes a rejection).
  return Object.fromEntries(Object.entries(sync).map(([name, f]) => [name, async (...args: unknown[]) => (f as (...a: unknown[]) => unknown)(...args)])) as unknown as Reader;
}
