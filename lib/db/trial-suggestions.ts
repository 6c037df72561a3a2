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

/** The records outside this record's group that may be the same trial, most alike first. */
export function readSuggestions(db: Database.Database, id: string): Suggestion[] {
  const group = groupMembers(db, id);
  const mine = db.prepare(`SELECT id, title, officialTitle, sponsor, enrollmentCount FROM Trial WHERE id IN (${group.map(() => "?").join(",")})`).all(...group) as Row[];
  const out = new Map<string, Suggestion>();
  const candidates = db.prepare("SELECT id, title, officialTitle, sponsor, enrollmentCount FROM Trial WHERE enrollmentCount = ? AND id <> ?");
  for (const a of mine) {
    const sponsor = sponsorKey(a.sponsor);
    if (!sponsor || a.enrollmentCount === null) continue;
    for (const b of candidates.all(a.enrollmentCount, a.id) as Row[]) {
      if (group.includes(b.id) || sponsorKey(b.sponsor) !== sponsor) continue;
      const similarity = best(a, b);
      if (similarity < TITLE_SIMILARITY) continue;
      // A record of another linked group is suggested under that group's primary id (its page).
      const target = (db.prepare("SELECT coalesce((SELECT groupId FROM TrialGroup WHERE trialId = ?), ?)").pluck().get(b.id, b.id) as string);
      if (group.includes(target)) continue;
      const had = out.get(target);
      if (!had || had.similarity < similarity) out.set(target, { id: target, title: b.title, sponsor: b.sponsor!, enrollment: a.enrollmentCount, similarity });
    }
  }
  return [...out.values()].sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : 1));
}
