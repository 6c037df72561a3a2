import Link from "next/link";
import { formatCells, formatPhases } from "@/lib/format";
import type { ListItem } from "@/lib/search/list-items";
import { Mark, NotReported, StatusBadge } from "@/components/ui/badges";
import { HighlightedText } from "@/components/ui/highlighted";
import { VerdictLine } from "@/components/screen/verdict";
import type { TrialScreen } from "@/lib/screen";
import { NearestLine } from "@/components/search/nearest-line";

export function ResultItem({ item, compareForm, screen, keep }: { item: ListItem; compareForm: string; screen?: TrialScreen; keep?: string }) {
  const checkId = `compare-${item.id}`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="result" data-id={item.id}>
      <div>
        <div>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span className="font-mono font-medium">{item.id}</span>
            <StatusBadge status={item.status} />
            <span>{formatPhases(item.phases)}</span>
            <span className="no-print ml-auto flex items-center gap-1">
              <input type="checkbox" id={checkId} name="ids" value={item.id} form={compareForm} className="h-4 w-4 accent-brand" />
              <label htmlFor={checkId}>Compare</label>
            </span>
          </div>
          <h2 className="mt-1 text-lg font-semibold leading-snug">
            <Link href={`/trials/${item.id}${keep ? `?${keep}` : ""}`} className="text-slate-900 hover:text-brand">
              <HighlightedText parts={item.title} />
            </Link>
          </h2>
          <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1">
              <dt className="text-slate-600">Enrollment</dt>
              <dd>
                {item.enrollment ? (
                  <>
                    {item.enrollment.count}
                    {item.enrollment.type ? ` (${item.enrollment.type.toLowerCase()})` : ""}
                  </>
                ) : (
                  <NotReported />
                )}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-slate-600">Arms</dt>
              <dd data-testid="arm-count">{item.armCount}</dd>
            </div>
            <div className="flex flex-wrap gap-x-1">
              <dt className="text-slate-600">Dose per infusion</dt>
              <dd data-testid="dose-range">
                {item.dose ? (
                  <>
                    {item.dose.min === item.dose.max
                      ? formatCells(item.dose.min)
                      : `${formatCells(item.dose.min)} – ${formatCells(item.dose.max)}`}{" "}
                    cells/kg
                    {item.dose.estimated && <Mark kind="estimated" title="Includes a flat dose converted at the 60 kg reference weight" />}
                  </>
                ) : (
                  <NotReported />
                )}
              </dd>
            </div>
          </dl>
          {item.snippet && (
            <p className="mt-2 text-sm text-slate-700" data-testid="snippet">
              <HighlightedText parts={item.snippet} />
            </p>
          )}
          {item.nearest !== undefined && <NearestLine id={item.id} nearest={item.nearest} keep={keep} />}
          {screen && <VerdictLine screen={screen} />}
        </div>
      </div>
    </li>
  );
}
