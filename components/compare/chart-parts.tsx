import type { YAxisTickContentProps } from "recharts/types/util/types";
import { CHART_INK, TRIAL_COLORS } from "@/lib/chart/colours";

/** Shared pieces of the comparison charts (SVG only; imported by the client charts). */

export const ROW_HEIGHT = 34;
export const LABEL_WIDTH = 156; // 18 characters of capitals ("Medium dose UCMSCs") at 12 px
// About 6.8px a character at 12px: two lines of this fit LABEL_WIDTH with room to spare.
const CHARS_PER_LINE = 18;

/** Hatching in each trial colour: how an estimated (flat-dose) value is drawn. */
export function HatchPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {TRIAL_COLORS.map((c, i) => (
        <pattern key={c} id={`${prefix}-hatch-${i}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="white" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={c} strokeWidth="3" />
        </pattern>
      ))}
      <pattern id={`${prefix}-hatch-grey`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="white" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_INK.hatch} strokeWidth="2" />
      </pattern>
    </defs>
  );
}

export function hatchFill(prefix: string, color: string): string {
  const i = (TRIAL_COLORS as readonly string[]).indexOf(color);
  return `url(#${prefix}-hatch-${i < 0 ? "grey" : i})`;
}

/** Up to two lines of a label, the second ending in "…" when cut. */
export function wrapLabel(text: string, width = CHARS_PER_LINE): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [""];
  for (const w of words) {
    const cur = lines[lines.length - 1]!;
    if (!cur) lines[lines.length - 1] = w;
    else if ((cur + " " + w).length <= width) lines[lines.length - 1] = cur + " " + w;
    else lines.push(w);
  }
  if (lines.length > 2) {
    const second = lines.slice(1).join(" ");
    return [lines[0]!, second.length > width ? second.slice(0, width - 1).trimEnd() + "…" : second];
  }
  return lines.map((l) => (l.length > width ? l.slice(0, width - 1) + "…" : l));
}

export interface RowLabel {
  label: string;
  header: boolean;
  color: string;
}

/** A y-axis tick: the arm's label, or the trial id (bold, in its colour) on a header row. */
export function RowTick({ x, y, row }: { x: number; y: number; row: RowLabel | undefined }) {
  if (!row) return null;
  if (row.header) {
    return (
      <text x={4} y={y} dy="0.35em" fontSize={13} fontWeight={700} fill={row.color} textAnchor="start">
        {row.label}
      </text>
    );
  }
  const lines = wrapLabel(row.label);
  return (
    <text x={x - 6} y={y} fontSize={12} fill={CHART_INK.label} textAnchor="end">
      <title>{row.label}</title>
      {lines.map((l, i) => (
        <tspan key={i} x={x - 6} dy={i === 0 ? (lines.length === 1 ? "0.35em" : "-0.2em") : "1.1em"}>{l}</tspan>
      ))}
    </text>
  );
}

/** A label with a white backing so it reads over hatching and grid lines. */
export function pillWidth(text: string): number {
  return text.length * 6.4 + 8;
}

export function Pill({ x, y, text, anchor = "start", color = CHART_INK.text, italic = false }: { x: number; y: number; text: string; anchor?: "start" | "end"; color?: string; italic?: boolean }) {
  const w = pillWidth(text);
  const left = anchor === "start" ? x : x - w;
  return (
    <g>
      <rect x={left} y={y - 9} width={w} height={18} rx={3} fill="white" fillOpacity={0.92} />
      <text x={left + 4} y={y} dy="0.35em" fontSize={12} fill={color} fontStyle={italic ? "italic" : undefined}>{text}</text>
    </g>
  );
}

/** Room for the axis below the rows: bar charts, and the schedule (with its axis title). */
export const BAR_CHART_EXTRA = 36;
export const SCHEDULE_CHART_EXTRA = 44;

/** Category bands are equal, so a chart's height follows its number of rows. */
export function rowsHeight(rows: unknown[], extra: number): number {
  return rows.length * ROW_HEIGHT + extra;
}

/** Props of the category axis that labels one row per arm (spread into <YAxis>). */
export function rowAxisProps(rows: (RowLabel & { key: string })[]) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    type: "category" as const,
    dataKey: "key",
    width: LABEL_WIDTH,
    interval: 0 as const,
    tickLine: false,
    stroke: CHART_INK.axis,
    tick: (p: YAxisTickContentProps) => <RowTick x={Number(p.x)} y={Number(p.y)} row={byKey.get(String(p.payload?.value))} />,
  };
}

/** Props of a horizontal bar chart with one row per arm (spread into <BarChart>). */
export function rowChartProps(rows: unknown[]) {
  return {
    layout: "vertical" as const,
    responsive: true,
    style: { width: "100%", height: rowsHeight(rows, BAR_CHART_EXTRA) },
    margin: { top: 4, right: 12, bottom: 4, left: 0 },
    barCategoryGap: 6,
    accessibilityLayer: false,
  };
}
