import fs from "node:fs";

/**
 * Reads a JSON file of ClinicalTrials.gov studies one study at a time, without holding
 * the file in memory: a top-level array, an API v2 page `{ "studies": [...] }`, a classic
 * `{ "FullStudiesResponse": { "FullStudies": [...] } }` envelope, or one study alone.
 *
 * The scanner follows only the JSON structure (strings, escapes, brackets) and cuts out
 * the text of each element of the study list; each piece is then parsed on its own by the
 * layouts, which is where a syntax error inside one study is found. So a broken study
 * costs only itself, while an error in the structure (a bracket that does not close, a
 * truncated file) ends the file with one line saying where.
 */

export type JsonPiece =
  /** One study's JSON text, its 1-based position in the file and the line it starts on. */
  | { kind: "study"; index: number; line: number; text: string; inList: boolean }
  /** Something that is not read as a study; `fatal`: nothing after it in the file is read. */
  | { kind: "error"; index: number | null; line: number; message: string; fatal: boolean; inList: boolean };

interface Frame {
  open: "{" | "[";
  /** The last key read in an object. */
  key: string | null;
  expectKey: boolean;
}

const CHUNK = 64 * 1024;

/**
 * The deepest nesting followed bracket by bracket. A study of ClinicalTrials.gov nests
 * some ten levels; past this, brackets are only counted (no frame each), and the study
 * they are in is skipped: 40 MB of "[" held a frame per bracket (1.5 GB) before.
 */
export const MAX_DEPTH = 256;

