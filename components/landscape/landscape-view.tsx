import Link from "next/link";
import { MAX_TRIALS } from "@/lib/url/ids";
import { formatCells } from "@/lib/format";
import { DEFAULT_REFERENCE_WEIGHT_KG } from "@/lib/record/summary";
import { COLOUR_LABELS, COLOURS, landscapeHref, listQuery, VIEW_LABELS, VIEWS, Y_AXES, Y_LABELS } from "@/lib/landscape/params";
import { armsInTrials } from "@/lib/landscape/shape";
import type { LandscapePage as View } from "@/lib/landscape/page";
import { BUTTON, BUTTON_PRIMARY } from "@/components/ui/buttons";
import { ChartFigure } from "@/components/ui/chart-figure";
import { Segmented } from "@/components/ui/segmented";
import { CopyLink } from "@/components/ui/copy-link";
import { ReferenceWeightControl, ReferenceWeightExplainer } from "@/components/ui/reference-weight";
import { LazyLandscapeChart } from "./lazy-chart";
import { LANDSCAPE_HEIGHT } from "./chart-size";
import { LandscapeTable } from "./landscape-table";

function Switch<T extends string>({ title, values, labels, current, href }: {
  title: string; values: readonly T[]; labels: Record<T, string>; current: T; href: (v: T) => string;
}) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="font-medium">{title}</span>
      <Segmented label={title} items={values.map((v) => ({ href: href(v), text: labels[v], on: v === current, testId: `switch-${v}` }))} />
    </div>
  );
}

export function LandscapeView({ view }: { view: View }) {
  const { state, landscape: l } = view;
  const list = listQuery(state.query);
  const csv = `/api/landscape?${new URLSearchParams([...new URLSearchParams(landscapeHref(state).split("?")[1] ?? ""), ["format", "csv"]]).toString()}`;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Dose landscape</h1>
        <p className="max-w-3xl text-slate-700">
          Every MSC arm of the {view.trials} {view.trials === 1 ? "trial" : "trials"} in this search that states a dose: its cells per kg per
          infusion against {state.y === "infusions" ? "its number of MSC infusions" : "its cumulative dose per kg"}. Filters on the list narrow
          the chart{state.query.route.length + state.query.source.length + state.query.origin.length + state.query.dosing.length
            ? "; only arms matching its route, cell source, donor and dosing filters are drawn" : ""}.
        </p>
        <Link href={`/trials${list ? `?${list}` : ""}`} className="text-sm" data-testid="back-to-list">← The list of these trials, to change the filters</Link>
      </div>
      {view.problems.length > 0 && (
        <ul role="alert" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          {view.problems.map((m) => <li key={m}>{m}</li>)}
        </ul>
      )}
      <section aria-label="View settings" className="space-y-3 rounded border border-slate-200 bg-white p-3">
        <ReferenceWeightControl
          action="/landscape" weightKg={state.weightKg} presetHref={(w) => landscapeHref(state, { weightKg: w })}
          before={[...new URLSearchParams(landscapeHref({ ...state, weightKg: DEFAULT_REFERENCE_WEIGHT_KG }).split("?")[1] ?? "")]}
        />
        <ReferenceWeightExplainer weightKg={state.weightKg} what="these arms"
          example={view.example} />
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <Switch title="Y axis" values={Y_AXES} labels={Y_LABELS} current={state.y} href={(y) => landscapeHref(state, { y })} />
          <Switch title="Colour by" values={COLOURS} labels={COLOUR_LABELS} current={state.colour} href={(colour) => landscapeHref(state, { colour })} />
          <Switch title="Show" values={VIEWS} labels={VIEW_LABELS} current={state.view} href={(v) => landscapeHref(state, { view: v })} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CopyLink href={landscapeHref(state)} className={BUTTON} testId="copy-link">Copy link</CopyLink>
          <a href={csv} download className={BUTTON} data-testid="download-csv">Download CSV</a>
        </div>
      </section>

      {state.view === "chart" ? (
        <ChartFigure id="landscape" level={2} title={`Cells/kg per infusion against ${state.y === "infusions" ? "the number of MSC infusions" : "the cumulative dose per kg"}`} summary={l.summary} height={LANDSCAPE_HEIGHT}
          note={<>{armsInTrials(view.totals.points, view.totals.trialIds)} drawn. Point area: the trial&apos;s enrollment (its arms share it); dashed outline: enrollment not reported (drawn at a middle size). Hollow points marked “est.”: a flat dose divided by {state.weightKg} kg.{view.hasRange ? " A horizontal bar marked “range”: a dose the record states as a range, drawn from its low to its high end (no single dose)." : ""} Hover or click a point for its trial, arm and source words.</>}>
          <LazyLandscapeChart src={`/api/landscape/chart?${landscapeHref(state).split("?")[1] ?? ""}`} />
        </ChartFigure>
      ) : (
        <>
          <LandscapeTable data={l} />
          <Shown what="arms" shown={l.points.length} of={view.totals.points} csv={csv} />
        </>
      )}

      <Legend view={view} />
      <p className="max-w-3xl text-sm text-slate-700" data-testid="kabat-caption">
        <span aria-hidden className="mr-1 inline-block h-3 w-5 rounded-sm border border-dashed border-green-700 bg-green-600/15 align-middle" />
        Shaded band: 70–190 million cells per infusion, {formatCells(l.band[0])}–{formatCells(l.band[1])} cells/kg at {state.weightKg} kg. That is
        the range of effective intravenous MSC doses per patient found in a published analysis of 914 MSC trials (Kabat et al., 2020,{" "}
        <cite>Stem Cells Translational Medicine</cite>); it spans all indications, not liver disease alone.
      </p>
      <NoDose view={view} />
      <CompareForm view={view} />
    </div>
  );
}

