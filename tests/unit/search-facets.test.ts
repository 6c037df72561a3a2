import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { writeTrial } from "@/lib/db/write-trial";
import { importSource } from "@/lib/ingest/pipeline";
import { findTrials } from "@/lib/data/search";
import { parseSearchParams } from "@/lib/search/params";
import { scratchDatabase } from "../helpers/db";

const scratch = scratchDatabase("conditions");
afterAll(() => scratch.cleanup());

it("conditions that differ only in case are one facet option whose count is what choosing it gives", () => {
  const seed = fs.readFileSync(path.join("seeds", "001_77e33fc44f0026eb.txt"), "utf8");
  const writer = openDatabase(scratch.url);
  for (const [i, condition] of ["Acute-On-Chronic Liver Failure", "acute-on-chronic liver failure"].entries()) {
    const text = seed.replaceAll("NCT04822922", `NCT0000000${i + 1}`).replace(/^Acute-On-Chronic Liver Failure \|/m, `${condition} |`);
    writeTrial(writer, importSource(new TextEncoder().encode(text), `case-${i}.txt`));
  }
  writer.close();
  const db = new Database(scratch.file, { readonly: true });
  const search = (qs: string) => findTrials(parseSearchParams(new URLSearchParams(qs)).query, db);
  expect(search("").facets.condition).toEqual([{ value: "Acute-On-Chronic Liver Failure", count: 2 }]);
  expect(search("condition=acute-on-chronic%20liver%20failure").total).toBe(2);
  db.close();
});
