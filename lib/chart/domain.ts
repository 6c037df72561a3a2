/**
 * Axis maths shared by the charts (the comparison's bars, the landscape's scatter): a value
 * axis's domain and ticks, where a value sits along it, and the ticks of a log axis. Pure.
 */

/** How a value axis is drawn (the comparison's `?scale=`). */
export const SCALES = ["linear", "log"] as const;
export type Scale = (typeof SCALES)[number];

/** The smallest round step (1, 2, 2.5 or 5 times a power of ten) of at least x. */
export function niceStep(x: number): number {
  const e = 10 ** Math.floor(Math.log10(x));
  const m = x / e;
  return ([1, 2, 2.5, 5, 10].find((s) => s >= m - 1e-9) ?? 10) * e;
}

/** Linear: 0 to a round number; log: whole powers of ten around the values. */
export function valueDomain(values: number[], scale: Scale): { domain: [number, number]; ticks: number[] } {
  if (scale === "log") {
    if (!values.length) return { domain: [1e5, 1e7], ticks: [1e5, 1e6, 1e7] };
    const lo = 10 ** Math.floor(Math.log10(Math.min(...values)));
    let hi = 10 ** Math.ceil(Math.log10(Math.max(...values)));
    if (hi <= lo) hi = lo * 10;
    const ticks: number[] = [];
    for (let v = lo; v <= hi * 1.0001; v *= 10) ticks.push(Number(v.toPrecision(6)));
    return { domain: [lo, hi], ticks };
  }
  if (!values.length) return { domain: [0, 1e6], ticks: [0, 1e6] };
  const max = Math.max(...values);
  const step = niceStep(max / 4);
  const n = Math.ceil(max / step - 1e-9);
  return { domain: [0, n * step], ticks: Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(6))) };
}

/** Where a value sits along an axis of this domain, 0–1. */
export function fractionOf(v: number, [lo, hi]: [number, number], scale: Scale): number {
  if (scale === "log") return Math.log(v / lo) / Math.log(hi / lo);
  return (v - lo) / (hi - lo);
}

/** Log ticks at 1, 2 and 5 of each decade when the axis spans few decades, else the decades. */
export function logTicks(decades: number[]): number[] {
  if (decades.length > 4) return decades;
  return decades.flatMap((d, i) => (i === decades.length - 1 ? [d] : [d, 2 * d, 5 * d]));
}
