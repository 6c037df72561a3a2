import { xmlRecords, type XmlElement, type XmlPiece as SplitPiece } from "../../xml";

/**
 * Reads a WHO ICTRP export (`<Trials_downloaded_from_ICTRP>`, one `<Trial>` of flat text
 * fields per record) or a ChiCTR XML download (`<trials>` → `<Triall>` → blocks) one record
 * at a time with lib/ingest/xml's streaming splitter (a file: lib/import/xml-records.ts): only the record being read is kept.
 * The root element, read from the first characters, says which record element to split on;
 * an XML document of another root gets one error naming it. A record is handed out as its
 * fields: path under the record (`TrialID`; `main/trial_id`, `contacts/contact/firstname`)
 * → every value at that path in document order, as written (entities decoded, not trimmed).
 */

export type XmlKind = "ictrp" | "chictr-xml";

export interface XmlRecordFields {
  values: Map<string, string[]>;
}

export type XmlPiece =
  | { kind: "record"; format: XmlKind; index: number; line: number; fields: XmlRecordFields }
  | { kind: "error"; index: number | null; line: number; message: string; fatal: boolean };

/** Root element → the record element under it and the layout that reads it. */
const ROOTS: Record<string, { record: string; format: XmlKind }> = {
  Trials_downloaded_from_ICTRP: { record: "Trial", format: "ictrp" },
  trials: { record: "Triall", format: "chictr-xml" },
};

/** The longest record kept, in characters; a longer one is reported and skipped. */
/** The XML documents the importer reads, as the layouts describe them (lib/ingest/layouts/index.ts names them the same way). */
export const KNOWN_XML_RECORDS = "ClinicalTrials.gov clinical_study XML; WHO ICTRP XML export (<Trials_downloaded_from_ICTRP>); ChiCTR XML download (<trials><Triall>)";

export const MAX_XML_RECORD_CHARS = 2 * 1024 * 1024;

/** The root element's name in a document's first characters (after the declaration, comments and a BOM), or null. */
export function xmlRootOf(head: string): string | null {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.:-]*)/.exec(head.replace(/^\uFEFF/, ""));
  return m ? m[1]! : null;
}

/** A record element → its leaves' texts by path. */
function fieldsOf(record: XmlElement): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const walk = (el: XmlElement, path: string) => {
    if (el.children.length === 0) {
      const list = values.get(path);
      if (list) list.push(el.text);
      else values.set(path, [el.text]);
      return;
    }
    for (const c of el.children) walk(c, `${path}/${c.name}`);
  };
  for (const c of record.children) walk(c, c.name);
  return values;
}

/** What a document's first characters say it is: the record element to split on and its layout, or the problem. */
export function xmlKindOf(head: string): { record: string; format: XmlKind } | { problem: string } {
  if (!head.trim()) return { problem: "the file is empty" };
  const root = xmlRootOf(head);
  if (!root) return { problem: "not an XML document of trial records: no root element at its start" };
  return ROOTS[root] ?? {
    problem: `an XML document whose root is <${root}>, not a known trial record (known layouts: ${KNOWN_XML_RECORDS})`,
  };
}

/** A piece of lib/ingest/xml's splitter → a record's fields (or the same error). */
export function toFieldsPiece(piece: SplitPiece, format: XmlKind): XmlPiece {
  return piece.kind === "error" ? piece
    : { kind: "record", format, index: piece.index, line: piece.line, fields: { values: fieldsOf(piece.element) } };
}

/** A document's text in chunks → its records' fields (the file reader is lib/import/xml-records.ts; this reads text in memory). */
export function* readXmlRecords(chunks: Iterable<string>, maxRecordChars = MAX_XML_RECORD_CHARS): Generator<XmlPiece> {
  const it = chunks[Symbol.iterator]();
  // The first characters, until the root element's name is known.
  const head: string[] = [];
  for (let r = it.next(); !r.done; r = it.next()) {
    head.push(r.value);
    const text = head.join("");
    if (xmlRootOf(text) || text.length > 64 * 1024 || /^\s*[^<\s\uFEFF]/.test(text)) break;
  }
  const start = head.join("");
  const kind = xmlKindOf(start);
  if ("problem" in kind) {
    yield { kind: "error", index: null, line: 1, fatal: true, message: kind.problem };
    return;
  }
  function* rest(): Generator<string> {
    yield start;
    for (let r = it.next(); !r.done; r = it.next()) yield r.value;
  }
  for (const piece of xmlRecords(rest(), kind.record, maxRecordChars)) yield toFieldsPiece(piece, kind.format);
}
