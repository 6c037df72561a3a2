import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { scan, type JsonPiece } from "@/lib/import/json-studies";
import { importFiles } from "@/lib/import/run-import";
import { countRows, scratchDatabase } from "@/tests/helpers/db";

/** JSON files of studies: the streaming splitter, and the import of files and folders. */

const FIX = path.join(process.cwd(), "tests", "fixtures");
const v2Text = fs.readFileSync(path.join(FIX, "ctgov-v2", "six-arms", "input.json"), "utf8");
const classicText = fs.readFileSync(path.join(FIX, "ctgov-classic-json", "six-arms", "input.json"), "utf8");
/** The v2 fixture under another NCT id, as compact JSON. */
const v2Study = (nct: string) => JSON.stringify(JSON.parse(v2Text.replaceAll("NCT09000001", nct)));

/** The text cut into pieces of `size` characters, as a file read in chunks would be. */
function chunked(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
const pieces = (text: string, size = 7, max = 1e6): JsonPiece[] => [...scan(chunked(text, size), max)];
const summary = (ps: JsonPiece[]) => ps.map((p) => (p.kind === "study" ? `study ${p.index} line ${p.line}: ${JSON.parse(p.text).protocolSection?.identificationModule?.nctId ?? Object.keys(JSON.parse(p.text)).join(",")}` : `error ${p.index}: ${p.message}${p.fatal ? " (fatal)" : ""}`));

describe("the streaming splitter", () => {
  it("cuts the studies out of an array, an API page and a classic envelope, whatever the chunk size", () => {
    const a = v2Study("NCT09000011");
    const b = v2Study("NCT09000012");
    for (const size of [1, 7, 4096]) {
      expect(summary(pieces(`[\n${a},\n${b}\n]`, size))).toEqual(["study 1 line 2: NCT09000011", "study 2 line 3: NCT09000012"]);
      expect(summary(pieces(`{"totalCount": 2, "studies": [${a}, ${b}], "nextPageToken": "x]{\\"y"}`, size)))
        .toEqual(["study 1 line 1: NCT09000011", "study 2 line 1: NCT09000012"]);
    }
    const classic = pieces(classicText, 5);
    expect(classic).toHaveLength(1);
    expect(classic[0]!.kind === "study" && JSON.parse(classic[0]!.text).Study.ProtocolSection.IdentificationModule.NCTId).toBe("NCT09000002");
    // One study alone is the whole document; braces inside strings do not count.
    const alone = pieces(`{"protocolSection": {"identificationModule": {"nctId": "NCT09000013", "briefTitle": "a } ] \\" {"}}}`, 3);
    expect(alone).toEqual([{ kind: "study", index: 1, line: 1, inList: false, text: `{"protocolSection": {"identificationModule": {"nctId": "NCT09000013", "briefTitle": "a } ] \\" {"}}}` }]);
  });

  it("names a truncated file, a missing comma, text after the end, a study over the limit and a file that is not JSON", () => {
    const a = v2Study("NCT09000021");
    const b = v2Study("NCT09000022");
    expect(summary(pieces(`[${a}, ${b.slice(0, 200)}`))).toEqual(["study 1 line 1: NCT09000021", "error 2: truncated: the file ends at line 1 inside study 2 (fatal)"]);
    expect(summary(pieces(`[${a} ${b}]`))).toEqual(["study 1 line 1: NCT09000021", "error null: bad JSON at line 1: \",\" missing before study 2", "study 2 line 1: NCT09000022"]);
    expect(summary(pieces(`${a} x`))).toEqual(["study 1 line 1: NCT09000021", "error null: bad JSON at line 1: text after the end of the document (fatal)"]);
    expect(summary(pieces(`[${a}, ${b}]`, 64, 1000))).toEqual([
      "error 1: study 1 is over the limit of 1000 characters for one study; skipped", "error 2: study 2 is over the limit of 1000 characters for one study; skipped",
    ]);
    expect(summary(pieces("hello"))).toEqual(["error null: not a JSON document of studies: it starts with \"h\" at line 1, not \"{\" or \"[\" (fatal)"]);
    expect(summary(pieces("   "))).toEqual(["error null: the file holds no JSON value (fatal)"]);
    expect(summary(pieces(`[${a}}`))).toEqual(["study 1 line 1: NCT09000021", "error null: bad JSON at line 1: unexpected \"}\" (fatal)"]);
  });
});

describe("npm run import with JSON files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "json-import-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("imports each study of a page in its own transaction and names every bad one on its own line", () => {
    const scratch = scratchDatabase("json-page");
    const noId = JSON.parse(v2Study("NCT09000033"));
    delete noId.protocolSection.identificationModule.nctId;
    const brokenStudy = v2Study("NCT09000034").replace('"briefTitle"', '"briefTitle" "x",');
    const page = `{"studies": [\n${v2Study("NCT09000031")},\n${JSON.stringify(noId)},\n${brokenStudy},\n{"hello": 1},\n${v2Study("NCT09000032")}\n], "nextPageToken": null}`;
    fs.writeFileSync(path.join(dir, "page.json"), page);
    fs.writeFileSync(path.join(dir, "truncated.json"), v2Study("NCT09000035").slice(0, 500));
    fs.writeFileSync(path.join(dir, "classic.json"), classicText);
    fs.writeFileSync(path.join(dir, "notes.json"), "not json at all");
    const db = openDatabase(scratch.url);
    const results = importFiles(db, [dir], {});
    db.close();
    const lines = results.map((r) => `${r.ok ? "✓" : "✗"} ${r.line.replace(/not valid JSON: .*/, "not valid JSON: …")}`);
    expect(lines).toEqual([
      "✓ classic.json #1  NCT09000002  ctgov-classic-json  arms 6  doses 3  criteria 2/3",
      "✗ notes.json: not a JSON document of studies: it starts with \"n\" at line 1, not \"{\" or \"[\"",
      "✓ page.json #1  NCT09000031  ctgov-v2  arms 6  doses 3  criteria 3/2",
      "✗ page.json #2: nctId: the study has no NCT id (identificationModule.nctId)",
      "✗ page.json #3:4: not valid JSON: …",
      "✗ page.json #4: a JSON document that is not a ClinicalTrials.gov study (no protocolSection or ProtocolSection) (known layouts: ClinicalTrials.gov API v2 study JSON; ClinicalTrials.gov classic (v1) full-study JSON)",
      "✓ page.json #5  NCT09000032  ctgov-v2  arms 6  doses 3  criteria 3/2",
      "✗ truncated.json: truncated: the file ends at line 1 before the end of the document",
    ]);
    const rows = new Database(scratch.file, { readonly: true });
    expect(rows.prepare("SELECT id, sourceFile, sourceFormat FROM Trial ORDER BY id").all()).toEqual([
      { id: "NCT09000002", sourceFile: "classic.json#NCT09000002", sourceFormat: "ctgov-classic-json" },
      { id: "NCT09000031", sourceFile: "page.json#NCT09000031", sourceFormat: "ctgov-v2" },
      { id: "NCT09000032", sourceFile: "page.json#NCT09000032", sourceFormat: "ctgov-v2" },
    ]);
    rows.close();
    scratch.cleanup();
  });

  it("a study already imported from another file is replaced, and the line says so; importing again adds nothing", () => {
    const scratch = scratchDatabase("json-replace");
    fs.writeFileSync(path.join(dir, "first.json"), `[${v2Study("NCT09000041")}, ${v2Study("NCT09000042")}]`);
    fs.writeFileSync(path.join(dir, "second.json"), v2Study("NCT09000042"));
    const db = openDatabase(scratch.url);
    importFiles(db, [path.join(dir, "first.json")], {});
    const [second] = importFiles(db, [path.join(dir, "second.json")], {});
    expect(second!.line).toBe("second.json  NCT09000042  ctgov-v2  arms 6  doses 3  criteria 3/2 (replaces NCT09000042 from first.json#NCT09000042)");
    importFiles(db, [path.join(dir, "first.json"), path.join(dir, "first.json")], {});
    db.close();
    expect(countRows(scratch.file).Trial).toBe(2);
    scratch.cleanup();
  });

  it("a file is not limited to 2 MB, each study is", { timeout: 60_000 }, () => {
    const scratch = scratchDatabase("json-big");
    // 60 studies with 40 KB of white space after each: a file over 2 MB, no study near it.
    const studies = Array.from({ length: 60 }, (_, i) => v2Study(`NCT0910${String(i).padStart(4, "0")}`));
    const file = path.join(dir, "big.json");
    fs.writeFileSync(file, `{"studies": [${studies.join(`,${" ".repeat(40 * 1024)}\n`)}]}`);
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    const db = openDatabase(scratch.url);
    const results = importFiles(db, [file], {});
    db.close();
    expect(results.filter((r) => r.ok)).toHaveLength(60);
    expect(countRows(scratch.file).Trial).toBe(60);
    scratch.cleanup();
  });
});
