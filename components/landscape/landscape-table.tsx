import { formatCellRange, formatCells, label } from "@/lib/format";
import { pointDose, type Landscape } from "@/lib/landscape/shape";
import { Mark, NotReported } from "@/components/ui/badges";

/** The chart's points as a table: the same values, for screen readers and for reading. */
export function LandscapeTable({ data }: { data: Landscape }) {
  return (
    <div className="table-scroll overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="landscape-table">
        <caption className="px-1 pb-2 text-left text-xs text-slate-700">
          Every drawn MSC arm. <span className="rounded bg-emerald-100 px-1 font-semibold text-emerald-900">results published</span>: the trial&apos;s registry record lists a publication of its results.
        </caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            {["Trial and arm", "Cells/kg per infusion (min–max for a range)", "MSC infusions", "Cumulative cells/kg", "Enrollment", "Route", "Cell source", "Status"].map((h) => (
              <th key={h} scope="col" className="py-2 pr-3 font-semibold">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.points.map((p) => (
            <tr key={p.key} className="border-b border-slate-200 align-top" data-testid="landscape-row">
              <th scope="row" className="py-1.5 pr-3 font-normal">
                <a href={p.href}>{p.trialId}: {p.armLabel}</a>
                {p.resultsPublication && <span className="ml-1 inline-block rounded bg-emerald-100 px-1 text-xs font-semibold text-emerald-900" data-testid="results-publication">results published</span>}
              </th>
              <td className="py-1.5 pr-3 tabular-nums" data-testid="landscape-dose" {...(p.range ? { "data-min": p.range.min, "data-max": p.range.max } : {})}>
                {pointDose(p)}
                {p.estimated && <Mark kind="estimated" title={p.statedRange
                  ? `A flat ${formatCellRange(p.statedRange.min, p.statedRange.max)} cells per infusion (range) divided by ${data.weightKg} kg`
                  : `A flat ${formatCells(p.flatCellsPerInfusion)} cells per infusion divided by ${data.weightKg} kg`} />}
              </td>
              <td className="py-1.5 pr-3 tabular-nums">{p.infusions ?? <NotReported />}</td>
              <td className="py-1.5 pr-3 tabular-nums">{p.cumulativeCellsPerKg !== null ? formatCells(p.cumulativeCellsPerKg) : p.range ? <span className="text-slate-700">not one number (the dose is a range)</span> : <NotReported />}</td>
              <td className="py-1.5 pr-3 tabular-nums">{p.enrollment ?? <NotReported />}</td>
              <td className="py-1.5 pr-3">{p.route ? <abbr title={`“${p.routeText}”`} className="no-underline">{label(p.route)}</abbr> : <NotReported />}</td>
              <td className="py-1.5 pr-3">{p.cellSource ? <abbr title={`“${p.cellSourceText}”`} className="no-underline">{label(p.cellSource)}</abbr> : <NotReported />}</td>
              <td className="py-1.5 pr-3">{p.status ? label(p.status) : <NotReported />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
