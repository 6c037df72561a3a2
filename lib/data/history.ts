import { readSnapshot } from "../db/read-connection";
import { readVersion, readVersionCounts, readVersions, type TrialVersion, type VersionCount } from "../db/versions";
import { historyOf, type History } from "../history/versions";

/** A trial's history (every version, newest first, with what each changed), from one snapshot; null if it has none. */
export function trialHistory(id: string): History | null {
  const versions = readSnapshot((db) => readVersions(db, id));
  return versions.length ? historyOf(id, versions) : null;
}

/** One version of a trial and how many the trial has, from one snapshot; null if there is no such version. */
export function trialVersion(id: string, n: number): { version: TrialVersion; count: number; latestImportedAt: string } | null {
  return readSnapshot((db) => {
    const version = readVersion(db, id, n);
    const [count] = readVersionCounts(db, [id]);
    return version && count ? { version, count: count.versions, latestImportedAt: count.latestImportedAt } : null;
  });
}

/** How many versions a trial has and when the newest was imported (null for none). */
export function versionCount(id: string): VersionCount | null {
  return readSnapshot((db) => readVersionCounts(db, [id])[0] ?? null);
}
