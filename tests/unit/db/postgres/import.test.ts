import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { matchRowids as sqliteMatchRowids, readFacetRows } from "@/lib/db/search-reads";
import { migratePostgres } from "@/lib/db/postgres/migrate";
import { matchTrialIds, searchQuery, searchVector } from "@/lib/db/postgres/fts";
import { writeTrialPostgres } from "@/lib/db/postgres/write-trial";
import { ftsTokens } from "@/lib/db/postgres/tokens";
import { importFiles, importFilesAsync, loadCuration, SEED_CURATION, seedFiles } from "@/lib/import/run-import";
import { importSource } from "@/lib/ingest/pipeline";
import { runSearch } from "@/lib/search/engine";
import { buildFacetIndex } from "@/lib/search/facet-index";
import { parseUserQuery, toFtsMatch } from "@/lib/search/fts-query";
import { parseSearchParams } from "@/lib/search/params";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";
import { freshDatabase, type TestDatabase } from "@/tests/support/postgres";
import { openWriter } from "@/lib/db/writer";

/**
 * The seeds and ../shared/ctgov/classic imported into SQLite by the app's importer and
 * into PostgreSQL by the same importer's async path (lib/db/postgres/write-trial.ts): the same rows in every table, and
 * full-text search finds the same trials for every query (and so lists them in the same
 * order: lib/search/engine.ts ranks the matches the same way on both engines).
 */

const CLASSIC = path.join("..", "shared", "ctgov", "classic");
const TABLES = ["Trial", "TrialPhase", "Condition", "OtherId", "Arm", "Dose", "Criterion", "Outcome", "Contact", "Location", "Reference",
  "Stage", "StageGroup", "FieldEvidence", "Threshold", "TrialVersion", "RegistryKey", "TrialGroup", "TrialView"] as const;

let lite: ScratchDb;
let sqlite: Database.Database;
let pgDb: TestDatabase;
let client: pg.Client;
let pgErrors: string[] = [];

