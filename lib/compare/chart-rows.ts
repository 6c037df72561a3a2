import { formatCellRange, formatCells, label as enumLabel, NOT_REPORTED } from "../format";
import { fractionOf, valueDomain, type Scale } from "../chart/domain";
import type { ArmKind, ComparedArm, Comparison, ComparedTrial } from "./shape";

/**
 * Rows for the comparison charts: pure shaping, so the chart components only draw what
 * they are given. Every chart has one header row per trial (its id, in its colour)
 * followed by one row per arm, so arms are grouped by trial on all charts alike.
 */

export type BarStatus = "value" | "estimated" | "range" | "not-reported" | "placebo" | "no-intervention";

interface RowBase {
  key: string;
  trialId: string;
  color: string;
  /** The arm label, or the trial id on a header row. */
  label: string;
  header: boolean;
}

export interface BarRow extends RowBase {
  status: BarStatus | null;
  value: number | null;
  /** What the bar is drawn to: the value, or the axis start when there is none (never a zero bar). */
  plotted: number;
  /** Where the value sits along the axis, 0–1 (for placing its label). */
  fraction: number;
  text: string;
  /** A dose stated as a range: its ends (the bar is drawn from `low` to `value` = the high end), else null. */
  low: number | null;
  lowFraction: number;
  /** A range from a flat dose over the reference weight. */
  estimated: boolean;
}

export interface BarChartData {
  metric: DoseMetric;
  scale: Scale;
  rows: BarRow[];
  domain: [number, number];
  ticks: number[];
  /** What the chart shows, in words, for screen readers. */
  summary: string;
}

export type DoseMetric = "perInfusion" | "cumulative";
export const METRIC_TITLES: Record<DoseMetric, string> = {
  perInfusion: "Dose per kg per infusion",
  cumulative: "Cumulative dose per kg over the regimen",
};

function header(t: ComparedTrial): RowBase {
  return { key: `${t.id}:header`, trialId: t.id, color: t.color, label: t.id, header: true };
}

function barStatus(arm: ComparedArm, value: number | null): BarStatus {
  if (arm.kind === "placebo") return "placebo";
  if (arm.kind === "none") return "no-intervention";
  if (value === null) return "not-reported";
  return arm.estimated ? "estimated" : "value";
}

const STATUS_TEXT: Record<Exclude<BarStatus, "value" | "estimated" | "range">, string> = {
  "not-reported": NOT_REPORTED,
  placebo: "placebo (no cells)",
  "no-intervention": "no intervention",
};

export function barText(status: BarStatus, value: number | null): string {
  if (status === "value") return `${formatCells(value)}/kg`;
  if (status === "estimated") return `${formatCells(value)}/kg estimated`;
  if (status === "range") return "range"; // its words come from rangeText
  return STATUS_TEXT[status];
}

/** A range per kg as the chart and table say it: "2.5–5×10⁶/kg (range)", "… (range, estimated)". */
export function rangeText(r: { min: number; max: number; estimated: boolean }): string {
  return `${formatCellRange(r.min, r.max)}/kg (range${r.estimated ? ", estimated" : ""})`;
}