function Legend({ view }: { view: View }) {
  const l = view.landscape;
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-label={`Colours: ${COLOUR_LABELS[view.state.colour]}`} data-testid="landscape-legend">
      {l.series.map((s) => (
        <li key={s.key} className="flex items-center gap-2">
          <svg aria-hidden width="12" height="12"><circle cx="6" cy="6" r="5" fill={s.color} /></svg>
          {s.label} <span className="text-slate-600">({s.count} {s.count === 1 ? "arm" : "arms"})</span>
        </li>
      ))}
      {l.noY > 0 && (
        <li className="text-slate-700">
          “not reported” row: {l.noY} {l.noY === 1 ? "arm states" : "arms state"} a dose but {view.state.y === "infusions" ? "no number of infusions" : "no cumulative dose (infusions unknown)"}
        </li>
      )}
    </ul>
  );
}

function NoDose({ view }: { view: View }) {
  const l = view.landscape;
  if (view.totals.noDose === 0) {
    return <p className="text-sm text-slate-700">{view.totals.points ? "Every MSC arm in this search states a dose." : "No MSC arm in this search: widen the filters on the list."}</p>;
  }
  return (
    <details id="no-dose" className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="no-dose">
      <summary className="cursor-pointer">
        <span data-testid="no-dose-count">{armsInTrials(view.totals.noDose, l.noDoseTrials)} state no single dose</span> (none, two amounts or dose levels), so they are not drawn. Show them
      </summary>
      <ul className="mt-2 list-disc space-y-0.5 pl-5">
        {l.noDose.map((a) => <li key={a.href}><a href={a.href}>{a.trialId}: {a.armLabel}</a>{a.trialTitle ? ` (${a.trialTitle})` : ""}</li>)}
      </ul>
      <Shown what="arms" shown={l.noDose.length} of={view.totals.noDose} />
    </details>
  );
}

function CompareForm({ view }: { view: View }) {
  const ids = view.landscape.trialIds;
  if (view.totals.trialIds < 2) return null;
  return (
    <form action="/compare" method="get" className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="compare-these">
      <fieldset>
        <legend className="font-semibold">Compare these trials (2 to {MAX_TRIALS})</legend>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {ids.map((id, i) => (
            <li key={id}>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="ids" value={id} defaultChecked={i < MAX_TRIALS} className="mt-0.5 h-4 w-4 accent-brand" />
                <span><span className="font-medium">{id}</span> {view.titles[id] ?? ""}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Shown what="trials" shown={ids.length} of={view.totals.trialIds} />
      <input type="hidden" name="weightKg" value={view.state.weightKg} />
      <button type="submit" className={`${BUTTON_PRIMARY} mt-2`}>Compare these</button>
      {view.totals.trialIds > MAX_TRIALS && <span className="ml-2 text-slate-600">The first {MAX_TRIALS} are ticked; the comparison takes at most {MAX_TRIALS}.</span>}
    </form>
  );
}

/** Under a list the page cuts short (lib/landscape/page.ts): how many of how many, and where the rest are. */
function Shown({ what, shown, of, csv }: { what: string; shown: number; of: number; csv?: string }) {
  if (shown >= of) return null;
  return (
    <p className="mt-2 text-sm text-slate-700" data-testid="landscape-shown">
      Showing the first {shown} of {of} {what}
      {csv ? <>; <a href={csv} download className="underline">download the CSV</a> for all of them, or narrow the search on the list.</> : "; narrow the search on the list to see the others."}
    </p>
  );
}