beforeAll(async () => {
  const curation = loadCuration(SEED_CURATION);
  const files = [...seedFiles(), ...fs.readdirSync(CLASSIC).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(CLASSIC, f))];
  lite = scratchDatabase();
  sqlite = openDatabase(lite.url);
  const liteResults = importFiles(sqlite, [...seedFiles(), CLASSIC], curation);
  expect(liteResults.filter((r) => !r.ok).map((r) => r.line)).toEqual([]);
  pgDb = await freshDatabase();
  await migratePostgres(pgDb.url);
  // The import command's path on PostgreSQL (lib/db/writer.ts, importFilesAsync).
  const writer = await openWriter(pgDb.url);
  pgErrors = (await importFilesAsync(writer.target, files, curation)).filter((r) => !r.ok).map((r) => r.line);
  await writer.close();
  client = new pg.Client({ connectionString: pgDb.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  sqlite?.close();
  lite?.cleanup();
  await pgDb?.drop();
});

const liteCount = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
const pgCount = async (t: string) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;

/** A table's rows without surrogate keys and import times, booleans as 0/1, sorted: comparable across engines. */
async function rowsOf(t: string): Promise<{ lite: string[]; pg: string[] }> {
  const cols = (sqlite.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).map((c) => c.name)
    .filter((c) => !["id", "armId", "stageId", "importedAt"].includes(c) || (c === "id" && t === "Trial"));
  const norm = (r: Record<string, unknown>) => JSON.stringify(cols.map((c) => (typeof r[c] === "boolean" ? Number(r[c]) : r[c])));
  const list = cols.map((c) => `"${c}"`).join(", ");
  return {
    lite: (sqlite.prepare(`SELECT ${list} FROM "${t}"`).all() as Record<string, unknown>[]).map(norm).sort(),
    pg: (await client.query(`SELECT ${list} FROM "${t}"`)).rows.map(norm).sort(),
  };
}

describe("the same files imported into SQLite and PostgreSQL", () => {
  it("imports every file on PostgreSQL", () => {
    expect(pgErrors).toEqual([]);
  });

  it("gives every table the same number of rows", async () => {
    const counts: Record<string, [number, number]> = {};
    for (const t of TABLES) counts[t] = [liteCount(t), await pgCount(t)];
    counts.fts = [liteCount("trial_fts"), await pgCount("trial_fts")];
    console.log("rows per table [SQLite, PostgreSQL]:", JSON.stringify(counts));
    for (const [t, [a, b]] of Object.entries(counts)) expect(b, t).toBe(a);
    // 5 seeds + 53 classic studies, 2 of which are seeds' trials again (a second version each).
    expect(Object.fromEntries(Object.entries(counts).map(([t, [, n]]) => [t, n]))).toEqual({
      Trial: 56, TrialPhase: 79, Condition: 75, OtherId: 58, Arm: 108, Dose: 87, Criterion: 670, Outcome: 346, Contact: 183,
      Location: 81, Reference: 127, Stage: 4, StageGroup: 10, FieldEvidence: 1436, Threshold: 137, TrialVersion: 58, RegistryKey: 56, TrialGroup: 56, TrialView: 56, fts: 56,
    });
  });

  it.each(TABLES)("stores the same rows in %s", async (t) => {
    const { lite: a, pg: b } = await rowsOf(t);
    expect(b.length).toBe(a.length);
    expect(b).toEqual(a);
  });
});

const seed = (n: string) => {
  const file = seedFiles().find((f) => path.basename(f).startsWith(n))!;
  return importSource(fs.readFileSync(file), path.basename(file), loadCuration(SEED_CURATION));
};

/** Queries a person types: synonyms, phrases, hyphenated words, prefixes, ids, places, accents, ligatures. */
const QUERIES = [
  "hbv", "acute-on-chronic liver failure", '"acute-on-chronic liver failure"', "umbilical", "cirrhosis", "meld", "bone marrow",
  "hepat", "cord blood", '"cord blood"', "msc", "aclf", "liver failure", "placebo", "umbilical cord mesenchymal", "alcoholic hepatitis",
  "decompensated", "hepatitis B virus", "inr", "bilirubin", "stem cell transplantation", "phase 2", "randomized", "children",
  "intrahepatic", "hepatic artery", "wilson", "ﬁbrosis", "Hôpital", "NCT01322906", "NCT0132", "China", "shanghai hospital", "hcc",
  "safety efficacy", "end stage liver disease", "autologous", "allogeneic", "peripheral vein", "survival", "1.0×10^6 cells/kg", "10^6",
];

/** SQLite's matches as trial ids (sorted), and the list's order for the query on SQLite and with PostgreSQL's matches. */
async function bothEngines(text: string) {
  const parsed = parseUserQuery(text);
  const match = toFtsMatch(parsed);
  const idOfRowid = new Map((sqlite.prepare("SELECT rowid, id FROM Trial").all() as { rowid: number; id: string }[]).map((r) => [r.rowid, r.id]));
  const rowidOfId = new Map([...idOfRowid].map(([r, id]) => [id, r]));
  const liteRowids = match === null ? null : sqliteMatchRowids(sqlite, match);
  const pgIds = await matchTrialIds(client, parsed);
  const index = buildFacetIndex(readFacetRows(sqlite));
  const q = parseSearchParams({ q: text, pageSize: "100" }).query;
  return {
    lite: liteRowids === null ? null : liteRowids.map((r) => idOfRowid.get(r)!).sort(),
    pg: pgIds,
    liteOrder: runSearch(index, q, parsed, liteRowids).ids,
    pgOrder: runSearch(index, q, parsed, pgIds === null ? null : pgIds.map((id) => rowidOfId.get(id)!)).ids,
  };
}

describe("full-text search on both engines", () => {
  it.each(QUERIES)("%s: the same trials, listed in the same order", async (text) => {
    const r = await bothEngines(text);
    expect(r.pg).toEqual(r.lite);
    expect(r.pgOrder).toEqual(r.liteOrder);
    ORDERS.push(`${text}: ${r.lite?.length ?? "all"} matches; first ${r.liteOrder.slice(0, 5).join(" ")}`);
  });

  it("finds what the seeds state (exact counts)", async () => {
    console.log(ORDERS.join("\n"));
    const n = async (text: string) => (await matchTrialIds(client, parseUserQuery(text)))!.length;
    expect(await n("hbv")).toBe(EXPECTED_MATCHES.hbv);
    expect(await n('"acute-on-chronic liver failure"')).toBe(EXPECTED_MATCHES.aclfPhrase);
    expect(await n("umbilical")).toBe(EXPECTED_MATCHES.umbilical);
    expect(await n("bone marrow")).toBe(EXPECTED_MATCHES.boneMarrow);
  });
});

const ORDERS: string[] = [];
const EXPECTED_MATCHES = { hbv: 31, aclfPhrase: 9, umbilical: 23, boneMarrow: 31 };

// The hostile corpus of tests/unit/search/fts-query.test.ts (FTS5 syntax, quotes, control
// characters, emoji, ligatures, 5,000 characters, SQL) and its 2,000 random strings, by the same generator.
const HOSTILE = [
  '"', '""', "'", "*", "-", "+", "^", ":", "(", ")", "NEAR(", 'NEAR("a" "b", 2)', "AND", "OR NOT", "body:x",
  "a*b", "{a b}", "\\", "\u0000", "💥", "🧬🧫", "ß", "İ", "ﬁ", "x".repeat(5000), "%_", "; DROP TABLE t; --",
  // tsquery syntax and what the http fuzz sends
  "a & b", "a | b", "!a", "a <-> b", "a:*", "'a'", "a\\'b", "a:A", "HBV OR 1=1", '"unterminated', "''", "\\'; SELECT pg_sleep(1); --",
];
function randomStrings(): string[] {
  const alphabet = ' "\'*-+^:(){}[]NEARORANDNOTabc1é💥\\\t\n';
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(rand() * 30) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(""));
}

