"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { BarChartData, BarRow } from "@/lib/compare/chart-rows";
import { formatCells } from "@/lib/format";
import { HatchPatterns, hatchFill, Pill, pillWidth, rowAxisProps, rowChartProps } from "./chart-parts";
import { CHART_INK } from "@/lib/chart/colours";

/**
 * Bars of a per-kg dose, one per arm, grouped by trial. An estimated value (a flat dose
 * over the reference weight) is hatched and outlined; an arm with no value gets words
 * ("not reported", "placebo (no cells)"), never a zero-length bar. A dose stated as a range is
 * an interval from its low to its high end, with end marks and "(range)" in its label.
 */
export function DoseChart({ data, chartId }: { data: BarChartData; chartId: string }) {
  const Shape = (props: BarShapeProps) => <DoseBar {...props} prefix={chartId} />;
  return (
    <BarChart {...rowChartProps(data.rows)} data={data.rows}>
      <HatchPatterns prefix={chartId} />
      <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
      <XAxis
        type="number"
        dataKey="plotted"
        scale={data.scale}
        domain={data.domain}
        ticks={data.ticks}
        allowDataOverflow
        tickFormatter={(v: number) => formatCells(v)}
        tick={{ fontSize: 12, fill: CHART_INK.tick }}
        stroke={CHART_INK.axis}
      />
      <YAxis {...rowAxisProps(data.rows)} />
      <Bar dataKey="plotted" isAnimationActive={false} shape={Shape} />
    </BarChart>
  );
}

function DoseBar(props: BarShapeProps & { prefix: string }) {
  const row = props.payload as BarRow;
  const { x, y, width, height, prefix } = props;
  if (row.header || row.status === null) return <g />;
  const barH = Math.min(height, 18);
  const top = y + (height - barH) / 2;
  const mid = top + barH / 2;
  const common = { "data-testid": "dose-bar", "data-status": row.status, "data-arm": row.key };
  if (row.status === "range" && row.low !== null && row.fraction > 0) {
    // An interval bar from the low end to the high end (x + width), never a bar from the axis.
    const lowX = x + width * (row.lowFraction / row.fraction);
    const highX = x + width;
    const plotRight = x + width / row.fraction;
    const pw = pillWidth(row.text);
    const after = highX + 4 + pw <= plotRight;
    return (
      <g {...common} data-low={row.low} data-high={row.value ?? undefined}>
        <title>{`${row.trialId} ${row.label}: ${row.text}`}</title>
        <line x1={lowX} x2={highX} y1={mid} y2={mid} stroke={row.color} strokeWidth={4} strokeDasharray={row.estimated ? "6 3" : undefined} />
        <line x1={lowX} x2={lowX} y1={top} y2={top + barH} stroke={row.color} strokeWidth={2} />
        <line x1={highX} x2={highX} y1={top} y2={top + barH} stroke={row.color} strokeWidth={2} />
        <Pill x={after ? highX + 4 : lowX - 4} y={mid} text={row.text} anchor={after ? "start" : "end"} />
      </g>
    );
  }
  if (row.status !== "value" && row.status !== "estimated") {
    return (
      <g {...common}>
        <title>{`${row.trialId} ${row.label}: ${row.text}`}</title>
        <Pill x={x + 4} y={mid} text={row.text} color={CHART_INK.note} italic />
      </g>
    );
  }
  const estimated = row.status === "estimated";
  // The label goes after the bar when it fits before the plot's right edge, else inside it,
  // else right-aligned to the edge (its white backing keeps it readable over the bar).
  const plotRight = row.fraction > 0 ? x + width / row.fraction : Infinity;
  const pw = pillWidth(row.text);
  const after = x + width + 4 + pw <= plotRight;
  const labelX = after ? x + width + 4 : width >= pw + 8 ? x + width - 4 : plotRight;
  return (
    <g {...common}>
      <title>{`${row.trialId} ${row.label}: ${row.text}`}</title>
      <rect
        x={x} y={top} width={Math.max(width, 1)} height={barH}
        fill={estimated ? hatchFill(prefix, row.color) : row.color}
        stroke={row.color} strokeWidth={estimated ? 2 : 0} strokeDasharray={estimated ? "4 2" : undefined}
      />
      <Pill x={labelX} y={mid} text={row.text} anchor={after ? "start" : "end"} />
    </g>
  );
}