/** Whether the innermost container of `stack` is a list of studies. */
function isStudyList(stack: Frame[]): boolean {
  const [a, b, c] = stack;
  if (stack.length === 1) return a!.open === "[";
  if (stack.length === 2) return a!.open === "{" && a!.key === "studies" && b!.open === "[";
  if (stack.length === 3) {
    return a!.open === "{" && a!.key === "FullStudiesResponse" && b!.open === "{" && b!.key === "FullStudies" && c!.open === "[";
  }
  return false;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The studies of the file at `filePath`, in order. `maxStudyChars`: a study longer than
 * this is reported and skipped, never held whole.
 */
export function* readJsonStudies(filePath: string, maxStudyChars: number): Generator<JsonPiece> {
  const fd = fs.openSync(filePath, "r");
  try {
    yield* scan(chunksOf(fd), maxStudyChars);
  } finally {
    fs.closeSync(fd);
  }
}

function* chunksOf(fd: number): Generator<string> {
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

/** The scanner over any sequence of text chunks (exported for tests). */
export function* scan(chunks: Iterable<string>, maxStudyChars: number): Generator<JsonPiece> {
  const stack: Frame[] = [];
  let line = 1;
  let inString = false;
  let escape = false;
  let keyParts: string[] | null = null; // the key being read, when the string is a key
  let keyStartAt = 0; // where that key began in the current chunk (0 after a chunk boundary)
  let started = false; // the root value has begun
  let ended = false; // the root value is complete
  let rootObject = false;
  let envelope = false; // the root holds a list of studies
  // The text of the root object, kept while it may be one study alone.
  let root: string[] | null = null;
  let rootChars = 0;
  let rootLine = 1;
  // The study being cut out: its parts, its length, the depth it began at.
  let piece: string[] | null = null;
  let pieceChars = 0;
  let pieceDepth = 0;
  let pieceLine = 0;
  let pieceScalar = false;
  let tooLong = false;
  // Brackets opened past MAX_DEPTH (counted, not followed), and whether the current study
  // (or the root study) went that deep.
  let deeper = 0;
  let tooDeep = false;
  let rootTooDeep = false;
  let index = 0;
  let needComma = false;

  const tooLongError = (i: number, l: number): JsonPiece => ({
    kind: "error", inList: envelope || stack[0]?.open === "[", index: i, line: l, fatal: false,
    message: `study ${i} is over the limit of ${maxStudyChars >= 1024 * 1024 ? `${maxStudyChars / 1024 / 1024} MB` : `${maxStudyChars} characters`} for one study; skipped`,
  });
  const tooDeepError = (i: number, l: number): JsonPiece => ({
    kind: "error", inList: envelope || stack[0]?.open === "[", index: i, line: l, fatal: false,
    message: `study ${i} nests brackets deeper than ${MAX_DEPTH} levels; skipped`,
  });

  for (const chunk of chunks) {
    let from = 0; // where the current piece's (or root's) text starts in this chunk
    const flush = (to: number) => {
      if (piece && !tooLong && !tooDeep) {
        pieceChars += to - from;
        if (pieceChars > maxStudyChars) tooLong = true;
        else piece.push(chunk.slice(from, to));
      }
      if (root) {
        rootChars += to - from;
        if (rootChars > maxStudyChars) root = null;
        else root.push(chunk.slice(from, to));
      }
      from = to;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 0x0a) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 0x5c) escape = true;
        else if (c === 0x22) {
          inString = false;
          if (keyParts) {
            keyParts.push(chunk.slice(keyStartAt, i));
            const frame = stack[stack.length - 1]!;
            frame.key = keyParts.join("");
            frame.expectKey = false;
            keyParts = null;
          }
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (ended) {
        yield { kind: "error", inList: envelope || stack[0]?.open === "[", index: null, line, fatal: true, message: `bad JSON at line ${line}: text after the end of the document` };
        return;
      }
      const top = stack[stack.length - 1];
      // A value begins in the list of studies: a new piece.
      if (!piece && top && isStudyList(stack) && c !== 0x5d /* ] */ && c !== 0x2c /* , */ && c !== 0x7d /* } */ && c !== 0x3a /* : */) {
        index++;
        if (needComma) {
          yield { kind: "error", inList: envelope || stack[0]?.open === "[", index: null, line, fatal: false, message: `bad JSON at line ${line}: "," missing before study ${index}` };
        }
        piece = [];
        pieceChars = 0;
        pieceDepth = stack.length;
        pieceLine = line;
        pieceScalar = c !== 0x7b && c !== 0x5b;
        tooLong = false;
        tooDeep = false;
        from = i;
        needComma = false;
      }
      if (c === 0x22) {
        inString = true;
        if (top?.open === "{" && top.expectKey) {
          keyParts = [];
          keyStartAt = i + 1;
        }
        if (!started) {
          yield notJson(line, chunk[i]!);
          return;
        }
        continue;
      }
      if (c === 0x7b || c === 0x5b) {
        if (!started) {
          started = true;
          rootObject = c === 0x7b;
          if (rootObject) {
            root = [];
            rootChars = 0;
            rootLine = line;
            from = i;
          }
        }
        if (stack.length >= MAX_DEPTH) {
          // Only counted from here: the study is dropped (its text is no longer kept).
          deeper++;
          if (piece) {
            tooDeep = true;
            piece.length = 0;
          } else if (rootObject && !envelope) {
            rootTooDeep = true;
            root = null;
          }
          continue;
        }
        stack.push({ open: c === 0x7b ? "{" : "[", key: null, expectKey: c === 0x7b });
        if (!envelope && isStudyList(stack)) {
          envelope = true;
          root = null; // the root is an envelope, not a study
        }
        continue;
      }
      if (!started) {
        yield notJson(line, chunk[i]!);
        return;
      }
      if (c === 0x7d || c === 0x5d) {
        if (deeper > 0) {
          deeper--; // past MAX_DEPTH brackets are counted, not matched
          continue;
        }
        const open = stack.pop();
        if (!open || (open.open === "{") !== (c === 0x7d)) {
          yield { kind: "error", inList: envelope || stack[0]?.open === "[", index: piece ? index : null, line, fatal: true, message: `bad JSON at line ${line}: unexpected "${chunk[i]}"${piece ? ` in study ${index}` : ""}` };
          return;
        }
        if (piece && !pieceScalar && stack.length === pieceDepth) {
          flush(i + 1);
          yield tooDeep ? tooDeepError(index, pieceLine) : tooLong ? tooLongError(index, pieceLine)
            : { kind: "study", index, line: pieceLine, text: piece.join(""), inList: true };
          piece = null;
          needComma = true;
        } else if (piece && pieceScalar && stack.length === pieceDepth - 1) {
          flush(i);
          yield { kind: "study", index, line: pieceLine, text: piece.join(""), inList: true };
          piece = null;
        }
        if (stack.length === 0) {
          ended = true;
          if (root) {
            flush(i + 1);
            yield { kind: "study", index: 1, line: rootLine, text: root.join(""), inList: false };
            root = null;
          } else if (rootObject && !envelope) {
            yield rootTooDeep ? tooDeepError(1, rootLine) : tooLongError(1, rootLine);
          }
        }
        continue;
      }
      if (c === 0x2c) {
        if (top?.open === "{") top.expectKey = true;
        if (piece && pieceScalar && stack.length === pieceDepth) {
          flush(i);
          yield { kind: "study", index, line: pieceLine, text: piece.join(""), inList: true };
          piece = null;
        }
        if (isStudyList(stack)) needComma = false;
        continue;
      }
      // ":", digits, true/false/null: nothing to follow.
    }
    // Only short keys matter ("studies", "FullStudies"): a long one is not kept whole.
    if (keyParts && keyParts.reduce((n, k) => n + k.length, 0) < 64) keyParts.push(chunk.slice(keyStartAt, keyStartAt + 64));
    keyStartAt = 0;
    flush(chunk.length);
  }
  if (!started) {
    yield { kind: "error", inList: envelope || stack[0]?.open === "[", index: null, line, fatal: true, message: "the file holds no JSON value" };
  } else if (!ended) {
    const deep = tooDeep || (rootTooDeep && !piece) ? ` (nested deeper than ${MAX_DEPTH} levels)` : "";
    const where = `${piece ? `inside study ${index}` : "before the end of the document"}${deep}`;
    yield { kind: "error", inList: envelope || stack[0]?.open === "[", index: piece ? index : null, line, fatal: true, message: `truncated: the file ends at line ${line} ${where}` };
  }
}

function notJson(line: number, char: string): JsonPiece {
  return { kind: "error", index: null, inList: false, line, fatal: true, message: `not a JSON document of studies: it starts with "${char}" at line ${line}, not "{" or "["` };
}
