import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { importFiles } from "@/lib/import/run-import";
import { unzipChunks, type ZipEntry } from "@/lib/import/zip-entries";
import { scratchDatabase } from "@/tests/helpers/db";

/** `npm run import` with clinical_study XML: files, a folder, a zip archive; bad files named one per line. */

const FIX = path.join(process.cwd(), "tests", "fixtures", "ctgov-xml");
const SHARED_XML = path.join(process.cwd(), "..", "shared", "ctgov", "xml");
const good = fs.readFileSync(path.join(FIX, "msc-2023", "input.xml"), "utf8");
const study = (nct: string) => good.replaceAll("NCT09000031", nct);
/** The bad inputs of the issue: a broken file, a non-clinical_study XML, no NCT id, a file cut mid-record. */
const BAD: Record<string, string> = {
  "broken.xml": study("NCT09000051").replace("<brief_title>", "<brief_title><b>"),
  "other.xml": `<?xml version="1.0"?>\n<catalog>\n  <book><title>Not a trial</title></book>\n</catalog>\n`,
  "no-id.xml": study("NCT09000052").replace(/<nct_id>.*<\/nct_id>/, ""),
  "cut.xml": study("NCT09000053").slice(0, 4000),
};
const EXPECTED_BAD = (prefix: string) => [
  `✗ ${prefix}broken.xml:17: not well-formed XML: unexpected close tag`,
  `✗ ${prefix}cut.xml:88: truncated: the file ends at line 88 inside <clinical_study> (unclosed tag: arm_group_type)`,
  `✗ ${prefix}no-id.xml: nctId: the study has no NCT id (id_info/nct_id)`,
  `✗ ${prefix}other.xml: an XML document whose root is <catalog>, not a known trial record (known layouts: ClinicalTrials.gov clinical_study XML; WHO ICTRP XML export (<Trials_downloaded_from_ICTRP>); ChiCTR XML download (<trials><Triall>))`,
];
const lines = (results: { ok: boolean; line: string }[]) => results.map((r) => `${r.ok ? "✓" : "✗"} ${r.line}`);

