import { armAnchor, armWarnings, formatCellRange, formatCells, formatDays, label } from "@/lib/format";
import type { Arm, TrialRecord } from "@/lib/record/schema";
import { Mark, NotReported } from "@/components/ui/badges";
import { ArmFacts } from "./arm-facts";
import { InfusionTimeline } from "./infusion-timeline";

function DoseAmount({ arm, weightKg }: { arm: Arm; weightKg: number }) {
  const s = arm.summary;
  if (arm.doses.length === 0) {
    return <span className="text-slate-700">{arm.type === "NO_INTERVENTION" ? "none (no intervention)" : "no cells (comparator)"}</span>;
  }
  if (!arm.doses.some((d) => d.product === "MSC")) return <span className="text-slate-700">placebo (no cells)</span>;
  const msc = arm.doses.filter((d) => d.product === "MSC");
  const range = msc.length === 1 ? msc[0]!.range ?? null : null;
  if (range) {
    // Both ends, never one of them: a flat range also per kg at the reference weight, marked estimated.
    return (
      <span data-testid="dose-range" data-min={range.min} data-max={range.max} data-unit={range.unit}>
        {range.unit === "cells/kg" ? (
          <>{formatCellRange(range.min, range.max)} cells/kg <span className="text-slate-700">(range)</span></>
        ) : (
          <>
            {formatCellRange(range.min / weightKg, range.max / weightKg)} cells/kg <span className="text-slate-700">(range)</span>
            <Mark kind="estimated" title={`A flat ${formatCellRange(range.min, range.max)} cells per infusion divided by the ${weightKg} kg reference weight`} />
            <span className="block text-xs text-slate-600">flat {formatCellRange(range.min, range.max)} cells per infusion (range)</span>
          </>
        )}
      </span>
    );
  }
  if (s.cellsPerKgPerInfusion === null) return <NotReported />;
  const flat = arm.doses.find((d) => d.product === "MSC" && d.cellsPerInfusion !== null);
  return (
    <span data-testid="dose-per-kg">
      {formatCells(s.cellsPerKgPerInfusion)} cells/kg
      {s.estimated && flat && (
        <>
          <Mark kind="estimated" title={`A flat ${formatCells(flat.cellsPerInfusion)} cells per infusion divided by the ${weightKg} kg reference weight`} />
          <span className="block text-xs text-slate-600">flat {formatCells(flat.cellsPerInfusion)} cells per infusion</span>
        </>
      )}
    </span>
  );
}

