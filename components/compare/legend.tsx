import type { ComparedTrial } from "@/lib/compare/shape";
import { CHART_INK } from "@/lib/chart/colours";

/** Which colour is which trial, and what the glyphs on the charts mean. */
export function CompareLegend({ trials }: { trials: ComparedTrial[] }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid="compare-legend">
      <ul className="flex flex-wrap gap-x-5 gap-y-1" aria-label="Trial colours">
        {trials.map((t) => (
          <li key={t.id} className="flex items-center gap-2">
            <span aria-hidden className="inline-block h-3 w-5 rounded-sm" style={{ background: t.color }} />
            <span className="font-semibold" style={{ color: t.color }}>{t.id}</span>
          </li>
        ))}
      </ul>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-slate-700" aria-label="Symbols">
        <li className="flex items-center gap-2">
          <svg aria-hidden width="22" height="12"><rect width="22" height="12" fill={CHART_INK.tick} /></svg>
          dose stated per kg
        </li>
        <li className="flex items-center gap-2">
          <svg aria-hidden width="22" height="12">
            <defs>
              <pattern id="legend-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="5" height="5" fill="white" /><line x1="0" y1="0" x2="0" y2="5" stroke={CHART_INK.tick} strokeWidth="2.5" />
              </pattern>
            </defs>
            <rect x="1" y="1" width="20" height="10" fill="url(#legend-hatch)" stroke={CHART_INK.tick} strokeWidth="1.5" strokeDasharray="3 2" />
          </svg>
          <span><span className="font-medium text-estimated">estimated</span>: flat dose ÷ reference weight</span>
        </li>
        {trials.some((t) => t.arms.some((a) => a.cellsPerKgRange)) && (
          <li className="flex items-center gap-2">
            <svg aria-hidden width="22" height="12"><line x1="2" x2="20" y1="6" y2="6" stroke={CHART_INK.tick} strokeWidth="4" /><line x1="2" x2="2" y1="1" y2="11" stroke={CHART_INK.tick} strokeWidth="2" /><line x1="20" x2="20" y1="1" y2="11" stroke={CHART_INK.tick} strokeWidth="2" /></svg>
            <span>dose stated as a range: from its low to its high end (no single dose)</span>
          </li>
        )}
        <li className="flex items-center gap-2">
          <svg aria-hidden width="14" height="14"><circle cx="7" cy="7" r="5" fill={CHART_INK.tick} /></svg>
          MSC infusion
        </li>
        <li className="flex items-center gap-2">
          <svg aria-hidden width="14" height="14"><path d="M7 1L13 7L7 13L1 7Z" fill="white" stroke={CHART_INK.tick} strokeWidth="2" /></svg>
          placebo infusion
        </li>
      </ul>
    </div>
  );
}
