import { read } from "../db/store";
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
export function searchFeedItems(q: SearchQuery, limit = FEED_SIZE): Promise<{ items: FeedItem[]; total: number }> {
  return read(async (r) => {
    const { ids, total } = await findTrials(r, { ...q, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
    const newest = (await r.versionCounts(ids))
      .sort((a, b) => b.latestImportedAt.localeCompare(a.latestImportedAt) || a.trialId.localeCompare(b.trialId))
      .slice(0, limit);
    const items: FeedItem[] = [];
    for (const c of newest) {
      const pair = await r.latestPair(c.trialId);
      if (pair) items.push({ latest: pair.latest, previous: pair.previous });
    }
    return { items, total };
  });
}

/** Every version of one trial, newest first (for its change feed); empty if it has none. */
export function trialFeedVersions(id: string): Promise<FeedVersion[]> {
  return read((r) => r.versions(id));
}