function Schedule({ arm }: { arm: Arm }) {
  if (arm.doses.length === 0) return <span className="text-slate-700">—</span>;
  return (
    <ul className="space-y-0.5">
      {arm.doses.map((d, i) => (
        <li key={i}>
          {arm.doses.length > 1 && <span className="font-medium">{label(d.product)}: </span>}
          {d.dayOffsets ? formatDays(d.dayOffsets) : <NotReported />}
          {d.schedulePhases && (
            <ol className="mt-0.5 list-inside list-decimal text-xs text-slate-700" data-testid="schedule-phases">
              {d.schedulePhases.map((ph, k) => (
                <li key={k}>“{ph.text}”{ph.infusions !== null ? ` (${ph.infusions} infusion${ph.infusions === 1 ? "" : "s"})` : ""}</li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ul>
  );
}

function Infusions({ arm }: { arm: Arm }) {
  if (arm.doses.length === 0) return <>0</>;
  return (
    <ul className="space-y-0.5">
      {arm.doses.map((d, i) => (
        <li key={i}>
          {d.infusions ?? <NotReported />}
          {arm.doses.length > 1 || d.product === "PLACEBO" ? <span className="text-slate-600"> {d.product === "MSC" ? "MSC" : "placebo"}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Why a value of this arm's doses is not one number, in the record's words: beside the dose,
 * the amount's ("two amounts in this arm's text: …"; a range shown as one needs no more words);
 * beside the schedule, the count's and the days' ("schedule changes frequency: …").
 */
function Unstated({ arm, part }: { arm: Arm; part: "amount" | "schedule" }) {
  const reasons = [...new Set(arm.doses.flatMap((d) => (part === "amount"
    ? (d.range ? [] : [d.unstated?.amount ?? []].flat())
    : [d.unstated?.infusions ?? [], d.unstated?.dayOffsets ?? []].flat())))];
  if (!reasons.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-700" data-testid={part === "amount" ? "dose-unstated" : "schedule-unstated"}>
      {reasons.map((r) => <li key={r}>No single number: {r}</li>)}
    </ul>
  );
}

/** What the import noted about this arm (two texts stating different doses, say), beside its dose. */
function ArmNotes({ notes }: { notes: string[] }) {
  if (!notes.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-amber-900" data-testid="arm-warnings">
      {notes.map((n, i) => (
        <li key={i} className="rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5">
          <span aria-hidden="true">⚠ </span>{n.replace(/^arm "[^"]*": |^arms\[\d+\]\./, "")}
        </li>
      ))}
    </ul>
  );
}

/** The arms and doses of a trial: one row per arm, "not reported" where the source is silent. */
export function ArmsTable({ trial }: { trial: TrialRecord }) {
  const maxDay = Math.max(56, ...trial.arms.flatMap((a) => a.doses.flatMap((d) => d.dayOffsets ?? [])));
  const derived = (i: number) => trial.provenance[`arms[${i}]`] === "derived";
  return (
    <div>
      {/* Below md the rows become cards, each cell labelled, so nothing hides off-screen. */}
      <table className="arms-table w-full border-collapse text-left text-sm" data-testid="arms-table">
        <thead className="max-md:sr-only">
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-2 pr-3 font-semibold">Arm</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Dose per kg per infusion</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Infusions</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Schedule (days from first infusion)</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Cumulative dose per kg</th>
          </tr>
        </thead>
        <tbody>
          {trial.arms.map((arm, i) => (
            <tr key={i} id={armAnchor(i)} className="scroll-mt-4 border-b border-slate-200 align-top target:bg-amber-50 max-md:block max-md:py-2" data-testid="arm-row" data-arm={arm.label}>
              <th scope="row" className="py-2 pr-3 text-left font-normal max-md:block max-md:py-1">
                <span className="font-semibold">{arm.label}</span>
                {derived(i) && <Mark kind="derived" title="This arm was read from the trial's prose description" />}
                <span className="block text-xs text-slate-600">{label(arm.type)}</span>
                <ArmFacts arm={arm} />
              </th>
              <td data-label="Dose per kg per infusion" className="py-2 pr-3 max-md:block max-md:py-1">
                <DoseAmount arm={arm} weightKg={trial.referenceWeightKg} />
                <Unstated arm={arm} part="amount" />
                <ArmNotes notes={armWarnings(trial.warnings, arm.label, i)} />
              </td>
              <td data-label="Infusions" className="py-2 pr-3 max-md:block max-md:py-1" data-testid="infusions"><Infusions arm={arm} /></td>
              <td data-label="Schedule" className="py-2 pr-3 max-md:block max-md:py-1" data-testid="schedule">
                <Schedule arm={arm} />
                <Unstated arm={arm} part="schedule" />
                <InfusionTimeline doses={arm.doses} maxDay={maxDay} label={arm.label} />
              </td>
              <td data-label="Cumulative per kg" className="py-2 pr-3 max-md:block max-md:py-1" data-testid="cumulative">
                {arm.summary.cumulativeCellsPerKg !== null ? (
                  <>
                    {formatCells(arm.summary.cumulativeCellsPerKg)} cells/kg
                    {arm.summary.estimated && <Mark kind="estimated" title={`At the ${trial.referenceWeightKg} kg reference weight`} />}
                  </>
                ) : arm.summary.activeInfusions === 0 ? (
                  <span className="text-slate-700">no cells</span>
                ) : arm.doses.some((d) => d.product === "MSC" && d.range) ? (
                  <span className="text-slate-700">not one number (the dose is a range)</span>
                ) : (
                  <NotReported />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-3 space-y-1 text-xs text-slate-600">
        {trial.arms.flatMap((arm, i) =>
          arm.doses.map((d, j) => (
            <li key={`${i}-${j}`}>
              <span className="font-medium text-slate-700">{arm.label}{arm.doses.length > 1 ? ` (${label(d.product)})` : ""}</span>, source words: “{d.text}”
            </li>
          )),
        )}
        {trial.arms.flatMap((arm, i) => {
          const words = [arm.route, arm.cellSource, arm.cellOrigin].flatMap((f) => (f ? [`${label(f.value)}: “${f.text}”`] : []));
          return words.length ? [<li key={`facts-${i}`}><span className="font-medium text-slate-700">{arm.label}</span>, route and cells read from: {words.join("; ")}</li>] : [];
        })}
      </ul>
      <p className="mt-2 flex flex-wrap items-center gap-4 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1"><svg width="10" height="10" aria-hidden="true"><circle cx="5" cy="5" r="4.5" className="fill-brand" /></svg> MSC infusion</span>
        <span className="inline-flex items-center gap-1"><svg width="10" height="10" aria-hidden="true"><rect x="1" y="1" width="8" height="8" className="fill-white stroke-slate-700" strokeWidth="1.5" /></svg> placebo infusion</span>
        <span>Cumulative = dose per infusion × MSC infusions.</span>
      </p>
    </div>
  );
}
