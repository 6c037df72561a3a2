import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { LAYOUTS } from "@/lib/ingest/layouts";
import { importSource } from "@/lib/ingest/pipeline";

/**
 * The golden runner of every layout (tests/fixtures/README.md): each case
 * tests/fixtures/<layout>/<case>/input.{txt,xml,json} is imported without curation, as file
 * `<case>.<ext>`, and compared with expected.json beside it. The layouts come from
 * lib/ingest/layouts (LAYOUTS), so a new layout fails here until it has a fixture folder with
 * at least one case. `unknown/` holds files no layout may accept; a case whose expected.json
 * holds `"ok": false` is a file the importer must refuse.
 *
 * `UPDATE_GOLDEN=1 npx vitest run tests/unit/ingest/layouts/golden.test.ts` writes every
 * expected.json from the current output: read `git diff tests/fixtures` before keeping it.
 */

const ROOT = path.join(process.cwd(), "tests", "fixtures");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const INPUTS = ["txt", "xml", "json"] as const;
/** Fixture folders that are no layout: files every layout refuses, the prose reader's cases, the precision audit. */
const REFUSED = "unknown";
const NOT_LAYOUTS = new Set([REFUSED, "prose", "audit"]);
const LAYOUT_NAMES = LAYOUTS.map((l) => l.layout);

interface Case { layout: string; name: string; dir: string; input: string; ext: (typeof INPUTS)[number] }

/** The cases of one fixture folder; a case folder without exactly one input file is an error, not skipped. */
function casesOf(layout: string): Case[] {
  const layoutDir = path.join(ROOT, layout);
  if (!fs.existsSync(layoutDir)) return [];
  return fs.readdirSync(layoutDir).sort().map((name) => {
    const dir = path.join(layoutDir, name);
    const inputs = INPUTS.filter((ext) => fs.existsSync(path.join(dir, `input.${ext}`)));
    if (!fs.statSync(dir).isDirectory() || inputs.length !== 1) {
      throw new Error(`${path.relative(process.cwd(), dir)}: a case is a folder with one input.txt, input.xml or input.json (found ${inputs.length})`);
    }
    const ext = inputs[0]!;
    return { layout, name, dir, ext, input: path.join(dir, `input.${ext}`) };
  });
}

type Outcome = { ok: true; record: unknown; warnings: string[] } | { ok: false; error: string };

function run(c: Case): Outcome {
  try {
    const { record, warnings } = importSource(fs.readFileSync(c.input), `${c.name}.${c.ext}`);
    return { ok: true, record, warnings };
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.format() };
    throw e;
  }
}

const CASES = [...LAYOUT_NAMES, REFUSED].flatMap(casesOf);

describe("the fixture folders", () => {
  it.each(LAYOUT_NAMES)("%s has a folder of cases, one of them read", (layout) => {
    const dir = path.join(ROOT, layout);
    expect(fs.existsSync(dir), `tests/fixtures/${layout}/ is missing: every layout needs golden cases`).toBe(true);
    const cases = casesOf(layout);
    expect(cases.length, `tests/fixtures/${layout}/ has no case`).toBeGreaterThan(0);
    expect(cases.some((c) => run(c).ok), `tests/fixtures/${layout}/ has no case the layout reads`).toBe(true);
  });

  it("every other folder is a layout or one of the non-layout folders", () => {
    const folders = fs.readdirSync(ROOT).filter((f) => fs.statSync(path.join(ROOT, f)).isDirectory());
    expect(folders.filter((f) => !LAYOUT_NAMES.includes(f) && !NOT_LAYOUTS.has(f))).toEqual([]);
    expect(casesOf(REFUSED).length).toBeGreaterThan(0);
  });
});

describe("golden cases", () => {
  it.each(CASES.map((c) => [`${c.layout}/${c.name}`, c] as const))("%s", (_label, c) => {
    const actual = run(c);
    const expectedFile = path.join(c.dir, "expected.json");
    if (UPDATE) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    if (!fs.existsSync(expectedFile)) {
      throw new Error(`${path.relative(process.cwd(), expectedFile)} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/unit/ingest/layouts/golden.test.ts and check what it writes against the input`);
    }
    const expected = JSON.parse(fs.readFileSync(expectedFile, "utf8")) as Outcome;
    expect(actual).toEqual(expected);
    // The folder says which layout must read the file.
    if (actual.ok) expect((actual.record as { source: { format: string } }).source.format).toBe(c.layout);
    if (c.layout === REFUSED) expect(actual.ok).toBe(false);
  });
});
