import { armHref, formatCellRange, formatCells, label } from "../format";
import type { Arm, DoseRange, TrialRecord } from "../record/schema";
import { armRange, summarizeArm } from "../record/summary";
import { categoryPalette, NOT_REPORTED_GREY, STATUS_COLORS } from "../chart/colours";
import { logTicks, valueDomain } from "../chart/domain";
import { CELL_SOURCES, dosingOf, OVERALL_STATUSES, ROUTES } from "../record/vocabulary";
import type { SearchQuery } from "../search/params";
import type { ColourBy, YAxis } from "./params";

/**
 * Records → the dose landscape: one point per MSC arm that states a dose, at its exact
 * per-kg dose per infusion (x) and its number of MSC infusions or cumulative dose (y).
 * Pure; the chart component only draws what this returns, the table and CSV print it.
 */

/** Effective intravenous MSC doses per infusion (whole body) in Kabat et al., 2020 (914 MSC trials). */
export const KABAT_BAND_CELLS = [70e6, 190e6] as const;
export const NOT_REPORTED_KEY = "NOT_REPORTED";

export interface LandscapePoint {
  /** `trialId#arm-n`: unique, and the arm's anchor on its trial page. */
  key: string;
  trialId: string;
  trialTitle: string | null;
  armLabel: string;
  armIndex: number;
  href: string;
  /** Cells/kg per infusion at the reference weight; null for a dose stated as a range (`range` gives it). */
  x: number | null;
  /**
   * Where the point is drawn on the x axis: `x`, or for a range the middle of its interval on
   * the log axis (the geometric mean of its ends), which is never shown or exported as a value.
   */
  plotX: number;
  /** A dose stated as a range: both ends in cells/kg per infusion at the reference weight, else null. */
  range: { min: number; max: number } | null;
  /** The same range as the record states it, flat (cells per infusion) when `estimated`. */
  statedRange: DoseRange | null;
  /** The interval drawn around `x`: [x − min, max − x], or null for a point. */
  errorX: [number, number] | null;
  estimated: boolean;
  /** The flat dose per infusion an estimate was made from. */
  flatCellsPerInfusion: number | null;
  infusions: number | null;
  cumulativeCellsPerKg: number | null;
  /** The value on the chosen y axis; null is drawn in the "not reported" lane. */
  y: number | null;
  /** Where the point is drawn on the y axis (the lane's position when y is null). */
  plotY: number;
  enrollment: number | null;
  /** Radius in pixels, by the trial's enrollment (a middle size when not reported). */
  radius: number;
  route: string | null;
  cellSource: string | null;
  cellOrigin: string | null;
  status: string | null;
  /** The trial's record lists a reference that reports its results (lib/db/view-reads.ts; issue 22). */
  resultsPublication: boolean;
  colourKey: string;
  color: string;
  /** The source words: the dose's, and the route's and cell source's when read. */
  doseText: string;
  routeText: string | null;
  cellSourceText: string | null;
}

export interface LandscapeSeries { key: string; label: string; color: string; count: number }

export interface UndrawnArm { trialId: string; trialTitle: string | null; armLabel: string; href: string }

export interface Landscape {
  weightKg: number;
  y: YAxis;
  colour: ColourBy;
  points: LandscapePoint[];
  series: LandscapeSeries[];
  /** MSC arms whose dose per infusion is not reported (or differs between infusions): not drawn. */
  noDose: UndrawnArm[];
  noDoseTrials: number;
  /** Arms drawn in the "not reported" lane of the y axis. */
  noY: number;
  xDomain: [number, number];
  xTicks: number[];
  yDomain: [number, number];
  yTicks: number[];
  /** The y position of the "not reported" lane (below the axis's values). */
  laneY: number;
  /** The Kabat range in cells/kg at the reference weight. */
  band: [number, number];
  /** Trials with a drawn point, in the order of their first point. */
  trialIds: string[];
  /** What the chart shows, in words, for screen readers and the page. */
  summary: string;
}

