"use client";

import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import type { YAxisTickContentProps } from "recharts/types/util/types";
import type { ScheduleChartData, ScheduleMark } from "@/lib/compare/chart-rows";
import { SCHEDULE_CHART_EXTRA, LABEL_WIDTH, Pill, RowTick, rowsHeight } from "./chart-parts";
import { CHART_INK } from "@/lib/chart/colours";

type Point = { cx?: number; cy?: number; payload?: unknown };

/** One row per arm, a mark on each infusion day: filled circles MSC, hollow diamonds placebo. */
export function ScheduleChart({ data }: { data: ScheduleChartData }) {
  const last = data.rows.length - 1;
  return (
    <ScatterChart
      responsive
      style={{ width: "100%", height: rowsHeight(data.rows, SCHEDULE_CHART_EXTRA) }}
      margin={{ top: 4, right: 16, bottom: 16, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke={CHART_INK.grid} horizontal={false} />
      <XAxis
        type="number"
        dataKey="day"
        domain={[0, data.maxDay]}
        ticks={data.ticks}
        padding={{ left: 8, right: 8 }}
        tick={{ fontSize: 12, fill: CHART_INK.tick }}
        stroke={CHART_INK.axis}
        label={{ value: "day from first infusion", position: "insideBottom", offset: -10, fontSize: 12, fill: CHART_INK.tick }}
      />
      <YAxis
        type="number"
        dataKey="row"
        domain={[-0.5, last + 0.5]}
        ticks={data.rows.map((r) => r.index)}
        reversed
        interval={0}
        width={LABEL_WIDTH}
        tickLine={false}
        stroke={CHART_INK.axis}
        tick={(p: YAxisTickContentProps) => <RowTick x={Number(p.x)} y={Number(p.y)} row={data.rows[Number(p.payload?.value)]} />}
      />
      <Scatter data={data.marks.filter((m) => m.product === "MSC")} isAnimationActive={false} shape={(p: Point) => <Mark {...p} />} />
      <Scatter data={data.marks.filter((m) => m.product === "PLACEBO")} isAnimationActive={false} shape={(p: Point) => <Mark {...p} />} />
      <Scatter data={data.notes} isAnimationActive={false} shape={(p: Point) => <Note {...p} />} />
    </ScatterChart>
  );
}

function Mark({ cx = 0, cy = 0, payload }: Point) {
  const m = payload as ScheduleMark;
  const common = { "data-testid": "schedule-mark", "data-product": m.product, "data-arm": m.key.split(":").slice(0, 2).join(":") };
  if (m.product === "MSC") {
    return (
      <circle {...common} cx={cx} cy={cy} r={4.5} fill={m.color} stroke="white" strokeWidth={1}>
        <title>{m.label}</title>
      </circle>
    );
  }
  return (
    <path {...common} d={`M${cx} ${cy - 6}L${cx + 6} ${cy}L${cx} ${cy + 6}L${cx - 6} ${cy}Z`} fill="white" stroke={m.color} strokeWidth={2}>
      <title>{m.label}</title>
    </path>
  );
}

function Note({ cx = 0, cy = 0, payload }: Point) {
  const n = payload as { text: string };
  return (
    <g data-testid="schedule-note">
      <Pill x={cx + 2} y={cy} text={n.text} color={CHART_INK.note} italic />
    </g>
  );
}
