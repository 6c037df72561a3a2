import { read, type TrialWithEvidence } from "../db/store";
import type { TrialRecord } from "../record/schema";
import type { Registered } from "../record/registrations";
import type { Suggestion } from "../db/trial-suggestions";

/**
 * Whole trials as public records, each call one snapshot (lib/db/store.ts). Plain objects
 * only. The app imports these through lib/data (server-only).
 */

export async function getTrial(id: string): Promise<TrialRecord | null> {
  return read(async (r) => (await r.trials([id]))[0] ?? null);
}

/**
 * The canonical id of a trial: its id as stored when it differs only in case (`nct04822922`),
 * and for a record of a trial registered in several registries the group's primary record
 * (EUCTR2018-003519-24-GB → NCT03862807); null when no record has the id.
 */
export function findCanonicalId(id: string): Promise<string | null> {
  return read((r) => r.canonicalId(id));
}

/** The trials with these ids, in the order given (unknown ids are left out). */
export function getTrials(ids: string[]): Promise<TrialRecord[]> {
  return ids.length ? read((r) => r.trials(ids)) : Promise.resolve([]);
}

/** Every stored record (every registration), in source-file order (the export), from one snapshot. */
export function getAllTrials(): Promise<TrialRecord[]> {
  return read(async (r) => r.trials(await r.recordIds()));
}

/** A trial and where each of its values came from, from one snapshot. */
export async function getTrialWithEvidence(id: string): Promise<TrialWithEvidence | null> {
  return read(async (r) => (await r.trialsWithEvidence([id]))[0] ?? null);
}

/** How many trial records are stored (GET /api/health, setup). */
export function countTrials(): Promise<number> {
  return read((r) => r.trialCount());
}

/** The records of a trial registered in several registries, primary first; empty for a trial registered once. */
export function getRegistrations(primaryId: string): Promise<Registered[]> {
  return read((r) => r.registrations(primaryId));
}

/** Trials that may be this one though no registry id links them (a suggestion for a person, never merged). */
export function getSuggestions(id: string): Promise<Suggestion[]> {
  return read((r) => r.suggestions(id));
}

/** What a trial's page shows beside the record, from the record's own snapshot. */
export interface TrialPage extends TrialWithEvidence {
  registrations: Registered[];
  suggestions: Suggestion[];
  candidates: { id: string; title: string | null }[];
  versions: { versions: number; latestImportedAt: string } | null;
}

/**
 * A trial's page in one snapshot: the id resolved (`canonical`: the stored id, or the
 * group's primary record's; null when none), and when `id` is that id, the record and its
 * evidence, its registrations, the suggestions, the trials offered to compare with and
 * its version count.
 */
export function getTrialPage(id: string, candidates = 12): Promise<{ canonical: string | null; page: TrialPage | null }> {
  return read(async (r) => {
    const canonical = await r.canonicalId(id);
    if (canonical !== id) return { canonical, page: null };
    const [found] = await r.trialsWithEvidence([id]);
    if (!found) return { canonical, page: null };
    const [count] = await r.versionCounts([id]);
    return { canonical, page: {
      ...found,
      registrations: await r.registrations(id),
      suggestions: await r.suggestions(id),
      candidates: await r.compareCandidates(id, found.trial.conditions, candidates),
      versions: count ? { versions: count.versions, latestImportedAt: count.latestImportedAt } : null,
    } };
  });
}