// A trial registered in two or more registries is one colour (SEVERAL, black): what one registry adds shows apart.
const REGISTRY_SERIES: Record<string, string> = {
  NCT: "ClinicalTrials.gov only", ChiCTR: "ChiCTR only", EUCTR: "EU CTR only", CTIS: "CTIS only", "JPRN-jRCT": "jRCT only",
  "JPRN-UMIN": "UMIN only", DRKS: "DRKS only", OTHER: "Another registry only", SEVERAL: "Two or more registries",
};
const REGISTRY_KEYS = ["NCT", "ChiCTR", "EUCTR", "CTIS", "JPRN-jRCT", "JPRN-UMIN", "DRKS", "OTHER", "SEVERAL"] as const;
const registryColourKey = (registries: string[] | undefined): string | null =>
  !registries?.length ? null : registries.length > 1 ? "SEVERAL"
    : (REGISTRY_KEYS as readonly string[]).includes(registries[0]!) ? registries[0]! : "OTHER";
const COLOR_OF: Record<ColourBy, Record<string, string>> = {
  route: categoryPalette(ROUTES),
  source: categoryPalette(CELL_SOURCES),
  status: STATUS_COLORS,
  registry: categoryPalette(REGISTRY_KEYS),
};
const ORDER: Record<ColourBy, readonly string[]> = { route: ROUTES, source: CELL_SOURCES, status: OVERALL_STATUSES, registry: REGISTRY_KEYS };

// Enrollment not reported: a middle size (drawn with a dashed outline), not the smallest,
// which would read as a small trial.
const MIN_RADIUS = 4, MAX_RADIUS = 16, UNKNOWN_RADIUS = 7;

/** Whether an arm passes the list's arm-level filters (route, cell source, donor, dosing). */
function armMatches(arm: LandscapeInput["arms"][number], infusions: number | null, q: Pick<SearchQuery, "route" | "source" | "origin" | "dosing">, trial: LandscapeInput): boolean {
  const source = arm.cellSource?.value ?? trial.cellSource;
  if (q.route.length && !(arm.route && (q.route as string[]).includes(arm.route.value))) return false;
  if (q.source.length && !(source && q.source.includes(source))) return false;
  if (q.origin.length && !(arm.cellOrigin && (q.origin as string[]).includes(arm.cellOrigin.value))) return false;
  if (q.dosing.length) {
    const dosing = dosingOf(infusions);
    if (!dosing || !(q.dosing as string[]).includes(dosing)) return false;
  }
  return true;
}

export interface ShapeOptions {
  weightKg: number;
  y: YAxis;
  colour: ColourBy;
  /** The list's arm-level filters: an arm of a matching trial is drawn only if it matches them too. */
  filters: Pick<SearchQuery, "route" | "source" | "origin" | "dosing">;
  /** false: no summary in words ("" instead), for the API and CSV, which do not answer it (a sentence per point). */
  summary?: boolean;
  /** The summary names this many points one by one at most, then says how many more there are (the page; the table and CSV list them). */
  summaryLimit?: number;
}

/** What the landscape reads of a record (whole records and the lean reads of lib/db/view-reads.ts both fit). */
export type LandscapeInput = Pick<TrialRecord, "id" | "title" | "overallStatus" | "enrollment" | "cellSource"> & {
  /** The registries the trial is registered in (registry codes, lib/db/trial-links.ts); none known: not reported. */
  registries?: string[];
  /** The record lists a reference reporting the trial's results (a whole record: read from its references). */
  resultsPublication?: boolean;
  references?: TrialRecord["references"];
  arms: Pick<Arm, "label" | "doses" | "route" | "cellSource" | "cellOrigin">[];
};

/** The arms the landscape draws, and those it lists as not drawn, before axes and sizes are known. */
export interface LandscapeArms { drawn: Omit<LandscapePoint, "plotY" | "radius">[]; noDose: UndrawnArm[] }

export function shapeLandscape(records: LandscapeInput[], o: ShapeOptions): Landscape {
  return finishLandscape(collectLandscapeArms(records, o), o);
}

/**
 * The first stage: the arms of these records, added to `into` in order. A loader may run
 * it a chunk of records at a time (and give the event loop back in between).
 */
