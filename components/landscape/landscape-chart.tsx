"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { CartesianGrid, ErrorBar, ReferenceArea, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { formatCellRange, formatCells, label } from "@/lib/format";
import { chartDataOf, type ChartData, type ChartWire, type DrawnPoint } from "@/lib/landscape/page";
import { pointDose } from "@/lib/landscape/shape";
import { CHART_INK, KABAT_BAND_INK } from "@/lib/chart/colours";
import { LANDSCAPE_HEIGHT } from "./chart-size";

/** The points stated as ranges, grouped by their colour. */
function rangeSeries(points: DrawnPoint[]): [string, DrawnPoint[]][] {
  const by = new Map<string, DrawnPoint[]>();
  for (const p of points) if (p.range) by.set(p.color, [...(by.get(p.color) ?? []), p]);
  return [...by.entries()];
}

const TICK = { fontSize: 12, fill: CHART_INK.tick };
const MARGIN = { top: 12, right: 24, bottom: 28, left: 12 };
const SIZE = { width: "100%", height: LANDSCAPE_HEIGHT };
const X_LABEL = { value: "Cells per kg per infusion (log scale)", position: "insideBottom", offset: -18, fontSize: 12, fill: CHART_INK.label } as const;
const BAND_LABEL = { value: "Kabat 2020: 70–190 million cells", position: "insideTop", fontSize: 11, fill: KABAT_BAND_INK.label } as const;

/**
 * What the chart draws, worked out once per data set. Recharts 3 keeps its state in a store
 * and draws a chart in several synchronous passes (measuring its box, registering the axes
 * and each series) in one task, which React cannot split: an array or object made afresh
 * on each pass (a sorted copy of the points, the ticks, a label) reads to its memoised
 * selectors as new input. Everything it is given is therefore the same object from pass to
 * pass. (The drawing of the full corpus's 305 points is still one task: about 140 ms of
 * main-thread time on the 2-core host, against 145–152 ms before; scripts/profile-load.ts
 * with VIEWPORT=412x2400.)
 */
function useDrawing(data: ChartData | null) {
  return useMemo(() => {
    if (!data) return null;
    const infusions = data.y === "infusions";
    return {
      // The largest first, so a small trial's point is drawn on top of a large one at the same place.
      points: data.points.filter((p) => !p.range).sort((a, b) => b.radius - a.radius),
      ranges: rangeSeries(data.points),
      yTicks: [data.laneY, ...data.yTicks],
      // The "not reported" lane: below the axis's values, shaded and labelled.
      laneTop: infusions ? -0.4 : data.laneY * 3,
      yLabel: { value: infusions ? "MSC infusions" : "Cumulative cells/kg (log)", angle: -90, position: "insideLeft", offset: 4, fontSize: 12, fill: CHART_INK.label, dy: 60 } as const,
      yFormat: (v: number) => (v === data.laneY ? "not reported" : infusions ? String(v) : formatCells(v)),
    };
  }, [data]);
}
const xFormat = (v: number) => formatCells(v);

/**
 * The dose landscape: draws the points lib/landscape shaped, nothing more. Hover or click
 * a point for its trial, arm and source words, with a link to the arm; estimated points
 * (flat dose ÷ reference weight) are hollow and labelled "est.".
 */
