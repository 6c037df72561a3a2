import { describe, expect, it } from "vitest";
import { ImportError } from "@/lib/ingest/errors";
import { all, attrAt, MAX_XML_DEPTH, parseXml, textAt, textsAt, xmlRecords, type XmlPiece } from "@/lib/ingest/xml";

describe("parseXml: a document → an element tree", () => {
  const doc = `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- schema comment -->\r\n<study rank="3">\r\n  <id>NCT0&amp;1</id>\r\n  <list><item>a</item><item> </item><item><![CDATA[<b> & c]]></item></list>\r\n  <text>one&#xD;\r\n  two</text>\r\n</study>\r\n`;
  const root = parseXml(doc, "s.xml");

  it("reads names, attributes, decoded text and CDATA; CRLF line ends read as LF, &#xD; kept", () => {
    expect(root.name).toBe("study");
    expect(attrAt(root, "rank")).toBe("3");
    expect(textAt(root, "id")).toBe("NCT0&1");
    expect(textsAt(root, "list", "item")).toEqual(["a", "<b> & c"]);
    expect(all(root, "list", "item")).toHaveLength(3);
    expect(textAt(root, "text")).toBe("one\r\n  two");
    expect(textAt(root, "missing", "x")).toBeNull();
    expect(root.line).toBe(3);
  });

  it("refuses elements nested past MAX_XML_DEPTH, naming the line", () => {
    const deep = `<a>\n${"<b>".repeat(MAX_XML_DEPTH + 1)}`;
    expect(() => parseXml(deep, "s.xml")).toThrow(/elements nested deeper than 256 levels/);
  });

  it.each([
    ["<a><b>x</a>", "s.xml:1: not well-formed XML: unexpected close tag"],
    ["<a>\n<b>x</b>", "s.xml:2: truncated: the file ends at line 2 inside <a> (unclosed tag: a)"],
    ["just text", "s.xml:1: not well-formed XML: text data outside of root node"],
  ])("refuses %j with the problem and its line", (src, message) => {
    let err: unknown;
    try {
      parseXml(src, "s.xml");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).format()).toBe(message);
  });
});

describe("xmlRecords: one record tree at a time from chunks", () => {
  const big = "x".repeat(200);
  const doc = `<Trials>\n<Trial><id>1</id></Trial>\n<Trial><id>${big}</id></Trial>\n<Trial><id>3</id></Trial>\n<Trial><id>4`;
  const read = (chunkSize: number): XmlPiece[] => {
    const chunks: string[] = [];
    for (let i = 0; i < doc.length; i += chunkSize) chunks.push(doc.slice(i, i + chunkSize));
    return [...xmlRecords(chunks, "Trial", 100)];
  };

  it.each([7, 64, 10_000])("hands out each record, skips one over the limit, ends at a cut (chunks of %i)", (size) => {
    const pieces = read(size);
    expect(pieces.map((p) => (p.kind === "record" ? `${p.index}@${p.line}:${textAt(p.element, "id")}` : `${p.index}@${p.line}:${p.message}`))).toEqual([
      "1@2:1",
      "2@3:record 2 is over the limit of 100 characters for one record; skipped",
      "3@4:3",
      "4@5:truncated: the file ends at line 5 inside record 4 (unclosed tag: id)",
    ]);
    expect(pieces.at(-1)).toMatchObject({ kind: "error", fatal: true });
  });

  it("does not keep handed-out records under their parent (memory holds one record)", () => {
    const many = `<Trials>${"<Trial><id>7</id></Trial>".repeat(1000)}</Trials>`;
    let n = 0;
    for (const p of xmlRecords([many], "Trial", 1000)) {
      expect(p.kind).toBe("record");
      n++;
    }
    expect(n).toBe(1000);
  });

  it("a file with no element says so", () => {
    expect([...xmlRecords([""], "Trial", 100)]).toEqual([{ kind: "error", index: null, line: 1, fatal: true, message: "not well-formed XML at line 1: document must contain a root element" }]);
  });
});

describe("readXmlRecords: a file's records, read in chunks", () => {
  it("reads a file of many records (with a byte-order mark) one at a time", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { readXmlRecords } = await import("@/lib/import/xml-records");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "xml-records-")), "trials.xml");
    const body = Array.from({ length: 3000 }, (_, i) => `  <Trial><id>T${i}</id><note>${"é".repeat(50)}</note></Trial>`).join("\n");
    fs.writeFileSync(file, `\uFEFF<?xml version="1.0"?>\n<Trials>\n${body}\n</Trials>\n`);
    const ids: string[] = [];
    for (const p of readXmlRecords(file, "Trial", 10_000)) if (p.kind === "record") ids.push(textAt(p.element, "id")!);
    expect(ids).toHaveLength(3000);
    expect([ids[0], ids[2999]]).toEqual(["T0", "T2999"]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