export function collectLandscapeArms(records: LandscapeInput[], o: ShapeOptions, into: LandscapeArms = { drawn: [], noDose: [] }): LandscapeArms {
  const { drawn, noDose } = into;
  for (const t of records) {
    t.arms.forEach((arm, i) => {
      if (!arm.doses.some((d) => d.product === "MSC")) return;
      const s = summarizeArm(arm.doses, o.weightKg);
      if (!armMatches(arm, s.activeInfusions, o.filters, t)) return;
      const href = armHref(t.id, i);
      const msc = arm.doses.filter((d) => d.product === "MSC");
      const { range: statedRange, cellsPerKgRange: r } = armRange(msc, o.weightKg);
      if (s.cellsPerKgPerInfusion === null && !r) {
        noDose.push({ trialId: t.id, trialTitle: t.title, armLabel: arm.label, href });
        return;
      }
      const colourKey = (o.colour === "route" ? arm.route?.value : o.colour === "source" ? arm.cellSource?.value
        : o.colour === "registry" ? registryColourKey(t.registries) : t.overallStatus) ?? NOT_REPORTED_KEY;
      const plotX = r ? Math.sqrt(r.min * r.max) : s.cellsPerKgPerInfusion!;
      drawn.push({
        key: `${t.id}#arm-${i + 1}`, trialId: t.id, trialTitle: t.title, armLabel: arm.label, armIndex: i, href,
        x: r ? null : plotX, plotX, estimated: r ? r.estimated : s.estimated,
        range: r ? { min: r.min, max: r.max } : null, statedRange, errorX: r ? [plotX - r.min, r.max - plotX] : null,
        flatCellsPerInfusion: s.estimated ? msc.find((d) => d.cellsPerInfusion !== null)?.cellsPerInfusion ?? null : null,
        infusions: s.activeInfusions, cumulativeCellsPerKg: s.cumulativeCellsPerKg,
        y: o.y === "infusions" ? s.activeInfusions : s.cumulativeCellsPerKg,
        enrollment: t.enrollment?.count ?? null,
        route: arm.route?.value ?? null, cellSource: arm.cellSource?.value ?? null, cellOrigin: arm.cellOrigin?.value ?? null,
        status: t.overallStatus, resultsPublication: t.resultsPublication ?? (t.references?.some((r) => r.type === "RESULT") ?? false), colourKey, color: COLOR_OF[o.colour][colourKey] ?? NOT_REPORTED_GREY,
        doseText: msc.map((d) => d.text).join(" … "),
        routeText: arm.route?.text ?? null, cellSourceText: arm.cellSource?.text ?? null,
      });
    });
  }
  return into;
}

