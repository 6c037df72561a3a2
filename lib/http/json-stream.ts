/**
 * A JSON answer written as a stream: the same bytes as `JSON.stringify(value)` (and so as
 * `Response.json(value)`), but the elements of its long arrays are serialized a chunk at a
 * time, the event loop given back between chunks, so that an answer of tens of megabytes
 * does not hold the one Node thread while it is written. Plain data only (no toJSON of
 * its own at the top level, no cycles).
 */
const LONG = 64;
const CHUNK_BYTES = 64 * 1024;

/** The pieces of `value`'s JSON, long arrays element by element. */
function* pieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > LONG) {
    yield "[";
    for (let i = 0; i < value.length; i++) yield (i ? "," : "") + (JSON.stringify(value[i]) ?? "null");
    yield "]";
  } else if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
    yield "{";
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === "function" || typeof v === "symbol") continue;
      yield `${first ? "" : ","}${JSON.stringify(k)}:`;
      first = false;
      yield* pieces(v);
    }
    yield "}";
  } else {
    yield JSON.stringify(value) ?? "null";
  }
}

export function jsonStream(value: unknown): ReadableStream<Uint8Array> {
  return textStream(pieces(value));
}

/** The text of `parts` joined, as a stream of chunks of about 64 KB, each after a turn of the event loop. */
export function textStream(parts: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Each chunk after a turn of the event loop: another request's I/O runs in between.
      await new Promise<void>((resolve) => setImmediate(resolve));
      let chunk = "";
      for (let next = parts.next(); ; next = parts.next()) {
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
        if (chunk.length >= CHUNK_BYTES) break;
      }
      controller.enqueue(encoder.encode(chunk));
    },
  }, { highWaterMark: 0 });
}
