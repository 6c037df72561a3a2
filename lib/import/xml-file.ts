import fs from "node:fs";
import { readXmlRecords, type XmlPiece } from "../ingest/layouts/ictrp/stream";

const CHUNK = 64 * 1024;

/** The records of the XML file at `filePath`, read 64 KB at a time (the document is never held whole). */
export function* readXmlFile(filePath: string): Generator<XmlPiece> {
  const fd = fs.openSync(filePath, "r");
  try {
    yield* readXmlRecords(chunks(fd));
  } finally {
    fs.closeSync(fd);
  }
}

function* chunks(fd: number): Generator<string> {
  const buf = Buffer.allocUnsafe(CHUNK);
  const decoder = new TextDecoder("utf-8");
  for (;;) {
    const n = fs.readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) break;
    yield decoder.decode(buf.subarray(0, n), { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