/** The second stage: axes, point sizes, series and summary of the arms collected. */
export function finishLandscape({ drawn, noDose }: LandscapeArms, o: ShapeOptions): Landscape {
  const band: [number, number] = [KABAT_BAND_CELLS[0] / o.weightKg, KABAT_BAND_CELLS[1] / o.weightKg];
  const x = valueDomain([...drawn.flatMap((p) => (p.range ? [p.range.min, p.range.max] : [p.plotX])), ...band], "log");
  const ys = drawn.flatMap((p) => (p.y === null ? [] : [p.y]));
  let yDomain: [number, number], yTicks: number[], laneY: number;
  if (o.y === "infusions") {
    const max = Math.max(1, ...ys);
    const step = max > 20 ? 5 : max > 10 ? 2 : 1;
    yTicks = Array.from({ length: Math.floor(max / step) + 1 }, (_, k) => k * step).filter((v) => v > 0);
    if (yTicks[0] !== 1) yTicks.unshift(1);
    laneY = -1;
    yDomain = [-1.6, Math.ceil((max + 1) / step) * step];
  } else {
    const d = valueDomain(ys, "log");
    laneY = d.domain[0] / 10;
    yDomain = [laneY / 2, d.domain[1]];
    yTicks = d.ticks;
  }
  const maxEnrollment = Math.max(0, ...drawn.map((p) => p.enrollment ?? 0));
  const points = drawn.map((p): LandscapePoint => ({
    ...p,
    plotY: p.y ?? laneY,
    radius: p.enrollment === null ? UNKNOWN_RADIUS
      : maxEnrollment ? Number((MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(p.enrollment / maxEnrollment)).toFixed(2)) : MIN_RADIUS,
  }));
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.colourKey, (counts.get(p.colourKey) ?? 0) + 1);
  const series = [...counts.entries()]
    .sort(([a], [b]) => rank(o.colour, a) - rank(o.colour, b))
    .map(([key, count]) => ({
      key, count, color: COLOR_OF[o.colour][key] ?? NOT_REPORTED_GREY,
      label: key === NOT_REPORTED_KEY ? `${o.colour === "status" ? "Status" : o.colour === "route" ? "Route" : o.colour === "registry" ? "Registry" : "Cell source"} not reported`
        : o.colour === "registry" ? REGISTRY_SERIES[key] ?? key : label(key),
    }));
  const trialIds = [...new Set(points.map((p) => p.trialId))];
  const noDoseTrials = new Set(noDose.map((a) => a.trialId)).size;
  const noY = points.filter((p) => p.y === null).length;
  return {
    weightKg: o.weightKg, y: o.y, colour: o.colour, points, series, noDose, noDoseTrials, noY,
    xDomain: x.domain, xTicks: logTicks(x.ticks), yDomain, yTicks, laneY, band, trialIds,
    summary: o.summary === false ? "" : summarize(points, noDose.length, noDoseTrials, noY, o),
  };
}

/**
 * A point's dose per kg per infusion in words, `unit` after the number: "2.5×10⁶ cells/kg", or
 * a range "2.5–5×10⁶ cells/kg (range)" (never one of its ends).
 */
export function pointDose(p: Pick<LandscapePoint, "x" | "range">, unit = ""): string {
  return p.range ? `${formatCellRange(p.range.min, p.range.max)}${unit} (range)` : `${formatCells(p.x)}${unit}`;
}

const rank = (colour: ColourBy, key: string) => (key === NOT_REPORTED_KEY ? 1e3 : ORDER[colour].indexOf(key) + (ORDER[colour].includes(key) ? 0 : 500));

/** "12 arms in 9 trials", with 1 and 0 in words a person reads. */
export function armsInTrials(arms: number, trials: number): string {
  return `${arms} ${arms === 1 ? "arm" : "arms"} in ${trials} ${trials === 1 ? "trial" : "trials"}`;
}

function summarize(points: LandscapePoint[], noDose: number, noDoseTrials: number, noY: number, o: ShapeOptions): string {
  const trials = new Set(points.map((p) => p.trialId)).size;
  const what = o.y === "infusions" ? "the number of MSC infusions" : "the cumulative dose per kg";
  const parts = [
    `Scatter chart of ${armsInTrials(points.length, trials)}: dose per kg per infusion (logarithmic) against ${what}; flat doses divided by ${o.weightKg} kg.`,
    ...points.slice(0, o.summaryLimit ?? points.length).map((p) => `${p.trialId} ${p.armLabel}: ${pointDose(p, " cells/kg")}${p.estimated ? " (estimated)" : ""}, ${
      o.y === "infusions" ? (p.infusions === null ? "infusions not reported" : `${p.infusions} infusion${p.infusions === 1 ? "" : "s"}`) : (p.cumulativeCellsPerKg === null ? "cumulative not reported" : `${formatCells(p.cumulativeCellsPerKg)} cells/kg in all`)}.`),
  ];
  const unnamed = points.length - Math.min(points.length, o.summaryLimit ?? points.length);
  if (unnamed) parts.push(`And ${unnamed} more ${unnamed === 1 ? "arm" : "arms"}, listed in the CSV download.`);
  if (noY) parts.push(`${noY} of them ${o.y === "infusions" ? "state no number of infusions" : "have no cumulative dose"}.`);
  if (noDose) parts.push(`${armsInTrials(noDose, noDoseTrials)} state no single dose (none, two amounts or dose levels) and are not drawn.`);
  return parts.join(" ");
}
