import table from "./fts5-unicode61.json";

/**
 * The words SQLite's FTS5 index holds for a text (its `unicode61 remove_diacritics 2`
 * tokenizer, lib/db/search-index.ts), computed in JavaScript so that PostgreSQL's index
 * holds exactly the same words, and a query finds the same trials on both engines. The
 * table of which characters separate words and what the others fold to (lowercase, Latin
 * diacritics removed, combining diacritics dropped) is read from SQLite itself by
 * scripts/gen-fts5-tokens.ts; tests/unit/db/postgres/tokens.test.ts checks it against FTS5.
 */

const SEPARATES = new Uint8Array(0x110000);
for (const [first, last] of table.separators as [number, number][]) SEPARATES.fill(1, first, last + 1);
const FOLDS = new Map<number, string>(Object.entries(table.folds as Record<string, string>).map(([hex, s]) => [parseInt(hex, 16), s]));

/** The FTS5 words of `text`, in order. */
export function ftsTokens(text: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (SEPARATES[c] === 1 || (c >= 0xd800 && c <= 0xdfff)) {
      if (word) out.push(word);
      word = "";
      continue;
    }
    const f = FOLDS.get(c);
    word += f === undefined ? ch : f;
  }
  if (word) out.push(word);
  return out;
}
