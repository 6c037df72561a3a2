import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/db/migrate";
import { FACET_VIEW_FORMAT, facetViewJson, liveFacetRows, readFacetRows } from "@/lib/db/search-reads";
import type { FacetRow } from "@/lib/db/store";
import { registryCode } from "@/lib/db/trial-links";
import { trialsWithoutView } from "@/lib/db/trial-views";
import { readAllIds } from "@/lib/db/view-reads";
import { writeTrial } from "@/lib/db/write-trial";
import { buildFacetIndex, buildFacetIndexSliced, cachedFacetIndex, patchIndex } from "@/lib/search/facet-index";
import type { ScratchDb } from "@/tests/helpers/db";
import { seed000, seedsAndClassic } from "@/tests/helpers/seeds-and-classic";

/**
 * The list's facet rows kept in the trials' view rows (TrialView.facet): read through them,
 * the rows are what decoding the trials' stored rows gives (the read before view rows kept
 * them), an import changes a trial's row in its own transaction, a database from before gets
 * them when it is prepared and reads right meanwhile; and the facet index is rebuilt after a
 * commit only when rows changed, parsing again only those.
 */

/** The read before view rows: every listed trial's rows decoded, its registries from the links now. */
function oldRead(db: Database.Database): FacetRow[] {
  const listed = new Set(readAllIds(db));
  const regs = new Map<string, string[]>();
  for (const { id, v } of db.prepare(`SELECT coalesce(g.groupId, t.id) AS id, json_group_array(t.id) AS v
      FROM Trial t LEFT JOIN TrialGroup g ON g.trialId = t.id GROUP BY 1`).all() as { id: string; v: string }[]) {
    regs.set(id, [...new Set((JSON.parse(v) as string[]).map(registryCode))]);
  }
  return liveFacetRows(db, null).filter((r) => listed.has(r.id)).map((r) => ({ ...r, registries: regs.get(r.id) ?? [] }));
}
const plain = (rows: FacetRow[]) => rows.map((r) => ({ ...r }));
/** An index's data, comparable: maps and typed arrays as arrays, without the encoders' functions. */
function data(v: unknown): unknown {
  if (typeof v === "function") return undefined;
  if (v instanceof Map) return [...v].map(([k, x]) => [k, data(x)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(data);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x !== "function").map(([k, x]) => [k, data(x)]));
  return v;
}

let scratch: ScratchDb;
let db: Database.Database;
beforeAll(() => {
  ({ scratch, db } = seedsAndClassic("facet-view"));
}, 120_000);
afterAll(() => {
  db?.close();
  scratch?.cleanup();
});

