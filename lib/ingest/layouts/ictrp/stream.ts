import { SaxesParser } from "saxes";

/**
 * Reads a WHO ICTRP export (`<Trials_downloaded_from_ICTRP>`, one `<Trial>` of flat text
 * fields per record) or a ChiCTR XML download (`<trials>` → `<Triall>` → blocks) one record
 * at a time over saxes, never holding the document as a tree: only the record being read is
 * kept. A record is its fields as written (entities decoded by the parser, not trimmed);
 * nested fields (ChiCTR XML) are keyed by their path under the record (`main/trial_id`,
 * `contacts/contact/firstname`), repeated ones keep every value in order.
 *
 * A syntax error or a file cut short ends the file with one piece naming the line (and the
 * record it was in); the records before it were already handed out.
 */

export type XmlKind = "ictrp" | "chictr-xml";

export interface XmlRecordFields {
  /** Field path → its values in document order (one for a flat ICTRP field). */
  values: Map<string, string[]>;
}

export type XmlPiece =
  | { kind: "record"; format: XmlKind; index: number; line: number; fields: XmlRecordFields }
  | { kind: "error"; index: number | null; line: number; message: string; fatal: boolean };

/** Root element → the record element under it. */
const ROOTS: Record<string, { record: string; format: XmlKind }> = {
  Trials_downloaded_from_ICTRP: { record: "Trial", format: "ictrp" },
  trials: { record: "Triall", format: "chictr-xml" },
};

/** The longest record kept, in characters of text; a longer one is reported and skipped. */
export const MAX_XML_RECORD_CHARS = 2 * 1024 * 1024;
const MAX_DEPTH = 64;

/** Whether `head` (a file's first characters) is an XML document of one of the roots read here. */
export function xmlRootOf(head: string): string | null {
  const m = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*)/.exec(head.replace(/^\uFEFF/, ""));
  return m ? m[1]! : null;
}

export function* readXmlRecords(chunks: Iterable<string>, maxRecordChars = MAX_XML_RECORD_CHARS): Generator<XmlPiece> {
  const parser = new SaxesParser({ position: true });
  const out: XmlPiece[] = [];
  let root: { name: string; record: string; format: XmlKind } | null = null;
  let stopped = false;
  let index = 0;
  // The record being read: its fields, the open elements below it, the text of the innermost.
  let rec: { line: number; fields: Map<string, string[]>; path: string[]; parents: boolean[]; text: string[]; chars: number; tooLong: boolean } | null = null;
  let depth = 0;
  let rootClosed = false;

  const fail = (message: string, fatal = true) => {
    out.push({ kind: "error", index: rec ? index : null, line: parser.line, message, fatal });
    if (fatal) stopped = true;
  };

  parser.on("opentag", (tag) => {
    if (stopped) return;
    depth++;
    if (depth > MAX_DEPTH) return fail(`bad XML at line ${parser.line}: elements nested deeper than ${MAX_DEPTH} levels`);
    if (depth === 1) {
      const known = ROOTS[tag.name];
      if (!known) {
        return fail(`an XML document whose root element is <${tag.name}>, not a WHO ICTRP export (<Trials_downloaded_from_ICTRP>) or a ChiCTR XML download (<trials>)`);
      }
      root = { name: tag.name, ...known };
      return;
    }
    if (depth === 2) {
      if (tag.name !== root!.record) return; // anything else beside the records is not read
      index++;
      rec = { line: parser.line, fields: new Map(), path: [], parents: [], text: [], chars: 0, tooLong: false };
      return;
    }
    if (rec) {
      if (rec.parents.length) rec.parents[rec.parents.length - 1] = true;
      rec.path.push(tag.name);
      rec.parents.push(false);
      rec.text = [];
    }
  });
  parser.on("text", (t) => onText(t));
  parser.on("cdata", (t) => onText(t));
  function onText(t: string) {
    if (stopped || !rec || rec.tooLong || rec.path.length === 0) return;
    rec.chars += t.length;
    if (rec.chars > maxRecordChars) {
      rec.tooLong = true;
      rec.fields.clear();
      rec.text = [];
      return;
    }
    rec.text.push(t);
  }
  parser.on("closetag", (tag) => {
    if (stopped) return;
    depth--;
    if (depth === 0) {
      rootClosed = true;
      return;
    }
    if (!rec) return;
    if (depth === 1) {
      if (tag.name === root!.record) {
        out.push(rec.tooLong
          ? { kind: "error", index, line: rec.line, fatal: false, message: `record ${index} is over the limit of ${maxRecordChars / 1024 / 1024} MB of text for one record; skipped` }
          : { kind: "record", format: root!.format, index, line: rec.line, fields: { values: rec.fields } });
        rec = null;
      }
      return;
    }
    const isParent = rec.parents.pop();
    if (!rec.tooLong && !isParent) {
      const key = rec.path.join("/");
      const value = rec.text.join("");
      const list = rec.fields.get(key);
      if (list) list.push(value);
      else rec.fields.set(key, [value]);
    }
    rec.path.pop();
    rec.text = [];
  });
  parser.on("error", (e) => {
    if (!stopped) fail(`bad XML at line ${parser.line}: ${e.message.replace(/^[^:]*:\d+:\d+: /, "")}${rec ? ` (inside record ${index})` : ""}`);
  });

  let started = false;
  for (const chunk of chunks) {
    if (stopped) break;
    if (!started) {
      if (!chunk.trim()) continue;
      started = true;
      if (!/^\s*</.test(chunk.replace(/^\uFEFF/, ""))) {
        yield { kind: "error", index: null, line: 1, fatal: true, message: "not an XML document: it does not start with \"<\"" };
        return;
      }
    }
    try {
      parser.write(chunk);
    } catch {
      // the error handler above recorded it
    }
    yield* out.splice(0);
  }
  if (!stopped) {
    if (!started) {
      yield { kind: "error", index: null, line: 1, fatal: true, message: "the file is empty" };
      return;
    }
    const at = parser.line;
    const inside = rec !== null ? ` inside record ${index}` : "";
    const cut = rec !== null || (root !== null && !rootClosed);
    try {
      if (!cut) parser.close();
    } catch {
      // recorded by the error handler
    }
    if (cut) out.push({ kind: "error", index: rec ? index : null, line: at, fatal: true, message: `truncated: the file ends at line ${at}${inside}, before the document is closed` });
  }
  yield* out.splice(0);
}
