/**
 * Writes lib/db/postgres/fts5-unicode61.json: how SQLite's FTS5 tokenizer
 * (`unicode61 remove_diacritics 2`, lib/db/search-index.ts) treats every Unicode code
 * point, read from SQLite itself, so that lib/db/postgres/tokens.ts gives PostgreSQL the
 * very words FTS5 indexes. Each code point is put in a document "a<c>b" and the words
 * FTS5 makes of it are read back (fts5vocab): one word "a…b" means <c> is part of a word
 * and folds to what stands between a and b (nothing, for a combining diacritic); two words
 * mean it separates words.
 *
 *   npx tsx scripts/gen-fts5-tokens.ts     (about a minute; run after a SQLite upgrade)
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const TABLE = path.join("lib", "db", "postgres", "fts5-unicode61.json");

const db = new Database(":memory:");
db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, tokenize = "unicode61 remove_diacritics 2");
  CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
const insert = db.prepare("INSERT INTO t (rowid, a) VALUES (?, ?)");
const read = db.prepare("SELECT doc, term FROM v ORDER BY doc, offset");

/** [first, last] code point ranges that separate words. */
const separators: [number, number][] = [];
/** Code points (hex) of word characters whose indexed form is not the character itself. */
const folds: Record<string, string> = {};

const CHUNK = 0x10000;
for (let start = 0; start <= 0x10ffff; start += CHUNK) {
  db.exec("DELETE FROM t");
  db.transaction(() => {
    for (let c = Math.max(start, 1); c < start + CHUNK; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      insert.run(c, `a${String.fromCodePoint(c)}b`);
    }
  })();
  const words = new Map<number, string[]>();
  for (const { doc, term } of read.iterate() as Iterable<{ doc: number; term: string }>) {
    (words.get(doc) ?? words.set(doc, []).get(doc)!).push(term);
  }
  for (let c = start; c < start + CHUNK; c++) {
    const w = c === 0 || (c >= 0xd800 && c <= 0xdfff) ? ["a", "b"] : words.get(c) ?? [];
    const separates = w.length !== 1;
    if (separates) {
      const last = separators[separators.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else separators.push([c, c]);
      continue;
    }
    const folded = w[0]!.slice(1, -1);
    if (folded !== String.fromCodePoint(c)) folds[c.toString(16)] = folded;
  }
}
fs.writeFileSync(TABLE, JSON.stringify({
  source: `SQLite ${(db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v} FTS5 unicode61 remove_diacritics 2 (scripts/gen-fts5-tokens.ts)`,
  separators, folds,
}) + "\n");
console.log(`${TABLE}: ${separators.length} separator ranges, ${Object.keys(folds).length} folds`);
