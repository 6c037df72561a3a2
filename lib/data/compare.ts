import { read, type Reader, type TrialTitle } from "../db/store";
import { splitVersion } from "../compare/versioned";
import type { TrialRecord } from "../record/schema";

/** What the comparison read: the ids resolved, and the records or the picker's titles when asked for. */
export interface ComparisonRead {
  /** Ids as stored (case-insensitive match, a group's primary record), in the order asked, once each; `ID@n` for a version. */
  found: string[];
  /** Ids asked for that name no trial (or no such version). */
  unknown: string[];
  records: TrialRecord[] | null;
  titles: TrialTitle[] | null;
}

/** Ids as stored, in the order asked; the rest are unknown. A version (`ID@n`) must exist. */
async function resolveIds(r: Reader, ids: string[]): Promise<{ found: string[]; unknown: string[] }> {
  const found: string[] = [];
  const unknown: string[] = [];
  for (const asked of ids) {
    const { id, version } = splitVersion(asked);
    let c = await r.canonicalId(id);
    if (c !== null && version !== null) c = (await r.version(c, version)) ? `${c}@${version}` : null;
    if (c === null) unknown.push(asked);
    else if (!found.includes(c)) found.push(c);
  }
  return { found, unknown };
}

/**
 * The records of the comparison's ids, in order: the current record of a trial, or the
 * record of one of its versions (`ID@n`: its id spelt so, its title saying which version).
 */
async function recordsOf(r: Reader, ids: string[]): Promise<TrialRecord[]> {
  const current = new Map((await r.trials(ids.filter((i) => splitVersion(i).version === null))).map((t) => [t.id, t]));
  const out: TrialRecord[] = [];
  for (const asked of ids) {
    const { id, version } = splitVersion(asked);
    if (version === null) {
      if (current.has(id)) out.push(current.get(id)!);
      continue;
    }
    const v = await r.version(id, version);
    const [count] = await r.versionCounts([id]);
    if (!v || !count) continue;
    const when = v.importedAt.slice(0, 10);
    out.push({ ...v.record, id: asked, title: `${v.record.title ?? id} (version ${version} of ${count.versions}, imported ${when})` });
  }
  return out;
}

/**
 * The comparison's reads in one snapshot: the ids resolved, then (as `then` decides from
 * them) the records to compare, the picker's titles, or nothing.
 */
export function readComparison(asked: string[], then: (found: string[], unknown: string[]) => "records" | "titles" | null): Promise<ComparisonRead> {
  return read(async (r) => {
    const { found, unknown } = await resolveIds(r, asked);
    const next = then(found, unknown);
    return {
      found, unknown,
      records: next === "records" ? await recordsOf(r, found) : null,
      titles: next === "titles" ? await r.trialTitles() : null,
    };
  });
}
