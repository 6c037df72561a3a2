import type Database from "better-sqlite3";
import { groupMembers } from "./trial-links";

/**
 * Records that may be the same trial though neither names the other's registry id: the same
 * sponsor, a near-identical title and the same target size. Only a suggestion shown to a
 * person on both trials' pages; never merged, never counted as one.
 */

/** Two titles this close (Dice coefficient of their word sets) are "near-identical". */
export const TITLE_SIMILARITY = 0.9;

const CORPORATE = new Set(["inc", "ltd", "llc", "co", "corp", "corporation", "company", "gmbh", "ag", "sa", "limited", "plc", "bv", "the"]);

/** A sponsor's name for comparison: lower case, words only, without corporate suffixes. */
export function sponsorKey(name: string | null): string | null {
  if (!name) return null;
  const words = name.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter((w) => w && !CORPORATE.has(w));
  return words.length ? words.join(" ") : null;
}

const wordSet = (t: string) => new Set(t.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter(Boolean));

/** How alike two titles are: 1 for the same words, 0 for none shared. */
export function titleSimilarity(a: string, b: string): number {
  const x = wordSet(a), y = wordSet(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

export interface Suggestion { id: string; title: string | null; sponsor: string; enrollment: number; similarity: number }

type Row = { id: string; title: string | null; officialTitle: string | null; sponsor: string | null; enrollmentCount: number | null };

const best = (a: Row, b: Row) => Math.max(
  ...[[a.title, b.title], [a.officialTitle, b.officialTitle], [a.title, b.officialTitle], [a.officialTitle, b.title]]
    .map(([x, y]) => (x && y ? titleSimilarity(x, y) : 0)),
);

/** A stored record as the suggestions compare it, and the page it is suggested under (its group's primary id). */
export type SuggestionCandidate = Row & { target: string };

/**
 * The suggestions for a group (`group`: its record ids; `mine`: their rows) among
 * `candidates` (records of the same target size as one of `mine`, with their targets),
 * most alike first (engine-neutral: each engine reads the rows).
 */
export function pickSuggestions(group: string[], mine: Row[], candidates: SuggestionCandidate[]): Suggestion[] {
  const out = new Map<string, Suggestion>();
  for (const a of mine) {
    const sponsor = sponsorKey(a.sponsor);
    if (!sponsor || a.enrollmentCount === null) continue;
    for (const b of candidates) {
      if (b.enrollmentCount !== a.enrollmentCount || b.id === a.id) continue;
      if (group.includes(b.id) || sponsorKey(b.sponsor) !== sponsor) continue;
      const similarity = best(a, b);
      if (similarity < TITLE_SIMILARITY) continue;
      // A record of another linked group is suggested under that group's primary id (its page).
      if (group.includes(b.target)) continue;
      const had = out.get(b.target);
      if (!had || had.similarity < similarity) out.set(b.target, { id: b.target, title: b.title, sponsor: b.sponsor!, enrollment: a.enrollmentCount, similarity });
    }
  }
  return [...out.values()].sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : 1));
}

/** The records outside this record's group that may be the same trial, most alike first. */
export function readSuggestions(db: Database.Database, id: string): Suggestion[] {
  const group = groupMembers(db, id);
  const mine = db.prepare(`SELECT id, title, officialTitle, sponsor, enrollmentCount FROM Trial WHERE id IN (${group.map(() => "?").join(",")})`).all(...group) as Row[];
  const sizes = [...new Set(mine.filter((a) => sponsorKey(a.sponsor) && a.enrollmentCount !== null).map((a) => a.enrollmentCount))];
  const candidates = db.prepare(`SELECT t.id, t.title, t.officialTitle, t.sponsor, t.enrollmentCount, coalesce(g.groupId, t.id) AS target
    FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id WHERE t.enrollmentCount IN (SELECT value FROM json_each(?))`).all(JSON.stringify(sizes)) as SuggestionCandidate[];
  return pickSuggestions(group, mine, candidates);
}
