import type pg from "pg";
import type { TrialRecord } from "../../record/schema";
import { FTS_COLUMNS, fieldTexts, SEARCH_FIELDS, searchSourceOf, type SearchTier } from "../../record/search-fields";
import type { ParsedQuery } from "../../search/fts-query";
import { ftsTokens } from "./tokens";

/**
 * Full-text search on PostgreSQL with FTS5's behaviour (lib/db/search-index.ts,
 * lib/search/fts-query.ts toFtsMatch): the same words (lib/db/postgres/tokens.ts: FTS5's
 * tokenizer, no stemming, as FTS5 here has none), phrases within one column, every query
 * group required, alternatives (synonyms) OR-ed, the last single word of 3 letters or more
 * also a prefix. The vector is built here from the record and passed as one bound
 * parameter; the query likewise: user text is never part of the SQL.
 *
 * Positions: each column's texts in a row (joined, as FTS5 joins them with "\n"), one
 * unused position between columns so that no phrase spans two columns. Weights: each
 * field's tier (lib/record/search-fields.ts): A for 4 (title, identifiers), B for 2
 * (conditions, arms, interventions, sponsor), C for 1 (criteria, prose). The list's
 * relevance order itself is computed by lib/search/engine.ts from these matches on both
 * engines alike.
 *
 * PostgreSQL's limits (FTS5 has none): positions past 16,383 count as 16,383, a word keeps
 * at most 256 positions, a word is at most 2,047 bytes, a vector at most 1 MB. Words are
 * cut to 255 characters (a query word is at most 64, lib/search/fts-query.ts: nothing
 * findable is lost); a phrase that only occurs beyond the 16,383rd word of a trial's text,
 * or beyond a word's 256th occurrence, is not found on PostgreSQL; a trial of more distinct
 * words than 1 MB holds keeps the first ones (title, ids, conditions, arms first) and is
 * still imported, where PostgreSQL would refuse the whole vector.
 */

export const TIER_WEIGHT: Record<SearchTier, "A" | "B" | "C"> = { 4: "A", 2: "B", 1: "C" };
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_WORD = 256;
const MAX_WORD = 255;
/** PostgreSQL's tsvector holds at most 1 MB of words and positions; this leaves room for its own overhead. */
const MAX_VECTOR_BYTES = 1_000_000;

/** A tsvector literal as PostgreSQL's input reads it: `'word'` with `'` and `\` doubled. */
const lexeme = (w: string) => `'${w.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** The trial's tsvector, as text for `$1::tsvector`. */
export function searchVector(r: TrialRecord): string {
  const src = searchSourceOf(r);
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const column of FTS_COLUMNS) {
    for (const f of SEARCH_FIELDS) {
      if (f.column !== column) continue;
      const weight = TIER_WEIGHT[f.tier];
      for (const text of fieldTexts(src, f.field)) {
        for (const token of ftsTokens(text)) {
          pos++;
          const word = [...token].slice(0, MAX_WORD).join("");
          const list = positions.get(word) ?? (positions.set(word, []), positions.get(word)!);
          if (list.length < MAX_POSITIONS_PER_WORD && pos <= MAX_POSITION) list.push(`${pos}${weight}`);
          else if (list.length === 0) list.push(`${MAX_POSITION}${weight}`); // still findable as a word
        }
      }
    }
    pos++; // a gap: no phrase across columns
  }
  // Each word costs its entry (4 bytes), its UTF-8 bytes, alignment, a count and 2 bytes a position.
  const out: string[] = [];
  let bytes = 0;
  for (const [w, p] of positions) {
    bytes += 4 + Buffer.byteLength(w) + 1 + 2 + 2 * p.length;
    if (bytes > MAX_VECTOR_BYTES) break;
    out.push(`${lexeme(w)}:${p.join(",")}`);
  }
  return out.join(" ");
}

/**
 * The tsquery (as text for `$1::tsquery`) of a parsed query; null when it has no
 * searchable words (every trial is a candidate), false when it can match nothing. FTS5's
 * `"a b"` is `'a' <-> 'b'`, `"w"*` is `'w':*`, OR and AND alike. A phrase FTS5 makes no
 * word of (all its characters separate words there) matches nothing, as in FTS5: it drops
 * out of an OR, and a group left with no alternative matches nothing, so the query does not.
 */
export function searchQuery(parsed: ParsedQuery): string | null | false {
  if (parsed.groups.length === 0) return null;
  const last = parsed.groups.length - 1;
  const groups = parsed.groups.map((alternatives, gi) => {
    const prefix = gi === last && alternatives.length === 1 && alternatives[0]!.length === 1 && alternatives[0]![0]!.length >= 3;
    const alts = alternatives
      .map((phrase) => ftsTokens(phrase.join(" ")))
      .filter((tokens) => tokens.length > 0)
      .map((tokens) => {
        const terms = tokens.map((t) => lexeme([...t].slice(0, MAX_WORD).join("")));
        if (prefix) terms[terms.length - 1] += ":*";
        return terms.length === 1 ? terms[0]! : `(${terms.join(" <-> ")})`;
      });
    return alts.length === 0 ? null : alts.length === 1 ? alts[0]! : `(${alts.join(" | ")})`;
  });
  if (groups.some((g) => g === null)) return false;
  return groups.join(" & ");
}

/** The rowids (trial_fts.rowid) of the trials the parsed query matches; null when it has no words. */
export async function matchRowids(db: pg.ClientBase | pg.Pool, parsed: ParsedQuery): Promise<number[] | null> {
  const q = searchQuery(parsed);
  if (q === null) return null;
  if (q === false) return [];
  // The GIN index, always: for a common word the planner prefers reading the whole table,
  // which decompresses every trial's vector (tens of thousands of documents) to test it,
  // where the index's bitmap of matches needs none of them. For this statement only (a
  // read's other statements scan whole tables on purpose), in the read's transaction.
  const { rows: [prev] } = await db.query<{ v: string }>(`SELECT current_setting('enable_seqscan') AS v, set_config('enable_seqscan', 'off', true)`);
  try {
    const { rows } = await db.query<{ rowid: number }>("SELECT rowid FROM trial_fts WHERE document @@ $1::tsquery", [q]);
    return rows.map((r) => r.rowid);
  } finally {
    await db.query(`SELECT set_config('enable_seqscan', $1, true)`, [prev!.v]);
  }
}

/** The ids of the trials the parsed query matches, sorted; null when it has no words. */
export async function matchTrialIds(db: pg.ClientBase | pg.Pool, parsed: ParsedQuery): Promise<string[] | null> {
  const q = searchQuery(parsed);
  if (q === null) return null;
  if (q === false) return [];
  const { rows } = await db.query<{ id: string }>(`SELECT trial_id AS id FROM trial_fts WHERE document @@ $1::tsquery ORDER BY trial_id COLLATE "C"`, [q]);
  return rows.map((r) => r.id);
}

/** Writes a trial's index row (insert or replace), in the caller's transaction. */
export async function indexTrial(db: pg.ClientBase, r: TrialRecord): Promise<void> {
  await db.query(`INSERT INTO trial_fts (trial_id, document) VALUES ($1, $2::tsvector)
    ON CONFLICT (trial_id) DO UPDATE SET document = EXCLUDED.document`, [r.id, searchVector(r)]);
}
