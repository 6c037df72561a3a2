import { ImportError } from "../../errors";
import type { SourceTrial } from "../../source-record";
import type { Layout } from "../types";
import { readChictrXml } from "./chictr-xml";
import { readIctrpTrial, type IctrpFields } from "./read";
import { readXmlRecords, type XmlPiece } from "./stream";

/** A streamed record's flat fields (an ICTRP `<Trial>`'s elements, one value each). */
export function flatFields(values: Map<string, string[]>): IctrpFields {
  return Object.fromEntries([...values].map(([k, v]) => [k, v.join("\n")]));
}

/** One streamed record → what it says, by its format. */
export function readXmlRecord(piece: Extract<XmlPiece, { kind: "record" }>, file: string): SourceTrial {
  return piece.format === "chictr-xml" ? readChictrXml(piece.fields.values, file) : readIctrpTrial(flatFields(piece.fields.values), file);
}

/**
 * A whole document's text read as one record (the golden fixtures, `importSource`): it must
 * hold exactly one. `npm run import` streams an XML file record by record instead.
 */
function onlyRecord(text: string, file: string, format: string): SourceTrial {
  let found: Extract<XmlPiece, { kind: "record" }> | null = null;
  let count = 0;
  for (const piece of readXmlRecords([text])) {
    if (piece.kind === "error") throw new ImportError(piece.message, { file, line: piece.line });
    count++;
    found ??= piece;
  }
  if (!found) throw new ImportError(`no record in the ${format}`, { file });
  if (count > 1) throw new ImportError(`${count} records in one document: import the file with npm run import, which reads each`, { file });
  return readXmlRecord(found, file);
}

export const ictrp: Layout = {
  layout: "ictrp",
  description: "WHO ICTRP XML export (<Trials_downloaded_from_ICTRP>)",
  detect: (text) => /^\s*(?:<\?xml[^>]*\?>\s*)?<Trials_downloaded_from_ICTRP\b/.test(text.slice(0, 500)),
  parse(text, file) {
    return onlyRecord(text, file, this.description);
  },
};

export const chictrXml: Layout = {
  layout: "chictr-xml",
  description: "ChiCTR XML download (<trials><Triall>)",
  detect: (text) => /^\s*(?:<\?xml[^>]*\?>\s*)?<trials\b[^>]*>\s*<Triall\b/.test(text.slice(0, 500)),
  parse(text, file) {
    return onlyRecord(text, file, this.description);
  },
};