export function LandscapeChart({ src }: { src: string }) {
  // The points, fetched from the page's own route in columns (lib/landscape/page.ts): the
  // page itself carries none of them, whatever the size of the registry.
  const [loaded, setLoaded] = useState<{ src: string; data: ChartData | null; error: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    fetch(src)
      .then(async (res) => {
        if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: string } | null)?.error ?? `the server answered ${res.status}`);
        return chartDataOf((await res.json()) as ChartWire);
      })
      .then((data) => live && setLoaded({ src, data, error: null }), (e: unknown) => live && setLoaded({ src, data: null, error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, [src]);
  const [active, setActive] = useState<{ point: DrawnPoint; x: number; y: number; pinned: boolean } | null>(null);
  const data = loaded && loaded.src === src ? loaded.data : null;
  const drawing = useDrawing(data);
  // One shape function for every pass (Recharts calls it for each point).
  const Point = useCallback((props: { cx?: number; cy?: number; payload?: DrawnPoint }) => {
    const { cx = 0, cy = 0, payload: p } = props;
    if (!p) return <g />;
    const show = (pinned: boolean) => setActive((a) => (a?.pinned && !pinned ? a : { point: p, x: cx, y: cy, pinned }));
    if (p.range) {
      // A dose stated as a range: its interval (the error bar drawn around it), no point and no middle mark
      // (which would read as a dose), and the word "range".
      return (
        <g data-testid="landscape-point" data-key={p.key} data-estimated={p.estimated} data-range="true" style={{ cursor: "pointer" }}
          onMouseEnter={() => show(false)} onClick={() => show(true)}>
          <rect x={cx - 14} y={cy - 9} width={28} height={18} fill="transparent" />
          <text x={cx} y={cy - 8} fontSize={11} fill={CHART_INK.label} textAnchor="middle" fontStyle="italic">{p.estimated ? "range, est." : "range"}</text>
        </g>
      );
    }
    return (
      <g data-testid="landscape-point" data-key={p.key} data-estimated={p.estimated} style={{ cursor: "pointer" }}
        onMouseEnter={() => show(false)} onClick={() => show(true)}>
        <circle cx={cx} cy={cy} r={p.radius} fill={p.estimated ? "white" : p.color} fillOpacity={p.estimated ? 1 : 0.75}
          stroke={p.enrollment === null ? CHART_INK.tick : p.color} strokeWidth={p.estimated ? 2.5 : 1.5}
          strokeDasharray={p.enrollment === null ? "2 2" : undefined} />
        {p.estimated && <text x={cx + p.radius + 3} y={cy + 4} fontSize={11} fill={CHART_INK.estimated} fontStyle="italic">est.</text>}
      </g>
    );
  }, []);
  // The drawing, made again only when the data change: hovering a point (which sets
  // `active`, for its card) re-renders the card, not the chart's hundreds of points.
  const infusions = data?.y === "infusions";
  const chart = useMemo(() => {
    if (!data || !drawing) return null;
    return (
      <ScatterChart responsive style={SIZE} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_INK.grid} />
        <ReferenceArea x1={data.band[0]} x2={data.band[1]} fill={KABAT_BAND_INK.fill} fillOpacity={0.12} stroke={KABAT_BAND_INK.stroke} strokeOpacity={0.4} strokeDasharray="4 3" ifOverflow="hidden"
          label={BAND_LABEL} />
        <ReferenceArea y1={data.yDomain[0]} y2={drawing.laneTop} fill={CHART_INK.grid} fillOpacity={0.6} ifOverflow="hidden" />
        <XAxis type="number" dataKey="plotX" scale="log" domain={data.xDomain} ticks={data.xTicks} allowDataOverflow
          tickFormatter={xFormat} tick={TICK} stroke={CHART_INK.axis} label={X_LABEL} />
        <YAxis type="number" dataKey="plotY" scale={infusions ? "linear" : "log"} domain={data.yDomain} ticks={drawing.yTicks} allowDataOverflow
          tickFormatter={drawing.yFormat} tick={TICK} stroke={CHART_INK.axis} width={96} label={drawing.yLabel} />
        <Scatter data={drawing.points} isAnimationActive={false} shape={Point} />
        {/* Doses stated as ranges: an interval from min to max, one series per colour (an error bar has one stroke). */}
        {drawing.ranges.map(([color, points]) => (
          <Scatter key={color} data={points} isAnimationActive={false} shape={Point}>
            <ErrorBar dataKey="errorX" direction="x" stroke={color} strokeWidth={3} width={8} isAnimationActive={false} />
          </Scatter>
        ))}
      </ScatterChart>
    );
  }, [data, drawing, infusions, Point]);
  if (!loaded || loaded.src !== src) return <p className="text-sm text-slate-600" data-testid="landscape-loading">Drawing the chart…</p>;
  if (!chart) return <p className="text-sm text-red-900" data-testid="landscape-chart-error">The chart could not be drawn ({loaded.error}); the table view gives the same values.</p>;
  return (
    <div className="relative" onMouseLeave={() => setActive((a) => (a?.pinned ? a : null))}>
      {chart}
      {active && <PointCard {...active} onClose={() => setActive(null)} />}
    </div>
  );
}

function PointCard({ point: p, x, y, pinned, onClose }: { point: DrawnPoint; x: number; y: number; pinned: boolean; onClose: () => void }) {
  return (
    <div role="tooltip" data-testid="landscape-tooltip"
      className="absolute z-10 w-72 rounded border border-slate-300 bg-white p-2 text-xs text-slate-800 shadow-lg"
      style={{ left: Math.max(0, x - 300 < 0 ? x + 14 : x - 302), top: Math.max(0, y - 20) }}>
      {pinned && <button type="button" tabIndex={-1} onClick={onClose} className="float-right px-1 text-slate-600" aria-label="Close">×</button>}
      <p className="font-semibold">{p.trialId}: {p.armLabel}</p>
      {p.trialTitle && <p className="text-slate-600">{p.trialTitle}</p>}
      <p className="mt-1">
        {pointDose(p, " cells/kg per infusion")}{p.estimated ? ` (estimated: flat ${p.statedRange ? `${formatCellRange(p.statedRange.min, p.statedRange.max)} cells, a range` : `${formatCells(p.flatCellsPerInfusion)} cells`})` : ""};{" "}
        {p.infusions === null ? "infusions not reported" : `${p.infusions} MSC infusion${p.infusions === 1 ? "" : "s"}`};{" "}
        enrollment {p.enrollment ?? "not reported"}; {p.route ? `route: ${label(p.route).toLowerCase()}` : "route not reported"};{" "}
        {p.cellSource ? `cells: ${label(p.cellSource).toLowerCase()}` : "cell source not reported"}
      </p>
      <p className="mt-1 text-slate-600">Dose words: “{p.doseText}”</p>
      {p.routeText && <p className="text-slate-600">Route words: “{p.routeText}”</p>}
      <a href={p.href} tabIndex={-1} className="mt-1 inline-block font-medium" data-testid="landscape-tooltip-link">Open this arm on the trial page →</a>
    </div>
  );
}
