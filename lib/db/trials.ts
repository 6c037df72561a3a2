import type { Prisma } from "../generated/prisma/client";
import { prisma } from "./prisma";
import { readDb } from "./read-connection";
import { readTrialCount } from "./search-reads";
import { rowToRecord, trialInclude, type TrialRow } from "./trial-rows";
import type { TrialRecord } from "../record/schema";
import type { Registered } from "../record/registrations";
import { groupMembers, registryName } from "./trial-links";
import { readSuggestions, type Suggestion } from "./trial-suggestions";

/**
 * Queries that return whole trials as public records. Plain objects only: no Prisma
 * model leaves this module. The app imports these through lib/data.ts (server-only).
 */

/**
 * Runs a read in one transaction. Prisma loads a trial with one query per related table;
 * outside a transaction an import committing between two of them would give a page the
 * title of one version and the doses of another. Inside one, under WAL, every query sees
 * the same committed snapshot, and the import is never blocked.
 */
function snapshot<T>(read: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma().$transaction(read, { maxWait: 15_000, timeout: 30_000 });
}

/** Ids per query: SQLite allows a limited number of bound values in one statement. */
const CHUNK = 500;

/**
 * A trial's own rows, then its arms' doses and its stages' groups by a join on the trial
 * ids. (Prisma's nested include would bind one value per arm, and a record with tens of
 * thousands of arms exceeds SQLite's limit on bound values.)
 */
async function readRows(tx: Prisma.TransactionClient, ids: string[]): Promise<TrialRow[]> {
  const { arms, stages, ...flat } = trialInclude;
  const rows: TrialRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [trials, doses, groups] = [
      await tx.trial.findMany({
        where: { id: { in: chunk } },
        include: { ...flat, arms: { orderBy: arms.orderBy }, stages: { orderBy: stages.orderBy } },
      }),
      await tx.dose.findMany({ where: { arm: { trialId: { in: chunk } } }, orderBy: [{ armId: "asc" }, { ordinal: "asc" }] }),
      await tx.stageGroup.findMany({ where: { stage: { trialId: { in: chunk } } }, orderBy: [{ stageId: "asc" }, { ordinal: "asc" }] }),
    ];
    const dosesOf = groupBy(doses, (d) => d.armId);
    const groupsOf = groupBy(groups, (g) => g.stageId);
    for (const t of trials) {
      rows.push({
        ...t,
        arms: t.arms.map((a) => ({ ...a, doses: dosesOf.get(a.id) ?? [] })),
        stages: t.stages.map((st) => ({ ...st, groups: groupsOf.get(st.id) ?? [] })),
      });
    }
  }
  return rows;
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

async function readTrials(tx: Prisma.TransactionClient, ids: string[]): Promise<Map<string, TrialRecord>> {
  return new Map((await readRows(tx, ids)).map((r) => [r.id, rowToRecord(r)]));
}

export async function getTrial(id: string): Promise<TrialRecord | null> {
  return (await getTrialWithEvidence(id))?.trial ?? null;
}

/**
 * The canonical id of a trial: its id as stored when it differs only in case (`nct04822922`),
 * and for a record of a trial registered in several registries the group's primary record
 * (EUCTR2018-003519-24-GB → NCT03862807); null when no record has the id.
 */
export async function findCanonicalId(id: string): Promise<string | null> {
  const rows = await prisma().$queryRaw<{ id: string }[]>`SELECT coalesce(g.groupId, t.id) AS id FROM Trial t
    LEFT JOIN TrialGroup g ON g.trialId = t.id WHERE t.id = ${id} COLLATE NOCASE ORDER BY t.id = ${id} DESC LIMIT 1`;
  return rows[0]?.id ?? null;
}

/** The trials with these ids, in the order given (unknown ids are left out). */
export async function getTrials(ids: string[]): Promise<TrialRecord[]> {
  if (!ids.length) return [];
  const byId = await snapshot((tx) => readTrials(tx, ids));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every trial, in source-file order (the export), from one snapshot. */
export async function getAllTrials(): Promise<TrialRecord[]> {
  return snapshot(async (tx) => {
    const ids = (await tx.trial.findMany({ select: { id: true }, orderBy: { sourceFile: "asc" } })).map((t) => t.id);
    const byId = await readTrials(tx, ids);
    return ids.flatMap((id) => byId.get(id) ?? []);
  });
}

export type EvidenceMap = Record<string, { origin: string; text: string | null }>;

/** A trial and where each of its values came from (field path → origin and source words), from one snapshot. */
export async function getTrialWithEvidence(id: string): Promise<{ trial: TrialRecord; evidence: EvidenceMap } | null> {
  const [row] = await snapshot((tx) => readRows(tx, [id]));
  if (!row) return null;
  return {
    trial: rowToRecord(row),
    evidence: Object.fromEntries(row.evidence.map((e) => [e.path, { origin: e.origin, text: e.text }])),
  };
}

/**
 * How many trials are stored (GET /api/health): one statement on the read connection.
 * Through Prisma, its query compiler compiled the count again on every call, about a
 * tenth of the CPU time of a health check under load.
 */
export async function countTrials(): Promise<number> {
  return readTrialCount(readDb());
}

/**
 * The records of a trial registered in several registries, from one snapshot: its primary
 * record first, then the others by id; empty for a trial registered once.
 */
export async function getRegistrations(primaryId: string): Promise<Registered[]> {
  const ids = groupMembers(readDb(), primaryId);
  if (ids.length < 2) return [];
  const rows = await snapshot((tx) => readRows(tx, ids));
  rows.sort((a, b) => (a.id === primaryId ? -1 : b.id === primaryId ? 1 : a.id < b.id ? -1 : 1));
  return rows.map((row) => ({
    trial: rowToRecord(row),
    evidence: Object.fromEntries(row.evidence.map((e) => [e.path, { origin: e.origin, text: e.text }])),
    registry: registryName(row.id),
  }));
}

/** Trials that may be this one though no registry id links them (a suggestion for a person, never merged). */
export function getSuggestions(id: string): Suggestion[] {
  return readSuggestions(readDb(), id);
}
