import { toQueryString, type SearchQuery } from "../search/params";
import { writeAtom, type AtomFeed } from "./atom";
import { TAG, versionEntry, type FeedVersion } from "./changes";

/** The content type of every feed answer. */
export const ATOM_TYPE = "application/atom+xml; charset=utf-8";
const AUTHOR = "MSC Liver Trials Registry";

const newest = (dates: string[]) => dates.reduce((a, b) => (b > a ? b : a), dates[0] ?? new Date(0).toISOString());

/**
 * The Atom feed of a search: its trials that are new or changed, newest first. The feed's
 * id is its search (the query string, defaults left out, paging and sort dropped: the
 * feed's order is by time), so the URL is the saved search.
 */
export function searchFeed(q: SearchQuery, items: { latest: FeedVersion; previous: FeedVersion | null }[], base: string, now: number): string {
  const qs = toQueryString(q, { page: 1, pageSize: 20, sort: "relevance" });
  const entries = items.map((i) => versionEntry(i.latest, i.previous, base));
  const feed: AtomFeed = {
    id: `${TAG}trials/feed${qs ? `?${qs}` : ""}`,
    title: `MSC trials in liver failure${q.q ? `: “${q.q}”` : ""}${qs && qs !== `q=${encodeURIComponent(q.q)}` ? " (filtered)" : ""}: new and changed`,
    updated: entries.length ? newest(entries.map((e) => e.updated)) : new Date(now).toISOString(),
    author: AUTHOR,
    links: [
      { rel: "self", href: `${base}/trials/feed${qs ? `?${qs}` : ""}`, type: "application/atom+xml" },
      { rel: "alternate", href: `${base}/trials${qs ? `?${qs}` : ""}`, type: "text/html" },
    ],
    entries,
  };
  return writeAtom(feed);
}

/** The Atom feed of one trial: each of its versions, newest first, with what it changed. */
export function trialFeed(id: string, newestFirst: FeedVersion[], base: string): string {
  const enc = encodeURIComponent(id);
  const entries = newestFirst.map((v, i) => versionEntry(v, newestFirst[i + 1] ?? null, base));
  return writeAtom({
    id: `${TAG}trials/${enc}/feed`,
    title: `${id}${newestFirst[0]?.record.title ? `: ${newestFirst[0].record.title}` : ""}: versions`,
    updated: newest(entries.map((e) => e.updated)),
    author: AUTHOR,
    links: [
      { rel: "self", href: `${base}/trials/${enc}/feed`, type: "application/atom+xml" },
      { rel: "alternate", href: `${base}/trials/${enc}/history`, type: "text/html" },
    ],
    entries,
  });
}
