import fs from "node:fs";
import { Unzip, UnzipInflate, type UnzipFile } from "fflate";

/**
 * Reads a zip archive's files one at a time, without holding the archive in memory: the
 * archive is read in chunks through fflate's streaming unzip, and each accepted entry is
 * handed out whole as soon as it is inflated (one record file at a time, at most
 * `maxEntryBytes` each: a larger entry is reported and skipped, never held whole). Folders,
 * and entries `accept` refuses, are passed by without being inflated.
 */

export type ZipEntry =
  | { kind: "file"; name: string; bytes: Uint8Array }
  /** `name`: the entry the problem is in, null for the archive itself; `fatal`: nothing after it is read. */
  | { kind: "error"; name: string | null; message: string; fatal: boolean };

const CHUNK = 64 * 1024;

export function* readZipEntries(filePath: string, maxEntryBytes: number, accept: (name: string) => boolean): Generator<ZipEntry> {
  const fd = fs.openSync(filePath, "r");
  try {
    yield* unzipChunks(chunksOf(fd), maxEntryBytes, accept);
  } finally {
    fs.closeSync(fd);
  }
}

function* chunksOf(fd: number): Generator<Uint8Array> {
  for (;;) {
    const buf = new Uint8Array(CHUNK);
    const n = fs.readSync(fd, buf, 0, CHUNK, null);
    if (n === 0) return;
    yield buf.subarray(0, n);
  }
}

const limitText = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`);

/** The entries of an archive given as chunks of bytes (exported for tests). */
export function* unzipChunks(chunks: Iterable<Uint8Array>, maxEntryBytes: number, accept: (name: string) => boolean): Generator<ZipEntry> {
  const queue: ZipEntry[] = [];
  let open: string | null = null; // the entry being inflated
  let entries = 0;
  let first = true;
  let finishing = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (f: UnzipFile) => {
    entries++;
    if (f.name.endsWith("/") || !accept(f.name)) return; // not started: its data is passed by
    const tooLong = () => {
      queue.push({ kind: "error", name: f.name, fatal: false, message: `over the ${limitText(maxEntryBytes)} limit for a record file; skipped` });
    };
    if (f.originalSize !== undefined && f.originalSize > maxEntryBytes) {
      tooLong();
      return;
    }
    let parts: Uint8Array[] | null = [];
    let size = 0;
    open = f.name;
    f.ondata = (err, data, final) => {
      if (parts === null) return;
      if (err) {
        queue.push({ kind: "error", name: f.name, fatal: false, message: `cannot be inflated: ${err.message}` });
        parts = null;
        open = null;
        return;
      }
      size += data.length;
      if (size > maxEntryBytes) {
        tooLong();
        parts = null;
        open = null;
        f.terminate();
        return;
      }
      parts.push(data);
      if (final) {
        queue.push({ kind: "file", name: f.name, bytes: concat(parts, size) });
        parts = null;
        open = null;
      }
    };
    f.start();
  };
  try {
    for (const chunk of chunks) {
      if (first) {
        first = false;
        // "PK\x03\x04" (an entry) or "PK\x05\x06" (an empty archive's directory).
        if (!(chunk[0] === 0x50 && chunk[1] === 0x4b && (chunk[2] === 3 || chunk[2] === 5))) {
          yield { kind: "error", name: null, fatal: true, message: "not a zip archive (it does not start with a zip entry)" };
          return;
        }
      }
      unzip.push(chunk);
      yield* queue.splice(0);
    }
    finishing = true;
    unzip.push(new Uint8Array(0), true);
    yield* queue.splice(0);
  } catch (e) {
    yield* queue.splice(0);
    // fflate finds an entry's data missing only when told the archive ended.
    const message = finishing && open !== null ? "truncated: the archive ends inside this entry" : `the archive cannot be read: ${(e as Error).message}`;
    yield { kind: "error", name: open, fatal: true, message };
    return;
  }
  if (first) yield { kind: "error", name: null, fatal: true, message: "an empty file, not a zip archive" };
  else if (open !== null) yield { kind: "error", name: open, fatal: true, message: "truncated: the archive ends inside this entry" };
  else if (entries === 0) yield { kind: "error", name: null, fatal: true, message: "the archive holds no file" };
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
