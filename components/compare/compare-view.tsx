import { doseChartData, METRIC_TITLES, scheduleChartData, structureChartData } from "@/lib/compare/chart-rows";
import type { CompareView as View } from "@/lib/compare/load";
import { MAX_TRIALS, type Tab } from "@/lib/compare/params";
import { ReferenceWeightExplainer } from "@/components/ui/reference-weight";
import { AddTrialsForm } from "./add-trials-form";
import { ChartFigure } from "@/components/ui/chart-figure";
import { BAR_CHART_EXTRA, rowsHeight, SCHEDULE_CHART_EXTRA } from "./chart-parts";
import { ChartTabs, ExportActions, ScaleToggle, WeightControl } from "./compare-controls";
import { CompareTable } from "./compare-table";
import { CompareLegend } from "./legend";
import { LazyDoseChart as DoseChart, LazyScheduleChart as ScheduleChart, LazyStructureChart as StructureChart } from "./lazy-charts";

// A4 landscape; the charts' SVGs scale down to the printed width.
const PRINT_CSS = `@media print {
  @page { size: A4 landscape; margin: 10mm; }
  main { max-width: none !important; padding: 0 !important; }
  .chart-figure { break-inside: avoid; border: none; }
  .chart-figure svg.recharts-surface { max-width: 100%; height: auto; }
  .recharts-wrapper { width: 100% !important; height: auto !important; }
  .table-scroll { overflow: visible !important; }
  .compare-table { font-size: 9pt; }
  .compare-table tr { break-inside: avoid; }
}`;

function Messages({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div role="alert" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="compare-messages">
      <ul className="list-disc space-y-1 pl-5">{messages.map((m) => <li key={m}>{m}</li>)}</ul>
    </div>
  );
}

function WeightExplainer({ view }: { view: View }) {
  const c = view.comparison!;
  const flat = c.trials.flatMap((t) => t.arms.filter((a) => a.estimated && a.cellsPerKgPerInfusion !== null).map((a) => ({ id: t.id, perKg: a.cellsPerKgPerInfusion! })));
  // A flat dose stated as a range is a flat dose too: its low end makes the example, said so.
  const flatRanges = c.trials.flatMap((t) => t.arms.filter((a) => a.cellsPerKgRange?.estimated).map((a) => ({ id: `${t.id} (the low end of its range)`, perKg: a.cellsPerKgRange!.min })));
  flat.push(...flatRanges);
  return <ReferenceWeightExplainer weightKg={c.weightKg} example={flat[0] ?? null} />;
}

const shows = (tab: Tab, chart: Exclude<Tab, "all">) => tab === "all" || tab === chart;

export function CompareView({ view }: { view: View }) {
  const { state, comparison } = view;
  if (!comparison) {
    return (
      <div>
        <h1 className="text-2xl font-semibold">Compare trials</h1>
        <Messages messages={view.messages} />
        <p className="mt-3 max-w-3xl text-slate-700">
          Put 2 to {MAX_TRIALS} trials side by side: dose per kg per infusion, cumulative dose, infusion schedule, arm design and
          eligibility thresholds. {state.ids.length === 1 && `${state.ids[0]} is chosen; add at least one more.`}
        </p>
        <AddTrialsForm state={state} available={view.available} />
      </div>
    );
  }
  const dose = doseChartData(comparison, "perInfusion", state.scale);
  const cumulative = doseChartData(comparison, "cumulative", state.scale);
  const scaleNote = state.scale === "log" ? "Logarithmic axis." : "Linear axis.";
  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
      <div>
        <h1 className="text-2xl font-semibold">Compare {comparison.trials.length} trials</h1>
        <p className="text-slate-700">{comparison.trials.map((t) => t.id).join(" · ")}</p>
      </div>
      <Messages messages={view.messages} />
      <section aria-label="View settings" className="no-print space-y-3 rounded border border-slate-200 bg-white p-3">
        <WeightControl state={state} />
        <WeightExplainer view={view} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <ScaleToggle state={state} />
          <ExportActions state={state} />
        </div>
      </section>
      <p className="hidden print:block text-sm">Reference weight {comparison.weightKg} kg; {scaleNote}</p>
      <section aria-labelledby="charts-heading" className="space-y-3">
        <h2 id="charts-heading" className="text-lg font-semibold">Charts</h2>
        <div className="no-print"><ChartTabs state={state} /></div>
        <CompareLegend trials={comparison.trials} />
        {shows(state.tab, "dose") && (
          <ChartFigure id="dose" title={METRIC_TITLES.perInfusion} summary={dose.summary} height={rowsHeight(dose.rows, BAR_CHART_EXTRA)}
            note={<>Cells per kg body weight in one infusion. {scaleNote} Hatched bars are flat doses divided by {comparison.weightKg} kg.</>}>
            <DoseChart data={dose} chartId="dose" />
          </ChartFigure>
        )}
        {shows(state.tab, "cumulative") && (
          <ChartFigure id="cumulative" title={METRIC_TITLES.cumulative} summary={cumulative.summary} height={rowsHeight(cumulative.rows, BAR_CHART_EXTRA)}
            note={<>Dose per infusion × number of MSC infusions; not reported when either is unknown. {scaleNote}</>}>
            <DoseChart data={cumulative} chartId="cumulative" />
          </ChartFigure>
        )}
        {shows(state.tab, "schedule") && (() => {
          const s = scheduleChartData(comparison);
          return (
            <ChartFigure id="schedule" title="Infusion schedule" summary={s.summary} height={rowsHeight(s.rows, SCHEDULE_CHART_EXTRA)}
              note="One row per arm; a mark on each infusion day, counted from the arm's first infusion (day 0). Filled circles: MSC; hollow diamonds: placebo.">
              <ScheduleChart data={s} />
            </ChartFigure>
          );
        })()}
        {shows(state.tab, "structure") && (() => {
          const s = structureChartData(comparison);
          return (
            <ChartFigure id="structure" title="Arm structure" summary={s.summary} height={rowsHeight(s.rows, BAR_CHART_EXTRA)}
              note="Each trial's arms as shares of enrollment, one bar per randomisation stage. Solid: MSC arms; hatched grey: placebo; white: no intervention. Dashed with “?”: the record gives no ratio.">
              <StructureChart data={s} chartId="structure" />
            </ChartFigure>
          );
        })()}
      </section>
      <section aria-labelledby="table-heading" className="space-y-2">
        <h2 id="table-heading" className="text-lg font-semibold">Side by side</h2>
        <CompareTable comparison={comparison} state={state} />
      </section>
    </div>
  );
}
