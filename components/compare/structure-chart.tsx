"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { StructureChartData, StructureRow } from "@/lib/compare/chart-rows";
import { HatchPatterns, hatchFill, rowAxisProps, rowChartProps } from "./chart-parts";
import { CHART_INK } from "@/lib/chart/colours";

/**
 * Each trial's arms as a 100% bar per randomisation stage: MSC arms solid in the trial's
 * colour, placebo hatched grey, no intervention white. Shares the record does not give
 * are drawn dashed with equal widths and a "?".
 */
export function StructureChart({ data, chartId }: { data: StructureChartData; chartId: string }) {
  const rows = data.rows.map((r) => {
    const out: Record<string, unknown> = { key: r.key, row: r, offset: r.segments[0]?.start ?? 0 };
    r.segments.forEach((s, i) => (out[`s${i}`] = s.width));
    return out;
  });
  const series = Array.from({ length: data.maxSegments }, (_, i) => i);
  return (
    <BarChart {...rowChartProps(data.rows)} data={rows}>
      <HatchPatterns prefix={chartId} />
      <CartesianGrid horizontal={false} stroke={CHART_INK.grid} />
      <XAxis
        type="number"
        domain={[0, 1]}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
        tick={{ fontSize: 12, fill: CHART_INK.tick }}
        stroke={CHART_INK.axis}
      />
      <YAxis {...rowAxisProps(data.rows)} />
      <Bar dataKey="offset" stackId="s" isAnimationActive={false} shape={() => <g />} />
      {series.map((i) => (
        <Bar
          key={i}
          dataKey={`s${i}`}
          stackId="s"
          isAnimationActive={false}
          shape={(p: BarShapeProps) => <Segment {...p} index={i} prefix={chartId} />}
        />
      ))}
    </BarChart>
  );
}

function Segment(props: BarShapeProps & { index: number; prefix: string }) {
  const row = (props.payload as { row: StructureRow }).row;
  const seg = row.segments[props.index];
  if (!seg) return <g />;
  const { x, y, width, height, prefix } = props;
  const h = Math.min(height, 22);
  const top = y + (height - h) / 2;
  const fill = seg.kind === "msc" ? row.color : seg.kind === "placebo" ? hatchFill(prefix, "grey") : "white";
  const stroke = seg.kind === "msc" ? "white" : CHART_INK.note;
  const text = seg.share === null ? "?" : `${Math.round(seg.share * 100)}%`;
  const textFill = seg.kind === "msc" ? "white" : CHART_INK.text;
  return (
    <g data-testid="structure-segment" data-kind={seg.kind} data-share={seg.share ?? ""}>
      <title>{seg.text}</title>
      <rect x={x} y={top} width={Math.max(width, 0)} height={h} fill={fill} stroke={seg.share === null && seg.kind === "msc" ? CHART_INK.text : stroke} strokeWidth={1.5} strokeDasharray={seg.share === null ? "4 3" : undefined} />
      {width > 30 && (
        <g>
          {seg.kind === "placebo" && <rect x={x + width / 2 - 17} y={top + h / 2 - 8} width={34} height={16} rx={3} fill="white" />}
          <text x={x + width / 2} y={top + h / 2} dy="0.35em" textAnchor="middle" fontSize={12} fontWeight={600} fill={textFill}>{text}</text>
        </g>
      )}
    </g>
  );
}
