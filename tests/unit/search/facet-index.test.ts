import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { sqliteReader } from "@/lib/db/sqlite/reader";
import { writeTrial } from "@/lib/db/write-trial";
import { importSource } from "@/lib/ingest/pipeline";
import { findTrials } from "@/lib/data/search";
import { parseSearchParams } from "@/lib/search/params";
import { loadCuration } from "@/lib/import/run-import";
import { engineDatabase, ENGINES, type EngineDb } from "@/tests/support/engines";
import { scratchDatabase } from "@/tests/helpers/db";

const scratch = scratchDatabase("conditions");
afterAll(() => scratch.cleanup());

it("conditions that differ only in case are one facet option whose count is what choosing it gives", async () => {
  const seed = fs.readFileSync(path.join("seeds", "001_77e33fc44f0026eb.txt"), "utf8");
  const writer = openDatabase(scratch.url);
  for (const [i, condition] of ["Acute-On-Chronic Liver Failure", "acute-on-chronic liver failure"].entries()) {
    const text = seed.replaceAll("NCT04822922", `NCT0000000${i + 1}`).replace(/^Acute-On-Chronic Liver Failure \|/m, `${condition} |`);
    writeTrial(writer, importSource(new TextEncoder().encode(text), `case-${i}.txt`));
  }
  writer.close();
  const db = new Database(scratch.file, { readonly: true });
  const search = (qs: string) => findTrials(sqliteReader(db), parseSearchParams(new URLSearchParams(qs)).query, db);
  expect((await search("")).facets.condition).toEqual([{ value: "Acute-On-Chronic Liver Failure", count: 2 }]);
  expect((await search("condition=acute-on-chronic%20liver%20failure")).total).toBe(2);
  db.close();
});

describe.each(ENGINES)("on %s", (engine) => {
  let seeds: EngineDb;
  beforeAll(async () => {
    seeds = await engineDatabase(engine, "arm-facets");
    const results = await seeds.importFiles(fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).map((f) => `seeds/${f}`), loadCuration("seeds/curation.json"));
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }, 120_000);
  afterAll(() => seeds?.cleanup());

  it("route, cell source, origin and dosing facets count the seeds' trials by their arms", async () => {
    const search = (qs: string) => seeds.store.read((r) => findTrials(r, parseSearchParams(new URLSearchParams(qs)).query, seeds.store));
    const all = (await search(""));
    // 001 (injected intravenously), 002 (cord blood, via peripheral veins) and 003 (Peripheral IV) state a route.
    expect(all.facets.route).toEqual([{ value: "PERIPHERAL_VEIN", count: 3 }]);
    expect(all.facets.source).toEqual([{ value: "UMBILICAL_CORD", count: 4 }, { value: "CORD_BLOOD", count: 1 }]);
    expect(all.facets.origin).toEqual([]);
    // 000's MSC arms state no number of infusions; the other four give 3 to 8.
    expect(all.facets.dosing).toEqual([{ value: "REPEATED_INFUSIONS", count: 4 }]);
    const peripheral = (await search("route=PERIPHERAL_VEIN"));
    expect(peripheral.total).toBe(3);
    expect(peripheral.facets.source).toEqual([{ value: "UMBILICAL_CORD", count: 2 }, { value: "CORD_BLOOD", count: 1 }]);
    const both = (await search("route=PERIPHERAL_VEIN&source=UMBILICAL_CORD"));
    expect(both.total).toBe(2);
    expect([...both.ids].sort()).toEqual(["NCT04822922", "NCT05985863"]);
    // Counts say what choosing an option gives: the route facet under the source filter.
    expect(both.facets.route).toEqual([{ value: "PERIPHERAL_VEIN", count: 2 }]);
    expect((await search("dosing=SINGLE_INFUSION")).total).toBe(0);
    expect((await search("dosing=REPEATED_INFUSIONS&source=CORD_BLOOD")).ids).toEqual(["NCT02812121"]);
    expect(parseSearchParams(new URLSearchParams("route=VEIN"))).toMatchObject({ ok: false, parameter: "route" });
  });
});
