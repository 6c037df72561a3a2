import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ftsTokens } from "@/lib/db/postgres/tokens";
import { importSource } from "@/lib/ingest/pipeline";
import { FTS_COLUMNS, searchDocument } from "@/lib/record/search-fields";

/** The words FTS5 (the app's tokenizer) makes of each text, read back with fts5vocab. */
function fts5Words(texts: string[]): string[][] {
  const db = new Database(":memory:");
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, tokenize = "unicode61 remove_diacritics 2");
    CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
  const insert = db.prepare("INSERT INTO t (rowid, a) VALUES (?, ?)");
  db.transaction(() => texts.forEach((t, i) => insert.run(i + 1, t)))();
  const out = texts.map(() => [] as string[]);
  for (const { doc, term } of db.prepare("SELECT doc, term FROM v ORDER BY doc, offset").iterate() as Iterable<{ doc: number; term: string }>) out[doc - 1]!.push(term);
  db.close();
  return out;
}

describe("ftsTokens: the words FTS5 indexes, for PostgreSQL", () => {
  it("agrees with FTS5 on every character of the Basic Multilingual Plane, inside a word and alone", () => {
    const texts: string[] = [];
    for (let c = 1; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCodePoint(c);
      texts.push(`a${ch}b ${ch}x ${ch}`);
    }
    const want = fts5Words(texts);
    const wrong = texts.map((t, i) => [t, want[i]!, ftsTokens(t)] as const)
      .filter(([, w, g]) => JSON.stringify(w) !== JSON.stringify(g));
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("agrees with FTS5 on the seeds' whole search documents (accents, units, ranges, punctuation)", () => {
    const docs = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).flatMap((f) => {
      const doc = searchDocument(importSource(fs.readFileSync(path.join("seeds", f)), f).record);
      return FTS_COLUMNS.map((c) => doc[c]);
    });
    const mixed = ["Café naïve ÆON straße École x\u0301y İstanbul ǅ 日本語 emoji😀x ﬁne Ｆｕｌｌ Ⅻ ½ ² 1.5×10^6 cells/kg", "\u0301abc à̀b"];
    const texts = [...docs, ...mixed];
    const want = fts5Words(texts);
    texts.forEach((t, i) => expect(ftsTokens(t), t.slice(0, 80)).toEqual(want[i]));
    expect(ftsTokens(mixed[0]!).slice(0, 6)).toEqual(["cafe", "naive", "æon", "straße", "ecole", "xy"]);
  });
});
