import fs from "node:fs";
import { MAX_XML_RECORD_CHARS, toFieldsPiece, xmlKindOf, xmlRootOf, type XmlPiece } from "../ingest/layouts/ictrp/stream";
import { readXmlRecords } from "./xml-records";

/**
 * The trial records of an ICTRP export or a ChiCTR XML file: its first 4 kB say which (the
 * root element), then lib/import/xml-records.ts streams the file one record at a time.
 */
export function* readTrialXmlFile(filePath: string): Generator<XmlPiece> {
  const kind = xmlKindOf(headOf(filePath));
  if ("problem" in kind) {
    yield { kind: "error", index: null, line: 1, fatal: true, message: kind.problem };
    return;
  }
  for (const piece of readXmlRecords(filePath, kind.record, MAX_XML_RECORD_CHARS)) yield toFieldsPiece(piece, kind.format);
}

/** The first 4 kB of a file as text (enough to name its root element). */
function headOf(filePath: string): string {
  const fd = fs.openSync(filePath, "r");
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return new TextDecoder("utf-8").decode(buf.subarray(0, n)).replace(/^\uFEFF/, "");
  } finally {
    fs.closeSync(fd);
  }
}

/** A ClinicalTrials.gov clinical_study document: one record, read whole by its layout (ctgov-xml). */
export function isOneStudyXml(filePath: string): boolean {
  try {
    return xmlRootOf(headOf(filePath)) === "clinical_study";
  } catch {
    return false; // unreadable: the streaming reader says why, on one line
  }
}
