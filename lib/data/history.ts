import { read } from "../db/store";
import type { TrialVersion, VersionCount } from "../db/versions";
import type { TrialRecord } from "../record/schema";
import { historyOf, type History } from "../history/versions";

/** A trial's history (every version, newest first, with what each changed), from one snapshot; null if it has none. */
export async function trialHistory(id: string): Promise<History | null> {
  const versions = await read((r) => r.versions(id));
  return versions.length ? historyOf(id, versions) : null;
}

/** A trial's record and its history, from one snapshot (the history page and API). */
export function trialWithHistory(id: string): Promise<{ trial: TrialRecord | null; history: History | null }> {
  return read(async (r) => {
    const [trial] = await r.trials([id]);
    const versions = await r.versions(id);
    return { trial: trial ?? null, history: versions.length ? historyOf(id, versions) : null };
  });
}

/** One version of a trial and how many the trial has, from one snapshot; null if there is no such version. */
export function trialVersion(id: string, n: number): Promise<{ version: TrialVersion; count: number; latestImportedAt: string } | null> {
  return read(async (r) => {
    const version = await r.version(id, n);
    const [count] = await r.versionCounts([id]);
    return version && count ? { version, count: count.versions, latestImportedAt: count.latestImportedAt } : null;
  });
}

/** How many versions a trial has and when the newest was imported (null for none). */
export function versionCount(id: string): Promise<VersionCount | null> {
  return read(async (r) => (await r.versionCounts([id]))[0] ?? null);
}
