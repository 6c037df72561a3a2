/**
 * Long work in slices: `pause()` between steps gives the event loop back (setImmediate, so
 * that waiting I/O, such as another request, runs first) once `sliceMs` have passed since
 * the last time. A request reading or shaping thousands of trials then holds the one
 * Node thread for a few milliseconds at a time, not for the whole of its work.
 */
export const SLICE_MS = 4;

export function slicer(sliceMs = SLICE_MS): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** `f` over `items` in chunks of `size`, pausing between chunks; the results in order. */
export async function mapInSlices<T, R>(items: readonly T[], size: number, f: (chunk: T[]) => R[], pause = slicer()): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    for (const r of f(items.slice(i, i + size))) out.push(r);
    await pause();
  }
  return out;
}