describe("the PostgreSQL vector", () => {
  it("weights each field by its tier: A title and ids, B conditions, arms and sponsor, C criteria and prose", async () => {
    const t = seed("000").record;
    const { rows } = await client.query<{ lexeme: string; weights: string[] }>(
      `SELECT lexeme, weights FROM trial_fts, unnest(document) WHERE trial_id = $1`, [t.id]);
    const weights = new Map(rows.map((r) => [r.lexeme, new Set(r.weights)]));
    for (const w of ftsTokens(t.title!)) expect(weights.get(w)?.has("A"), w).toBe(true);
    for (const w of ftsTokens(t.conditions.join(" "))) expect(weights.get(w)?.has("B"), w).toBe(true);
    for (const w of ftsTokens(t.eligibility.inclusion[0]!)) expect(weights.get(w)?.has("C"), w).toBe(true);
    expect(new Set(rows.flatMap((r) => r.weights))).toEqual(new Set(["A", "B", "C"]));
  });
});

describe("PostgreSQL's limits on a vector", () => {
  it("stores a trial of 300,000 distinct words, long words and 20,000 repeats of one word, keeping its title findable", async () => {
    const t = seed("002").record;
    const many = Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}`).join(" ");
    const huge = { ...t, id: "HUGE-1", nctId: null, source: { ...t.source, file: "huge.txt" }, otherIds: [],
      description: `${many} ${"x".repeat(5000)} ${"liver failure ".repeat(20_000)}` };
    const vector = searchVector(huge);
    const { rows } = await client.query<{ n: number; title: boolean; first: boolean }>(
      `SELECT length($1::tsvector) AS n, $1::tsvector @@ $2::tsquery AS title, $1::tsvector @@ 'w0'::tsquery AS first`,
      [vector, searchQuery(parseUserQuery(t.title!))]);
    expect(rows[0]!.title).toBe(true);
    expect(rows[0]!.first).toBe(true);
    // The first 74,815 distinct words (of 300,000+) fill the 1 MB: the title, ids, conditions and arms come first.
    expect(rows[0]!.n).toBe(74_815);
    // Without the cap PostgreSQL refuses the vector, and with it the trial.
    const all = vector + " " + Array.from({ length: 300_000 }, (_, i) => `'z${i}':1`).join(" ");
    await expect(client.query("SELECT $1::tsvector", [all])).rejects.toThrow(/too long for tsvector/);
  });
});

describe("hostile search input on PostgreSQL", () => {
  it("never fails, and finds exactly what FTS5 finds, for the fuzz corpus and 2,000 random strings", async () => {
    const idOfRowid = new Map((sqlite.prepare("SELECT rowid, id FROM Trial").all() as { rowid: number; id: string }[]).map((r) => [r.rowid, r.id]));
    const differ: string[] = [];
    for (const text of [...HOSTILE, ...randomStrings()]) {
      const parsed = parseUserQuery(text);
      const match = toFtsMatch(parsed);
      const lite = match === null ? null : sqliteMatchRowids(sqlite, match).map((r) => idOfRowid.get(r)!).sort();
      const pgIds = await matchTrialIds(client, parsed); // rejects on any error
      if (JSON.stringify(lite) !== JSON.stringify(pgIds)) differ.push(text);
    }
    expect(differ).toEqual([]);
  });

  it("sends the user's words only as a bound tsquery of quoted words", () => {
    expect(searchQuery(parseUserQuery("liver failure"))).toBe("'liver' & 'failure':*");
    expect(searchQuery(parseUserQuery("hbv"))).toBe("('hbv' | ('hepatitis' <-> 'b'))");
    expect(searchQuery(parseUserQuery('"acute on chronic" cord'))).toBe("('acute' <-> 'on' <-> 'chronic') & 'cord':*");
    expect(searchQuery(parseUserQuery("a' | !b:* & (c")) ).toBe("'a' & 'b' & 'c'");
    expect(searchQuery(parseUserQuery("Café"))).toBe("'cafe':*");
    expect(searchQuery(parseUserQuery("  --  "))).toBeNull();
  });
});

describe("writing on PostgreSQL", () => {
  const counts = async (c: pg.ClientBase) => {
    const out: Record<string, number> = {};
    for (const t of ["Trial", "Arm", "Dose", "Criterion", "TrialVersion", "trial_fts", "TrialGroup"]) {
      out[t] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
    }
    return out;
  };

  it("two imports of the same trial at once, on two connections, end with one trial, whole", async () => {
    const db = await freshDatabase();
    await migratePostgres(db.url);
    const [a, b, check] = [0, 1, 2].map(() => new pg.Client({ connectionString: db.url }));
    try {
      await Promise.all([a!, b!, check!].map((c) => c.connect()));
      const t = seed("000");
      const results = await Promise.all([writeTrialPostgres(a!, t), writeTrialPostgres(b!, t)]);
      expect(results.map((r) => r.version).sort()).toEqual([1, null]); // the second finds the same facts: no new version
      const arms = t.record.arms.length, doses = t.record.arms.reduce((n, x) => n + x.doses.length, 0);
      expect(await counts(check!)).toEqual({ Trial: 1, Arm: arms, Dose: doses, Criterion: t.record.eligibility.inclusion.length + t.record.eligibility.exclusion.length, TrialVersion: 1, trial_fts: 1, TrialGroup: 1 });
      expect(arms).toBe(4);
    } finally {
      await Promise.all([a!, b!, check!].map((c) => c.end()));
      await db.drop();
    }
  });

  it("a write that fails part way leaves the stored trial as it was", async () => {
    const db = await freshDatabase();
    await migratePostgres(db.url);
    const c = new pg.Client({ connectionString: db.url });
    try {
      await c.connect();
      const t = seed("001");
      await writeTrialPostgres(c, t);
      const before = await counts(c);
      // A count past PostgreSQL's INTEGER: the second arm's row fails after the trial row and the first arm went in.
      const broken = { ...t, record: { ...t.record, arms: t.record.arms.map((x, i) => (i === 1 ? { ...x, summary: { ...x.summary, activeInfusions: 2 ** 40 } } : x)) } };
      await expect(writeTrialPostgres(c, broken)).rejects.toThrow(/out of range for type integer/);
      expect(await counts(c)).toEqual(before);
      // PostgreSQL cannot store a NUL character in text (SQLite can): refused by name before anything is written.
      const nul = { ...t, record: { ...t.record, arms: t.record.arms.map((x, i) => (i === 1 ? { ...x, label: "bad\u0000label" } : x)) } };
      await expect(writeTrialPostgres(c, nul)).rejects.toThrow(/holds a NUL character \(U\+0000\), which PostgreSQL cannot store/);
      expect(await counts(c)).toEqual(before);
      const { rows } = await c.query<{ label: string }>(`SELECT label FROM "Arm" ORDER BY ordinal`);
      expect(rows.map((r) => r.label)).toEqual(t.record.arms.map((x) => x.label));
    } finally {
      await c.end();
      await db.drop();
    }
  });
});
