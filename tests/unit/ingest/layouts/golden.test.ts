import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { importSource } from "@/lib/ingest/pipeline";

/**
 * Golden fixtures: tests/fixtures/<layout>/<case>/input.txt (or input.xml) is imported
 * (without curation, as file `<case>.txt` or `<case>.xml`) and compared with expected.json beside it. `UPDATE=1 npx vitest
 * run tests/unit/ingest-fixtures.test.ts` rewrites the expected files: read the diff before
 * keeping it. A case without expected.json fails. Cases under `unknown/`, and any case
 * whose expected.json holds `"ok": false`, are files the importer must refuse.
 */

const ROOT = path.join(process.cwd(), "tests", "fixtures");
const UPDATE = process.env.UPDATE === "1";

interface Case { layout: string; name: string; dir: string; ext: "txt" | "xml" }

function walk(): Case[] {
  const cases: Case[] = [];
  for (const layout of fs.readdirSync(ROOT).sort()) {
    if (layout === "prose") continue; // the prose reader's cases: tests/unit/prose-fixtures.test.ts
    const layoutDir = path.join(ROOT, layout);
    if (!fs.statSync(layoutDir).isDirectory()) continue;
    for (const name of fs.readdirSync(layoutDir).sort()) {
      const dir = path.join(layoutDir, name);
      for (const ext of ["txt", "xml"] as const) {
        if (fs.existsSync(path.join(dir, `input.${ext}`))) cases.push({ layout, name, dir, ext });
      }
    }
  }
  return cases;
}

type Outcome = { ok: true; record: unknown; warnings: string[] } | { ok: false; error: string };

function run(c: Case): Outcome {
  try {
    const { record, warnings } = importSource(fs.readFileSync(path.join(c.dir, `input.${c.ext}`)), `${c.name}.${c.ext}`);
    return { ok: true, record, warnings };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.format() };
    throw e;
  }
}

const CASES = walk();

describe("golden fixtures", () => {
  it("there are valid cases for every layout and invalid ones", () => {
    const layouts = new Set(CASES.map((c) => c.layout));
    for (const l of ["ctgov-classic", "trial-summary", "veeva", "veeva-prose", "ctgov-xml", "ictrp", "chictr-xml", "unknown"]) expect(layouts).toContain(l);
    expect(CASES.length).toBeGreaterThanOrEqual(16);
  });

  it.each(CASES.map((c) => [`${c.layout}/${c.name}`, c] as const))("%s", (_label, c) => {
    const actual = run(c);
    const expectedFile = path.join(c.dir, "expected.json");
    if (UPDATE) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    if (!fs.existsSync(expectedFile)) {
      throw new Error(`${path.relative(process.cwd(), expectedFile)} is missing: run UPDATE=1 npx vitest run tests/unit/ingest-fixtures.test.ts and check what it writes`);
    }
    const expected = JSON.parse(fs.readFileSync(expectedFile, "utf8")) as Outcome;
    expect(actual).toEqual(expected);
    // The folder says which parser must read the file.
    if (actual.ok) expect((actual.record as { source: { format: string } }).source.format).toBe(c.layout);
    if (c.layout === "unknown") expect(actual.ok).toBe(false);
  });
});