describe("npm run import with clinical_study XML", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xml-import-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a folder: each file its own transaction and line, the bad ones named, the rest imported", () => {
    const folder = path.join(dir, "folder");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "a.xml"), study("NCT09000041"));
    fs.writeFileSync(path.join(folder, "b.xml"), study("NCT09000042").replace(/\r\n/g, "\n")); // LF
    for (const [name, text] of Object.entries(BAD)) fs.writeFileSync(path.join(folder, name), text);
    const scratch = scratchDatabase("xml-folder");
    const db = openDatabase(scratch.url);
    const results = importFiles(db, [folder], {});
    db.close();
    expect(lines(results)).toEqual([
      "✓ a.xml  NCT09000041  ctgov-xml  arms 3  doses 3  criteria 3/2",
      "✓ b.xml  NCT09000042  ctgov-xml  arms 3  doses 3  criteria 3/2",
      ...EXPECTED_BAD(""),
    ].sort((x, y) => x.slice(2).localeCompare(y.slice(2))));
    const rows = new Database(scratch.file, { readonly: true });
    expect(rows.prepare("SELECT id, sourceFile, sourceFormat FROM Trial ORDER BY id").all()).toEqual([
      { id: "NCT09000041", sourceFile: "a.xml", sourceFormat: "ctgov-xml" },
      { id: "NCT09000042", sourceFile: "b.xml", sourceFormat: "ctgov-xml" },
    ]);
    expect(rows.prepare("SELECT COUNT(*) AS n FROM Dose").get()).toEqual({ n: 6 });
    rows.close();
    scratch.cleanup();
  });

  it("a zip archive: streamed entry by entry, the same lines; the 32 real files all import", () => {
    const entries: Record<string, Uint8Array> = { "xml/a.xml": Buffer.from(study("NCT09000043")), "xml/README.md": Buffer.from("# not a record") };
    for (const [name, text] of Object.entries(BAD)) entries[`xml/${name}`] = Buffer.from(text);
    for (const f of fs.readdirSync(SHARED_XML).filter((f) => f.endsWith(".xml"))) entries[`real/${f}`] = fs.readFileSync(path.join(SHARED_XML, f));
    const zipPath = path.join(dir, "studies.zip");
    fs.writeFileSync(zipPath, zipSync(entries));
    const scratch = scratchDatabase("xml-zip");
    const db = openDatabase(scratch.url);
    const results = importFiles(db, [zipPath], {});
    db.close();
    const out = lines(results);
    expect(out.slice(0, 5)).toEqual([
      "✓ studies.zip/xml/a.xml  NCT09000043  ctgov-xml  arms 3  doses 3  criteria 3/2",
      `✗ studies.zip/xml/broken.xml:17: not well-formed XML: unexpected close tag`,
      `✗ studies.zip/xml/other.xml: an XML document whose root is <catalog>, not a known trial record (known layouts: ClinicalTrials.gov clinical_study XML; WHO ICTRP XML export (<Trials_downloaded_from_ICTRP>); ChiCTR XML download (<trials><Triall>))`,
      `✗ studies.zip/xml/no-id.xml: nctId: the study has no NCT id (id_info/nct_id)`,
      `✗ studies.zip/xml/cut.xml:88: truncated: the file ends at line 88 inside <clinical_study> (unclosed tag: arm_group_type)`,
    ]);
    expect(out.slice(5)).toHaveLength(32);
    expect(out.slice(5).every((l) => /^✓ studies\.zip\/real\/NCT\d{8}\.xml {2}NCT\d{8} {2}ctgov-xml/.test(l))).toBe(true);
    expect(out).toContain("✓ studies.zip/real/NCT03424005.xml  NCT03424005  ctgov-xml  arms 9  doses 0  criteria 19/20");
    const rows = new Database(scratch.file, { readonly: true });
    expect(rows.prepare("SELECT COUNT(*) AS n FROM Trial WHERE sourceFormat = 'ctgov-xml'").get()).toEqual({ n: 33 });
    // Stored under the entry's file name, as a folder import stores it.
    expect(rows.prepare("SELECT sourceFile FROM Trial WHERE id = 'NCT00081588'").get()).toEqual({ sourceFile: "NCT00081588.xml" });
    rows.close();
    scratch.cleanup();
  });

  it("a zip that is not one, an empty archive, an archive cut off, an entry over the limit", () => {
    const scratch = scratchDatabase("xml-zip-bad");
    fs.writeFileSync(path.join(dir, "fake.zip"), "just text");
    fs.writeFileSync(path.join(dir, "empty.zip"), zipSync({}));
    const full = zipSync({ "a.xml": Buffer.from(study("NCT09000061")), "b.xml": Buffer.from(study("NCT09000062")) }, { level: 0 });
    fs.writeFileSync(path.join(dir, "cut.zip"), full.subarray(0, Math.floor(full.length * 0.75)));
    // An XML file over the 2 MB limit of a record file is refused before it is read, as a text or JSON study is.
    const huge = study("NCT09000063").replace("<brief_summary>", `<!-- ${"x".repeat(2.2 * 2 ** 20)} -->\n  <brief_summary>`);
    fs.writeFileSync(path.join(dir, "huge.xml"), huge);
    const db = openDatabase(scratch.url);
    const results = importFiles(db, ["fake.zip", "empty.zip", "cut.zip", "huge.xml"].map((f) => path.join(dir, f)), {});
    db.close();
    expect(lines(results).slice(-1)[0]).toBe(`✗ ${path.join(dir, "huge.xml")}: 2.2 MB, over the 2 MB limit for a record file; not read`);
    expect(lines(results).slice(0, -1)).toEqual([
      "✗ fake.zip: not a zip archive (it does not start with a zip entry)",
      "✗ empty.zip: the archive holds no file",
      "✓ cut.zip/a.xml  NCT09000061  ctgov-xml  arms 3  doses 3  criteria 3/2",
      "✗ cut.zip/b.xml: truncated: the archive ends inside this entry",
    ]);
    scratch.cleanup();
    const big = zipSync({ "big.xml": new Uint8Array(5000), "small.xml": Buffer.from("<a/>") });
    const entries: ZipEntry[] = [...unzipChunks([big.subarray(0, 100), big.subarray(100)], 4096, () => true)];
    expect(entries.map((e) => (e.kind === "file" ? `file ${e.name} ${e.bytes.length}` : `error ${e.name}: ${e.message}`))).toEqual([
      "error big.xml: over the 4096 bytes limit for a record file; skipped",
      "file small.xml 4",
    ]);
  });
});
