import { armHref } from "../format";
import type { LandscapeView } from "./read";
import type { Landscape, LandscapePoint } from "./shape";

/**
 * The /landscape page's data, bounded: a registry of 10,000 trials has some 15,000 arms,
 * and a page that printed each as a table row, a sentence of the chart's summary and a
 * checkbox of the comparison form weighed 30 MB. The chart, drawn in the browser only,
 * fetches every point it draws from /api/landscape/chart, in columns (ChartWire: the
 * fields it draws and its card shows, each text once). The table and the summary in words
 * name the first PAGE_ROWS arms, the list of undrawn arms the first UNDRAWN_ROWS, the
 * comparison's picker the first PICKER_ROWS trials, each saying how many there are (the
 * CSV has every drawn arm). A registry of the seeds' size shows all, as before.
 */
export const PAGE_ROWS = 300;
/** The comparison's picker (it takes at most 6) and the list of undrawn arms name fewer: each is long in a page. */
export const PICKER_ROWS = 60;
export const UNDRAWN_ROWS = 100;

/** The fields of a point the chart draws and its card shows. */
export type ChartPoint = Pick<LandscapePoint,
  "trialId" | "armLabel" | "armIndex" | "x" | "plotX" | "plotY" | "range" | "statedRange" | "errorX" | "estimated" | "flatCellsPerInfusion"
  | "infusions" | "enrollment" | "radius" | "route" | "cellSource" | "color" | "doseText" | "routeText">;
export type DrawnPoint = ChartPoint & Pick<LandscapePoint, "key" | "href" | "trialTitle">;

type Axes = Pick<Landscape, "y" | "band" | "xDomain" | "xTicks" | "yDomain" | "yTicks" | "laneY">;
/** What the chart draws. */
export type ChartData = Axes & { points: DrawnPoint[] };

const TEXT_FIELDS = ["trialId", "armLabel", "route", "cellSource", "color", "doseText", "routeText"] as const;
const VALUE_FIELDS = ["armIndex", "x", "plotX", "plotY", "range", "statedRange", "errorX", "estimated", "flatCellsPerInfusion", "infusions", "enrollment", "radius"] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type ValueField = (typeof VALUE_FIELDS)[number];

/**
 * ChartData as sent, in columns: each field one array over the points (no field names
 * repeated 15,000 times), each text once in `strings` and by its index in the columns
 * (a trial's id, a colour, a route are shared by many points); the trials' titles by id.
 * Key, link and title are rebuilt in the browser (chartDataOf).
 */
export type ChartWire = Axes & {
  count: number;
  strings: string[];
  text: Record<TextField, (number | null)[]>;
  values: { [F in ValueField]: ChartPoint[F][] };
  titles: Record<string, number | null>;
};

export function chartWireOf(l: Landscape): ChartWire {
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (v: string | null): number | null => {
    if (v === null) return null;
    let i = indexOf.get(v);
    if (i === undefined) indexOf.set(v, (i = strings.push(v) - 1));
    return i;
  };
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, [] as (number | null)[]])) as ChartWire["text"];
  const values = Object.fromEntries(VALUE_FIELDS.map((f) => [f, [] as unknown[]])) as ChartWire["values"];
  const titles: Record<string, number | null> = {};
  for (const p of l.points) {
    for (const f of TEXT_FIELDS) text[f].push(intern(p[f]));
    for (const f of VALUE_FIELDS) (values[f] as unknown[]).push(p[f]);
    titles[p.trialId] = intern(p.trialTitle);
  }
  return { y: l.y, band: l.band, xDomain: l.xDomain, xTicks: l.xTicks, yDomain: l.yDomain, yTicks: l.yTicks, laneY: l.laneY, count: l.points.length, strings, text, values, titles };
}

/** The chart's points again, each with every field the chart and its card read (the same as the landscape's). */
export function chartDataOf(wire: ChartWire): ChartData {
  const { strings, text, values, titles } = wire;
  const str = (i: number | null | undefined) => (i === null || i === undefined ? null : strings[i]!);
  const points: DrawnPoint[] = [];
  for (let i = 0; i < wire.count; i++) {
    const p = {} as Record<string, unknown>;
    for (const f of TEXT_FIELDS) p[f] = str(text[f][i]);
    for (const f of VALUE_FIELDS) p[f] = values[f][i];
    const trialId = p.trialId as string, armIndex = p.armIndex as number;
    p.key = `${trialId}#arm-${armIndex + 1}`;
    p.href = armHref(trialId, armIndex);
    p.trialTitle = str(titles[trialId]);
    points.push(p as DrawnPoint);
  }
  return { y: wire.y, band: wire.band, xDomain: wire.xDomain, xTicks: wire.xTicks, yDomain: wire.yDomain, yTicks: wire.yTicks, laneY: wire.laneY, points };
}

export interface LandscapePage extends LandscapeView {
  /** How many there are of what `landscape` lists the first of (points, noDose, trialIds). */
  totals: { points: number; noDose: number; trialIds: number };
  /** The titles of the trials `landscape.trialIds` lists. */
  titles: Record<string, string | null>;
  hasRange: boolean;
  /** The explainer's example of a flat dose divided by the weight, from all the points. */
  example: { id: string; perKg: number } | null;
}

export function landscapePageOf(view: LandscapeView): LandscapePage {
  const l = view.landscape;
  const estimated = l.points.find((p) => p.estimated && p.x !== null);
  // A flat dose stated as a range is a flat dose too: its low end makes the example, said so.
  const estimatedRange = l.points.find((p) => p.estimated && p.range);
  const trialIds = l.trialIds.slice(0, PICKER_ROWS);
  const titles: Record<string, string | null> = {};
  const wanted = new Set(trialIds);
  for (const p of l.points) if (wanted.has(p.trialId) && !(p.trialId in titles)) titles[p.trialId] = p.trialTitle;
  return {
    ...view,
    landscape: { ...l, points: l.points.slice(0, PAGE_ROWS), noDose: l.noDose.slice(0, UNDRAWN_ROWS), trialIds },
    totals: { points: l.points.length, noDose: l.noDose.length, trialIds: l.trialIds.length },
    titles,
    hasRange: l.points.some((p) => p.range),
    example: estimated ? { id: estimated.trialId, perKg: estimated.x! }
      : estimatedRange ? { id: `${estimatedRange.trialId} (the low end of its range)`, perKg: estimatedRange.range!.min } : null,
  };
}
