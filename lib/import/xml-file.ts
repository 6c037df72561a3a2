import fs from "node:fs";
import { MAX_XML_RECORD_CHARS, toFieldsPiece, xmlKindOf, type XmlPiece } from "../ingest/layouts/ictrp/stream";
import { readXmlRecords } from "./xml-records";

/**
 * The trial records of an ICTRP export or a ChiCTR XML file: its first 4 kB say which (the
 * root element), then lib/import/xml-records.ts streams the file one record at a time.
 */
export function* readTrialXmlFile(filePath: string): Generator<XmlPiece> {
  const fd = fs.openSync(filePath, "r");
  let head: string;
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    head = new TextDecoder("utf-8").decode(buf.subarray(0, n)).replace(/^\uFEFF/, "");
  } finally {
    fs.closeSync(fd);
  }
  const kind = xmlKindOf(head);
  if ("problem" in kind) {
    yield { kind: "error", index: null, line: 1, fatal: true, message: kind.problem };
    return;
  }
  for (const piece of readXmlRecords(filePath, kind.record, MAX_XML_RECORD_CHARS)) yield toFieldsPiece(piece, kind.format);
}