export function doseChartData(c: Comparison, metric: DoseMetric, scale: Scale): BarChartData {
  const pick = (a: ComparedArm) => (metric === "perInfusion" ? a.cellsPerKgPerInfusion : a.cumulativeCellsPerKg);
  // A range is drawn per infusion only: the cumulative dose of a range is not one number either.
  const rangeOf = (a: ComparedArm) => (metric === "perInfusion" && a.kind === "msc" ? a.cellsPerKgRange : null);
  const values = c.trials.flatMap((t) => t.arms.flatMap((a) => {
    const r = rangeOf(a);
    return r ? [r.min, r.max] : [pick(a)].filter((v): v is number => v !== null);
  }));
  const { domain, ticks } = valueDomain(values, scale);
  const rows: BarRow[] = [];
  const sentences: string[] = [];
  for (const t of c.trials) {
    rows.push({ ...header(t), status: null, value: null, plotted: domain[0], fraction: 0, text: t.title ?? "", low: null, lowFraction: 0, estimated: false });
    const parts: string[] = [];
    for (const a of t.arms) {
      const r = rangeOf(a);
      const value = r ? r.max : pick(a);
      const status = r ? "range" : barStatus(a, value);
      const text = r ? rangeText(r) : status === "not-reported" && a.range ? `${NOT_REPORTED} (dose stated as a range)` : barText(status, value);
      rows.push({
        key: a.key, trialId: t.id, color: t.color, label: a.label, header: false, status, value,
        plotted: value ?? domain[0], fraction: value === null ? 0 : fractionOf(value, domain, scale), text,
        low: r ? r.min : null, lowFraction: r ? fractionOf(r.min, domain, scale) : 0, estimated: r ? r.estimated : status === "estimated",
      });
      parts.push(`${a.label}: ${text}`);
    }
    sentences.push(`${t.id}: ${parts.join("; ") || "no arms"}.`);
  }
  const what = metric === "perInfusion" ? "MSC cells per kg body weight in each infusion" : "MSC cells per kg body weight summed over all infusions";
  return {
    metric, scale, rows, domain, ticks,
    summary: `Bar chart of ${what}, ${scale === "log" ? "logarithmic" : "linear"} scale, reference weight ${c.weightKg} kg for flat doses. ${sentences.join(" ")}`,
  };
}

export interface ScheduleRow extends RowBase {
  index: number;
  /** Said on the row when it has no marks (or not all of them): "schedule not reported". */
  note: string | null;
}
export interface ScheduleMark {
  key: string;
  row: number;
  day: number;
  product: "MSC" | "PLACEBO";
  color: string;
  label: string;
}
export interface ScheduleChartData {
  rows: ScheduleRow[];
  marks: ScheduleMark[];
  notes: { row: number; day: number; text: string }[];
  maxDay: number;
  ticks: number[];
  summary: string;
}

function scheduleNote(a: ComparedArm): string | null {
  if (a.kind === "none") return "no intervention";
  // Kept short: the note sits on the chart, beside the row's label (which says placebo).
  if (a.kind === "placebo") return a.placeboDayOffsets === null ? "days not reported" : null;
  const missing: string[] = [];
  if (a.mscDayOffsets === null) missing.push(a.unstated.find((u) => u.startsWith("schedule changes frequency")) ?? "MSC days not reported");
  if (a.placeboInfusions !== 0 && a.placeboDayOffsets === null) missing.push("placebo days not reported");
  return missing.length ? missing.join("; ") : null;
}

function daysText(d: number[] | null): string {
  return d === null ? NOT_REPORTED : d.length ? `day ${d.join(", ")}` : "none";
}

export function scheduleChartData(c: Comparison): ScheduleChartData {
  const rows: ScheduleRow[] = [];
  const marks: ScheduleMark[] = [];
  const notes: ScheduleChartData["notes"] = [];
  const sentences: string[] = [];
  for (const t of c.trials) {
    rows.push({ ...header(t), index: rows.length, note: null });
    const parts: string[] = [];
    for (const a of t.arms) {
      const row = rows.length;
      const note = scheduleNote(a);
      rows.push({ key: a.key, trialId: t.id, color: t.color, label: a.label, header: false, index: row, note });
      const add = (days: number[] | null, product: "MSC" | "PLACEBO") => {
        for (const day of days ?? []) {
          marks.push({ key: `${a.key}:${product}:${day}`, row, day, product, color: t.color, label: `${t.id} ${a.label}: ${product === "MSC" ? "MSC" : "placebo"} infusion on day ${day}` });
        }
      };
      add(a.mscDayOffsets, "MSC");
      add(a.placeboDayOffsets, "PLACEBO");
      const lastDay = Math.max(-1, ...(a.mscDayOffsets ?? []), ...(a.placeboDayOffsets ?? []));
      if (note) notes.push({ row, day: lastDay + 1, text: note });
      const said = [a.kind === "msc" ? `MSC ${daysText(a.mscDayOffsets)}` : null, a.placeboDayOffsets?.length || a.placeboDayOffsets === null && a.kind === "placebo" ? `placebo ${daysText(a.placeboDayOffsets)}` : null, a.kind === "none" ? "no intervention" : null].filter(Boolean);
      parts.push(`${a.label}: ${said.join(", ")}`);
    }
    sentences.push(`${t.id}: ${parts.join("; ")}.`);
  }
  const maxDay = Math.max(63, ...marks.map((m) => Math.ceil((m.day + 1) / 7) * 7));
  const ticks: number[] = [];
  for (let d = 0; d <= maxDay; d += maxDay > 100 ? 14 : 7) ticks.push(d);
  return {
    rows, marks, notes, maxDay, ticks,
    summary: `Infusion schedule, one row per arm, days from each arm's first infusion; filled marks are MSC infusions, hollow marks placebo. ${sentences.join(" ")}`,
  };
}