describe("facet rows read through the view rows", () => {
  it("are the rows decoded from the stored trials, registries included, for the seeds and ../shared/ctgov/classic", () => {
    const rows = readFacetRows(db);
    // 56 records; a trial registered in several registries is one row (its group's primary record).
    expect(rows.length).toBe(readAllIds(db).length);
    expect(rows.length).toBeGreaterThan(40);
    expect(plain(rows)).toEqual(oldRead(db));
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort());
    const seed = rows.find((r) => r.id === "NCT06884904")!;
    expect([seed.doses, seed.enrollment, seed.minAge, seed.maxAge, seed.registries]).toEqual([[2e6, 4e6], 96, 18, 70, ["NCT"]]);
    expect(db.prepare("SELECT count(*) FROM TrialView WHERE facetFormat = ?").pluck().get(FACET_VIEW_FORMAT)).toBe(db.prepare("SELECT count(*) FROM Trial").pluck().get());
 
    // The writer's text (made from the rows it inserts, lib/db/trial-views.ts facetOfRows, as on
    // PostgreSQL) is byte for byte the text decoding the stored rows gives (liveFacetRows).
    const written = new Map(db.prepare("SELECT trialId, facet, facetHash FROM TrialView").all().map((v) => {
      const { trialId, facet, facetHash } = v as { trialId: string; facet: string; facetHash: string };
      return [trialId, { facet, facetHash }];
    }));
    const live = liveFacetRows(db, null);
    expect(live.length).toBe(written.size);
    for (const r of live) expect(written.get(r.id), r.id).toEqual({ facet: facetViewJson(r).json, facetHash: facetViewJson(r).hash });
  });

  it("hold the fields of FacetRow this format was written for (a change to them needs FACET_VIEW_FORMAT bumped and this list updated)", () => {
    // The rows a view keeps are FACET_VIEW_FORMAT's: when liveFacetRows returns other fields,
    // stored rows of the old format would lack them. Bump the format (preparing a database then
    // writes every row again) and record the new list here.
    const FIELDS: Record<number, string[]> = {
      1: ["acronym", "allocation", "armLabels", "armSources", "conditions", "doses", "enrollment", "id", "infusions", "interventions",
        "keywords", "masking", "maxAge", "maxDose", "minAge", "nctId", "officialTitle", "origins", "otherIds", "phases", "registries",
        "routes", "rowid", "source", "sponsor", "start", "status", "statusVerified", "title"],
      2: ["acronym", "allocation", "armLabels", "armSources", "conditions", "doses", "enrollment", "hasResultsPublication", "id", "infusions", "interventions",
        "keywords", "masking", "maxAge", "maxDose", "minAge", "nctId", "officialTitle", "origins", "otherIds", "phases", "registries",
        "routes", "rowid", "sites", "source", "sponsor", "start", "status", "statusVerified", "title"],
      // 3: the same fields; doses and site coordinates exact (17 digits, as PostgreSQL gives them), phases and arms in key order.
      3: ["acronym", "allocation", "armLabels", "armSources", "conditions", "doses", "enrollment", "hasResultsPublication", "id", "infusions", "interventions",
        "keywords", "masking", "maxAge", "maxDose", "minAge", "nctId", "officialTitle", "origins", "otherIds", "phases", "registries",
        "routes", "rowid", "sites", "source", "sponsor", "start", "status", "statusVerified", "title"],
    };
    expect(Object.keys(liveFacetRows(db, ["NCT06884904"])[0]!).sort()).toEqual(FIELDS[FACET_VIEW_FORMAT]);
  });

  it("are the same objects when read again with nothing changed, and a written trial's row is new and right", () => {
    const first = readFacetRows(db);
    const again = readFacetRows(db);
    expect(again.every((r, i) => r === first[i])).toBe(true);
    expect(Object.isFrozen(again[0])).toBe(true);

    const edited = seed000();
    edited.title = "Umbilical cord MSC for acute-on-chronic liver failure, edited";
    writeTrial(db, { record: edited, evidence: {}, endsMidWord: null });
    const after = readFacetRows(db);
    const changed = after.filter((r, i) => r !== first[i]).map((r) => r.id);
    expect(changed).toEqual(["NCT06884904"]);
    expect(after.find((r) => r.id === "NCT06884904")!.title).toBe(edited.title);
    expect(plain(after)).toEqual(oldRead(db));
  });
});

describe("the facet hash", () => {
  it("is the SHA-256 of the row's text; a kept row is told by it without its text, a new hash reads the text again", () => {
    const { facet, facetHash } = db.prepare("SELECT facet, facetHash FROM TrialView WHERE trialId = ?").get("NCT06884904") as { facet: string; facetHash: string };
    expect(facetHash).toBe(createHash("sha256").update(facet).digest("base64"));
    const kept = readFacetRows(db).find((r) => r.id === "NCT06884904")!;
    expect(() => db.transaction(() => {
      // The text changed behind the hash: the kept row stands (the text is not read)...
      db.prepare("UPDATE TrialView SET facet = json_set(facet, '$.title', 'Behind the hash') WHERE trialId = ?").run("NCT06884904");
      expect(readFacetRows(db).find((r) => r.id === "NCT06884904")).toBe(kept);
      // ...and with its hash, the new text is read.
      db.prepare("UPDATE TrialView SET facetHash = 'other' WHERE trialId = ?").run("NCT06884904");
      expect(readFacetRows(db).find((r) => r.id === "NCT06884904")!.title).toBe("Behind the hash");
      throw new Error("roll back");
    })()).toThrow("roll back");
    expect(readFacetRows(db).find((r) => r.id === "NCT06884904")!.title).toBe(kept.title);
  });
});

