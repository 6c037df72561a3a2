import { prisma } from "./prisma";
import { rowToRecord, trialInclude } from "../record/from-db";
import type { TrialRecord } from "../record/schema";

/**
 * Queries that return whole trials as public records. Plain objects only: no Prisma
 * model leaves this module. The app imports these through lib/data.ts (server-only).
 */

export async function getTrial(id: string): Promise<TrialRecord | null> {
  return (await getTrialWithEvidence(id))?.trial ?? null;
}

/** The canonical id of a trial whose id differs only in case (`nct04822922`), or null. */
export async function findCanonicalId(id: string): Promise<string | null> {
  const rows = await prisma().$queryRaw<{ id: string }[]>`SELECT id FROM Trial WHERE id = ${id} COLLATE NOCASE LIMIT 1`;
  return rows[0]?.id ?? null;
}

export async function getTrials(ids: string[]): Promise<TrialRecord[]> {
  const rows = await prisma().trial.findMany({ where: { id: { in: ids } }, include: trialInclude });
  const byId = new Map(rows.map((r) => [r.id, rowToRecord(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every trial, in source-file order (the export). */
export async function getAllTrials(): Promise<TrialRecord[]> {
  const rows = await prisma().trial.findMany({ include: trialInclude, orderBy: { sourceFile: "asc" } });
  return rows.map(rowToRecord);
}

export type EvidenceMap = Record<string, { origin: string; text: string | null }>;

/** A trial and where each of its values came from (field path → origin and source words), in one query. */
export async function getTrialWithEvidence(id: string): Promise<{ trial: TrialRecord; evidence: EvidenceMap } | null> {
  const row = await prisma().trial.findUnique({ where: { id }, include: trialInclude });
  if (!row) return null;
  return {
    trial: rowToRecord(row),
    evidence: Object.fromEntries(row.evidence.map((e) => [e.path, { origin: e.origin, text: e.text }])),
  };
}

export async function countTrials(): Promise<number> {
  return prisma().trial.count();
}