export interface StructureSegment {
  key: string;
  /** Position and width along the row, as fractions of enrollment (0–1). */
  start: number;
  width: number;
  label: string;
  kind: ArmKind;
  /** The planned share, or null when the record gives no ratio (then drawn dashed, widths equal). */
  share: number | null;
  text: string;
}
export interface StructureRow extends RowBase {
  segments: StructureSegment[];
}
export interface StructureChartData {
  rows: StructureRow[];
  /** The largest number of segments on one row (the chart draws that many stacked series). */
  maxSegments: number;
  summary: string;
}

const KIND_WORDS: Record<ArmKind, string> = { msc: "MSC", placebo: "placebo", none: "no intervention" };

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function structureChartData(c: Comparison): StructureChartData {
  const rows: StructureRow[] = [];
  const sentences: string[] = [];
  for (const t of c.trials) {
    rows.push({ ...header(t), segments: [] });
    const parts: string[] = [];
    if (t.stages.length === 0) {
      const n = t.arms.length;
      rows.push({
        key: `${t.id}:arms`, trialId: t.id, color: t.color, header: false,
        label: `${t.arms.length} arms, ratio not reported`,
        segments: t.arms.map((a, i) => ({
          key: a.key, start: i / n, width: 1 / n, label: a.label, kind: a.kind, share: null,
          text: `${a.label} (${enumLabel(a.type)}): share not reported`,
        })),
      });
      parts.push(`${n} arms, no allocation ratio given: ${t.arms.map((a) => `${a.label} (${enumLabel(a.type)})`).join(", ")}`);
    }
    let previous: StructureSegment[] = [];
    for (const [si, stage] of t.stages.entries()) {
      const ratios = stage.groups.map((g) => g.ratio);
      const known = ratios.every((r): r is number => r !== null);
      const parentLabel = stage.groups[0]?.fromGroup ?? null;
      const parent = parentLabel ? previous.find((s) => s.label === parentLabel) : undefined;
      const [base, span] = parent ? [parent.start, parent.width] : [0, 1];
      const total = known ? ratios.reduce((s, r) => s + r, 0) : stage.groups.length;
      let at = base;
      const segments = stage.groups.map((g, gi) => {
        const width = (known ? g.ratio! / total : 1 / total) * span;
        const share = known ? width : null;
        const seg: StructureSegment = {
          key: `${t.id}:s${si}:g${gi}`, start: at, width, label: g.label, kind: g.kind, share,
          text: `${g.label} (${KIND_WORDS[g.kind]})${g.ratio !== null ? `, ratio ${g.ratio}` : ""}${share !== null ? `, ${pct(share)} of enrollment` : ", share not reported"}${g.count !== null ? `, ${g.count} patients` : ""}`,
        };
        at += width;
        return seg;
      });
      const ratioText = known ? ` ${ratios.join(":")}` : "";
      rows.push({
        key: `${t.id}:s${si}`, trialId: t.id, color: t.color, header: false,
        label: `${stage.label}${ratioText}${parent ? " (re-randomised)" : ""}`,
        segments,
      });
      parts.push(`${stage.label}${stage.description ? ` (${stage.description})` : ""}: ${segments.map((s) => s.text).join("; ")}`);
      previous = segments;
    }
    sentences.push(`${t.id}: ${parts.join(". ")}.`);
  }
  return {
    rows,
    maxSegments: Math.max(1, ...rows.map((r) => r.segments.length)),
    summary: `Arm structure: for each trial, its arms by type and their planned share of enrollment where the record gives a ratio. ${sentences.join(" ")}`,
  };
}