describe("a database from before facet rows", () => {
  it("reads right without them, and gets them when it is prepared", () => {
    const expected = plain(readFacetRows(db));
    const file = path.join(path.dirname(scratch.file), "old-facets.db");
    db.pragma("wal_checkpoint(TRUNCATE)");
    fs.copyFileSync(scratch.file, file);
    // As the previous version left it: view rows without the facet column, its migration not applied.
    const old = new Database(file);
    old.exec(`CREATE TABLE TrialViewOld AS SELECT trialId, landscape, screen FROM TrialView; DROP TABLE TrialView;
      CREATE TABLE "TrialView" ("trialId" TEXT NOT NULL PRIMARY KEY, "landscape" TEXT NOT NULL, "screen" TEXT NOT NULL,
        CONSTRAINT "TrialView_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
      INSERT INTO TrialView SELECT * FROM TrialViewOld; DROP TABLE TrialViewOld;`);
    old.prepare("DELETE FROM _prisma_migrations WHERE migration_name LIKE '%_trial_view_facet'").run();
    old.close();
    prepareDatabase(`file:${file}`);
    const upgraded = new Database(file, { readonly: true });
    try {
      expect(trialsWithoutView(upgraded)).toEqual([]);
      expect(upgraded.prepare("SELECT count(*) FROM TrialView WHERE facetFormat = ?").pluck().get(FACET_VIEW_FORMAT)).toBe(upgraded.prepare("SELECT count(*) FROM Trial").pluck().get());
      expect(plain(readFacetRows(upgraded))).toEqual(expected);
    } finally {
      upgraded.close();
    }
  });

  it("a row of another format is read from the trial's rows, listed to be written again, and written when prepared", () => {
    const expected = plain(readFacetRows(db));
    const ids = readAllIds(db).slice(0, 12);
    const stale = (db.prepare(`UPDATE TrialView SET facet = '{}', facetFormat = ? WHERE trialId IN (${ids.map(() => "?").join(",")})`)
      .run(FACET_VIEW_FORMAT - 1, ...ids)).changes;
    expect(stale).toBe(12);
    expect(plain(readFacetRows(db))).toEqual(expected);
    expect(trialsWithoutView(db).sort()).toEqual([...ids].sort());
    prepareDatabase(scratch.url);
    expect(trialsWithoutView(db)).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM TrialView WHERE facet = '{}'").pluck().get()).toBe(0);
    expect(plain(readFacetRows(db))).toEqual(expected);
  });
});

describe("the facet index after a commit", () => {
  it("is patched when a trial's text, doses and dates changed: the same as a fresh build, the old index unchanged", () => {
    const rows = readFacetRows(db);
    const before = { rows, index: buildFacetIndex(rows) };
    const kept = data(before.index);
    const edited = seed000();
    edited.title = "Umbilical cord MSC, patched with a kingfisher";
    edited.arms[0]!.doses[0]!.cellsPerKg = 3e6;
    edited.arms[0]!.summary.cellsPerKgPerInfusion = 3e6;
    edited.dates = { ...edited.dates, start: "2099-01" };
    writeTrial(db, { record: edited, evidence: {}, endsMidWord: null });
    const after = readFacetRows(db);
    const patched = patchIndex(before, after);
    expect(patched).not.toBeNull();
    expect(data(patched)).toEqual(data(buildFacetIndex(plain(after))));
    const slot = patched!.ids.indexOf("NCT06884904");
    expect([...patched!.titleWords.get("kingfisher")!]).toEqual([slot]);
    expect(patched!.doses[slot]![0]).toBe(3e6);
    expect([patched!.ids[patched!.order.start[0]!], patched!.start[slot]]).toEqual(["NCT06884904", 20990100]); // the newest start first
    expect(data(before.index)).toEqual(kept);
    // Another status changes a code table's counts' source: built afresh.
    const other = { ...edited, overallStatus: "COMPLETED" as const };
    writeTrial(db, { record: other, evidence: {}, endsMidWord: null });
    expect(patchIndex({ rows: after, index: patched! }, readFacetRows(db))).toBeNull();
  });

  it("is kept when the rows are the same objects, and rebuilt equal to a fresh build when one changed", async () => {
    const owner = {};
    const rows = readFacetRows(db);
    const first = await cachedFacetIndex(owner, 1, async () => rows);
    expect(await cachedFacetIndex(owner, 2, async () => readFacetRows(db))).toBe(first);

    const edited = seed000();
    edited.title = "Umbilical cord MSC, edited again with a zebrafinch";
    edited.overallStatus = edited.overallStatus === "RECRUITING" ? "ACTIVE_NOT_RECRUITING" : "RECRUITING"; // a coded value: not patched
    writeTrial(db, { record: edited, evidence: {}, endsMidWord: null }, { force: true }); // the test before stored a start date
    const changed = readFacetRows(db);
    let pauses = 0;
    const rebuilt = await cachedFacetIndex(owner, 3, async () => changed, async () => void pauses++);
    expect(rebuilt).not.toBe(first);
    expect(pauses).toBeGreaterThan(0);
    // Equal to an index built from freshly decoded rows (nothing kept from before).
    expect(data(rebuilt)).toEqual(data(buildFacetIndex(plain(changed))));
    const slot = rebuilt.ids.indexOf("NCT06884904");
    expect([...rebuilt.titleWords.get("zebrafinch")!]).toEqual([slot]);
    expect(data(await buildFacetIndexSliced(plain(changed), async () => {}))).toEqual(data(rebuilt));
  });
});
