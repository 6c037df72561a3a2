import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "@/lib/import/run-import";
import { openDatabase } from "@/lib/db/sqlite";
import { getTrial } from "@/lib/data/records";
import { readSites } from "@/lib/db/sites";
import { readTrialRows } from "@/lib/db/view-reads";
import { rowToRecord } from "@/lib/db/trial-rows";
import { importSource } from "@/lib/ingest/pipeline";
import fs from "node:fs";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/** Sites, references and results status stored and read back as imported, through the store (lib/data) and by raw SQL alike. */
const SHARED = path.join(process.cwd(), "..", "shared", "ctgov");
const FILES = [path.join(SHARED, "v2", "NCT03475563.json"), path.join(SHARED, "v2", "NCT02552212.json"), path.join(SHARED, "classic", "NCT03860155.json"), "seeds/001_77e33fc44f0026eb.txt"];

let scratch: ScratchDb;
beforeAll(() => {
  scratch = scratchDatabase("sites");
  const db = openDatabase(scratch.url);
  expect(importFiles(db, FILES, {}).map((r) => r.ok)).toEqual(FILES.map(() => true));
  db.close();
  process.env.DATABASE_URL = scratch.url;
});
afterAll(() => {
  scratch?.cleanup();
});

describe("sites and publications in the database", () => {
  it.each([["NCT03475563", "v2/NCT03475563.json"], ["NCT02552212", "v2/NCT02552212.json"], ["NCT03860155", "classic/NCT03860155.json"]])(
    "%s: the stored record's locations, references and results equal the imported ones", async (id, file) => {
      const imported = importSource(fs.readFileSync(path.join(SHARED, file)), path.basename(file)).record;
      const stored = (await getTrial(id))!;
      expect(stored.locations).toEqual(imported.locations);
      expect(stored.references).toEqual(imported.references);
      expect(stored.results).toEqual(imported.results);
      const db = new Database(scratch.file, { readonly: true });
      try {
        expect(readSites(db, id)).toEqual({ locations: imported.locations, references: imported.references, results: imported.results });
        const raw = rowToRecord(readTrialRows(db, [id])[0]!);
        expect({ l: raw.locations, r: raw.references, s: raw.results }).toEqual({ l: imported.locations, r: imported.references, s: imported.results });
      } finally {
        db.close();
      }
    });

  it("a text record (classic page) has no references key and its results status 'not posted'; the export keeps keys absent", async () => {
    const t = (await getTrial("NCT04822922"))!;
    expect("references" in t).toBe(false);
    expect(t.results).toEqual({ posted: false, firstPosted: null });
    expect(t.locations[0]).toMatchObject({ city: "Shanghai", countryCode: "CN", contacts: [{ name: "Hai Li, PhD", phone: "+8613818525494", email: "haili_17@126.com" }] });
  });

  it("Reference rows: 4 for NCT02552212 with their types", () => {
    const db = new Database(scratch.file, { readonly: true });
    try {
      expect(db.prepare("SELECT type, COUNT(*) AS n FROM Reference WHERE trialId = ? GROUP BY type ORDER BY type").all("NCT02552212"))
        .toEqual([{ type: "DERIVED", n: 2 }, { type: "RESULT", n: 2 }]);
    } finally {
      db.close();
    }
  });
});
