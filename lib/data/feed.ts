import { readSnapshot } from "../db/read-connection";
import { readLatestPair, readVersionCounts, readVersions } from "../db/versions";
import type { FeedVersion } from "../feed/changes";
import type { SearchQuery } from "../search/params";
import { findTrials } from "./search";

/** How many trials a search's feed lists: the most recently new or changed. */
export const FEED_SIZE = 50;

export interface FeedItem { latest: FeedVersion; previous: FeedVersion | null }

/**
 * The trials of a search that are new or changed, newest first (by their newest version's
 * import), each with its newest version and the one before: the search and the versions
 * from one snapshot.
 */
export function searchFeedItems(q: SearchQuery, limit = FEED_SIZE): { items: FeedItem[]; total: number } {
  return readSnapshot((db) => {
    const { ids, total } = findTrials({ ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, db);
    const newest = readVersionCounts(db, ids)
      .sort((a, b) => b.latestImportedAt.localeCompare(a.latestImportedAt) || a.trialId.localeCompare(b.trialId))
      .slice(0, limit);
    const items = newest.flatMap((c) => readLatestPair(db, c.trialId) ?? []).map(({ latest, previous }) => ({ latest, previous }));
    return { items, total };
  });
}

/** Every version of one trial, newest first (for its change feed); empty if it has none. */
export function trialFeedVersions(id: string): FeedVersion[] {
  return readSnapshot((db) => readVersions(db, id));
}
