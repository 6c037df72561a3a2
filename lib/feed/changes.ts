import { label } from "../format";
import { changeLine, diffRecords } from "../history/diff";
import type { TrialRecord } from "../record/schema";
import type { AtomEntry } from "./atom";

/** The stable prefix of this registry's Atom ids (tag: URIs, RFC 4151): the same whatever host serves them. */
export const TAG = "tag:msc-liver-registry,2026:";

export interface FeedVersion { n: number; record: TrialRecord; importedAt: string }

/**
 * A feed entry for one version of a trial: "new" for its first version, else what it
 * changed from the one before, one change a line. `base` makes links absolute (SITE_URL),
 * or "" for links relative to the feed.
 */
export function versionEntry(v: FeedVersion, previous: FeedVersion | null, base: string): AtomEntry {
  const r = v.record;
  const id = encodeURIComponent(r.id);
  const name = `${r.id}${r.title ? `: ${r.title}` : ""}`;
  const changes = previous ? diffRecords(previous.record, r) : [];
  return {
    id: `${TAG}trials/${id}/versions/${v.n}`,
    title: previous ? `Changed (version ${v.n}): ${name}` : `New: ${name}`,
    updated: v.importedAt,
    link: `${base}/trials/${id}/versions/${v.n}`,
    summary: previous
      ? (changes.length ? changes.map(changeLine).join("\n") : "Other parts of the record changed (not its status, phase, enrollment, arms, criteria or dates).")
      : `First version in the registry: ${label(r.overallStatus)}, ${r.arms.length} arm${r.arms.length === 1 ? "" : "s"}.`,
  };
}
