import { ImportError } from "./errors";

/**
 * Bytes of a source file → its text, or an ImportError saying why it is not a text
 * record: empty, binary, or not UTF-8.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ImportError("the file is empty", { file });
  const utf16 = utf16Kind(bytes);
  if (utf16) throw new ImportError(`${utf16} text, not UTF-8; save the record as UTF-8`, { file });
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ImportError(`a binary file, not a text record (NUL byte at offset ${nul})`, { file });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new ImportError(`not UTF-8 text (invalid byte 0x${bytes[at]?.toString(16).padStart(2, "0")} at offset ${at}); save the record as UTF-8`, { file });
  }
  text = plainSpaces(text.replace(/^\uFEFF/, ""));
  if (!text.trim()) throw new ImportError("the file holds only white space", { file });
  const control = (text.match(/[\u0001-\u0008\u000e-\u001f]/g) ?? []).length;
  if (control > 8 && control / text.length > 0.01) {
    throw new ImportError(`a binary file, not a text record (${control} control characters)`, { file });
  }
  return text;
}

/**
 * No-break spaces come with text copied from web pages; the layouts' headings and labels
 * are matched with plain spaces.
 */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** A parsed JSON study with the same plain spaces in every string as a text record gets (a copy). */
export function normalizeSpaces(value: unknown): unknown {
  if (typeof value === "string") return plainSpaces(value);
  if (Array.isArray(value)) return value.map(normalizeSpaces);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [plainSpaces(k), normalizeSpaces(v)]));
  }
  return value;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}

/**
 * "UTF-16LE"/"UTF-16BE" when the bytes look like UTF-16 (a byte-order mark, or a NUL in
 * every other byte of mostly-ASCII text, as Windows tools save it), else null: such a file
 * is a text record in the wrong encoding, not a binary file.
 */
function utf16Kind(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.9 && evenNul === 0) return "UTF-16LE";
  if (evenNul / pairs > 0.9 && oddNul === 0) return "UTF-16BE";
  return null;
}
