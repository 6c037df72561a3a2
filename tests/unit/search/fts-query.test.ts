import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { highlight, parseUserQuery, snippet, toFtsMatch } from "@/lib/search/fts-query";

const match = (text: string) => toFtsMatch(parseUserQuery(text));

describe("toFtsMatch", () => {
  it("quotes every word and prefixes the last", () => {
    expect(match("liver failure")).toBe('"liver" AND "failure"*');
    expect(match("")).toBeNull();
    expect(match("  --  ")).toBeNull();
  });

  it("expands hbv, HBV and hepatitis B to the same alternatives", () => {
    const expected = '("hbv" OR "hepatitis b")'; // "hepatitis b virus" matches nothing more
    expect(match("hbv")).toBe(expected);
    expect(match("HBV")).toBe(expected);
    expect(match("hepatitis B")).toBe(expected);
    expect(match("Hepatitis B virus")).toBe(expected);
  });

  it("keeps quoted phrases as phrases", () => {
    expect(match('"acute on chronic" cord')).toBe('"acute on chronic" AND "cord"*');
  });

  it("never passes FTS syntax through", () => {
    expect(match('NEAR("a" b, 2) OR x* -y')).toBe('"near" AND "a" AND "b" AND "2" AND "or" AND "x" AND "y"');
    expect(match("💉 🧪")).toBeNull();
  });

  it("caps very long input", () => {
    const m = match(Array.from({ length: 500 }, (_, i) => `w${i}`).join(" "))!;
    expect(m.split(" AND ")).toHaveLength(24);
    expect(match("x".repeat(5000))).toBe(`"${"x".repeat(64)}"*`);
  });
});

describe("hostile input against a real FTS5 table", () => {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')");
  db.prepare("INSERT INTO t (body) VALUES (?)").run("Hepatitis B virus (HBV)-related acute-on-chronic liver failure");
  const run = (text: string) => {
    const m = match(text);
    return m === null ? [] : db.prepare("SELECT rowid FROM t WHERE t MATCH ?").all(m);
  };

  it.each([
    '"', '""', "'", "*", "-", "+", "^", ":", "(", ")", "NEAR(", 'NEAR("a" "b", 2)', "AND", "OR NOT", "body:x",
    "a*b", "{a b}", "\\", "\u0000", "💥", "🧬🧫", "ß", "İ", "ﬁ", "x".repeat(5000), "%_", "; DROP TABLE t; --",
  ])("%s never throws", (text) => {
    expect(() => run(text)).not.toThrow();
  });

  it("survives 2,000 random strings", () => {
    const alphabet = ' "\'*-+^:(){}[]NEARORANDNOTabc1é💥\\\t\n';
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      expect(() => run(s), s).not.toThrow();
    }
  });

  it("finds the HBV record by each spelling", () => {
    expect(run("hbv")).toHaveLength(1);
    expect(run("hepatitis B")).toHaveLength(1);
    expect(run("hepat")).toHaveLength(1);
    expect(run("hepatitis C")).toHaveLength(0);
  });
});

describe("highlight and snippet", () => {
  const terms = parseUserQuery("hbv").words;

  it("marks the words and phrases, never a lone letter inside other words", () => {
    const parts = highlight("HBV-related; hepatitis B virus; bilirubin", terms);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(["HBV", "hepatitis B"]);
    expect(parts.map((p) => p.text).join("")).toBe("HBV-related; hepatitis B virus; bilirubin");
  });

  it("treats regex characters in terms literally", () => {
    expect(highlight("a (b) c++ d", ["(b", "c++"])).toEqual([
      { text: "a ", hit: false }, { text: "(b", hit: true }, { text: ") ", hit: false }, { text: "c++", hit: true }, { text: " d", hit: false },
    ]);
    // As patterns, "c++" would match "cc" and ".*" the whole text.
    expect(highlight("a cc d .* x", ["c++", ".*"]).filter((p) => p.hit).map((p) => p.text)).toEqual([".*"]);
  });

  it("cuts a window around the first hit", () => {
    const long = `${"x ".repeat(300)}hepatitis B ${"y ".repeat(300)}`;
    const s = snippet(long, terms, 100)!;
    expect(s[0]!.text).toBe("…");
    expect(s.some((p) => p.hit && p.text === "hepatitis B")).toBe(true);
    expect(snippet("nothing here", terms)).toBeNull();
  });
});
