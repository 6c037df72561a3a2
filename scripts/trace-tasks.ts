/**
 * A page load's main-thread work from a Chromium trace (devtools.timeline), in thread time:
 * each task's `tdur`, the time the thread really ran, not the wall time a busy host
 * stretches. Used by scripts/profile-load.ts and scripts/lighthouse.ts, so a benchmark on the
 * shared 2-core host also prints figures that do not move with the other processes' load.
 *
 * Long at Lighthouse's phone: a task whose thread time × 4 (its mobile CPU slowdown) reaches
 * 50 ms; its blocking time is 4·t − 50. Lighthouse's simulated Total Blocking Time is built
 * the same way from the observed wall times (hence its spread on a loaded host).
 */
export interface TraceEvent {
  name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

export interface MainThread {
  /** Thread time of every task from the document's parse on, ms. */
  cpu: number;
  /** Tasks long at SLOWDOWN×, and their blocking time there (ms). */
  long: number;
  blocking: number;
  /** Self thread time by kind of work and by script (ms). */
  byKind: Map<string, number>;
  byScript: Map<string, number>;
  /** Each long task: when (ms from the parse), its thread time, what ran in it. */
  longTasks: string[];
}

export const SLOWDOWN = 4;
const KINDS = ["ParseHTML", "EvaluateScript", "FunctionCall", "TimerFire", "EventDispatch", "FireAnimationFrame", "UpdateLayoutTree", "Layout", "Paint", "PrePaint", "Layerize", "v8.compile", "MajorGC", "MinorGC", "RunMicrotasks"];
const short = (u: string) => u.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*/, "?…").slice(0, 48) || "(page)";
export const topOf = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(", ");

/** The figures of the thread that parsed the document at `url` (its first ParseHTML). */
export function mainThread(events: TraceEvent[], url: string): MainThread {
  const page = url.split("#")[0]!;
  const parse = events.find((e) => e.name === "ParseHTML" && (e.args?.beginData?.url ?? "").startsWith(page));
  if (!parse) throw new Error(`${url}: no ParseHTML of the page in the trace`);
  const on = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === "X" && e.ts >= parse.ts);
  const tasks = on.filter((e) => e.name === "RunTask" && e.tdur !== undefined);
  const ms = (e: TraceEvent) => (e.tdur ?? 0) / 1000;
  // Self thread time per kind: an event's time less that of the events nested in it.
  const nested = on.filter((e) => KINDS.includes(e.name)).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: TraceEvent[] = [];
  const self = new Map<TraceEvent, number>();
  for (const e of nested) {
    while (stack.length && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= e.ts) stack.pop();
    self.set(e, ms(e));
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent, (self.get(parent) ?? 0) - ms(e));
    stack.push(e);
  }
  const byKind = new Map<string, number>();
  const byScript = new Map<string, number>();
  for (const [e, t] of self) {
    byKind.set(e.name, (byKind.get(e.name) ?? 0) + t);
    const u = e.args?.data?.url ?? e.args?.beginData?.url;
    if (u && ["EvaluateScript", "FunctionCall", "v8.compile", "ParseHTML"].includes(e.name)) byScript.set(short(u), (byScript.get(short(u)) ?? 0) + t);
  }
  const long = tasks.filter((t) => ms(t) * SLOWDOWN >= 50);
  const longTasks = long.map((t) => {
    const inside = new Map<string, number>();
    for (const [e, v] of self) {
      if (e.ts < t.ts || e.ts >= t.ts + (t.dur ?? 0)) continue;
      const u = e.args?.data?.url ?? e.args?.beginData?.url;
      const k = `${e.name}${u ? ` ${short(u)}` : ""}`;
      inside.set(k, (inside.get(k) ?? 0) + v);
    }
    return `at ${((t.ts - parse.ts) / 1000).toFixed(0)} ms: ${ms(t).toFixed(0)} ms (${topOf(inside, 3)})`;
  });
  return {
    cpu: tasks.reduce((s, t) => s + ms(t), 0),
    long: long.length,
    blocking: long.reduce((s, t) => s + ms(t) * SLOWDOWN - 50, 0),
    byKind, byScript, longTasks,
  };
}
