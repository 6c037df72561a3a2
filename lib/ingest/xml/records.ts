import { SaxesParser } from "saxes";
import { TreeBuilder, type XmlElement, xmlProblem } from "./tree";

/**
 * A streaming record splitter for XML files of many records (a WHO ICTRP export's `<Trial>`s,
 * a feed of `<clinical_study>`s): the text is fed in chunks, and each element named
 * `recordName` is handed out as its own tree as soon as it closes, so memory holds one
 * record at a time whatever the file's size. A record longer than `maxRecordChars` is
 * reported and skipped (its elements are not kept). A well-formedness error ends the file
 * with one line saying where; the records before it were already handed out.
 */

export type XmlPiece =
  /** One record's tree, its 1-based position among the records and the line it starts on. */
  | { kind: "record"; index: number; line: number; element: XmlElement }
  /** Something not read as a record; `fatal`: nothing after it in the file is read. */
  | { kind: "error"; index: number | null; line: number; message: string; fatal: boolean };

export function* xmlRecords(chunks: Iterable<string>, recordName: string, maxRecordChars: number): Generator<XmlPiece> {
  const parser = new SaxesParser({ position: true });
  const queue: XmlPiece[] = [];
  let index = 0;
  // The record being read: where it started (stream position) and whether it is too long.
  let start: { position: number; line: number; el: XmlElement; tooLong: boolean } | null = null;
  const checkSize = () => {
    if (start && !start.tooLong && parser.position - start.position > maxRecordChars) {
      start.tooLong = true;
      start.el.children.length = 0;
    }
  };
  const builder = new TreeBuilder(parser, {
    open(el) {
      if (el.name === recordName && !start) {
        index++;
        start = { position: parser.position, line: el.line, el, tooLong: false };
      }
    },
    text: checkSize,
    close(el) {
      checkSize();
      if (!start || el !== start.el) return;
      queue.push(start.tooLong
        ? { kind: "error", index, line: start.line, fatal: false, message: `record ${index} is over the limit of ${limitText(maxRecordChars)} for one record; skipped` }
        : { kind: "record", index, line: start.line, element: el });
      start = null;
    },
  });
  builder.drop = (el) => start !== null && el === start.el && start.tooLong;
  builder.detach = (el) => el.name === recordName;
  try {
    for (const chunk of chunks) {
      parser.write(chunk);
      yield* queue.splice(0);
    }
    parser.close();
    yield* queue.splice(0);
  } catch (e) {
    yield* queue.splice(0);
    const { message, line } = xmlProblem(e, parser);
    const cut = /unexpected end|unclosed/i.test(message) && start !== null;
    yield {
      kind: "error", index: start ? index : null, line, fatal: true,
      message: cut ? `truncated: the file ends at line ${line} inside record ${index} (${message})` : `not well-formed XML at line ${line}: ${message}${start ? ` (in record ${index})` : ""}`,
    };
    return;
  }
}

function limitText(chars: number): string {
  return chars >= 1024 * 1024 ? `${chars / 1024 / 1024} MB` : `${chars} characters`;
}
