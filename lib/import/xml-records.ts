import fs from "node:fs";
import { xmlRecords, type XmlPiece } from "../ingest/xml";

/**
 * The records of an XML file of many (a WHO ICTRP export's `<Trial>`s), one element tree at
 * a time, read from the file in 64 kB chunks: memory holds one record whatever the file's
 * size. `maxRecordChars`: a record longer than this is reported and skipped, never held.
 * See lib/ingest/xml/records.ts for what each piece is.
 */
export function* readXmlRecords(filePath: string, recordName: string, maxRecordChars: number): Generator<XmlPiece> {
  const fd = fs.openSync(filePath, "r");
  try {
    yield* xmlRecords(textChunks(fd), recordName, maxRecordChars);
  } finally {
    fs.closeSync(fd);
  }
}

const CHUNK = 64 * 1024;

function* textChunks(fd: number): Generator<string> {
  const buf = Buffer.allocUnsafe(CHUNK);
  const decoder = new TextDecoder("utf-8");
  let first = true;
  for (;;) {
    const n = fs.readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) break;
    let text = decoder.decode(buf.subarray(0, n), { stream: true });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark is not text
    first = false;
    yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
