import Link from "next/link";
import { compareHref, compareQuery, TAB_LABELS, TABS, type CompareState } from "@/lib/compare/params";
import { CopyLink, PrintButton } from "@/components/ui/copy-link";
import { ReferenceWeightControl } from "@/components/ui/reference-weight";
import { BUTTON } from "@/components/ui/buttons";
import { Segmented } from "@/components/ui/segmented";

/** The reference weight as a GET form (works without JavaScript), with one-click presets. */
export function WeightControl({ state }: { state: CompareState }) {
  return (
    <ReferenceWeightControl
      action="/compare" weightKg={state.weightKg} presetHref={(w) => compareHref({ ...state, weightKg: w })}
      // After the weight, so the submitted query is already in canonical order.
      before={[["ids", state.ids.join(",")]]}
      after={[...(state.scale !== "linear" ? [["scale", state.scale]] : []), ...(state.tab !== "all" ? [["tab", state.tab]] : [])] as [string, string][]}
    />
  );
}

export function ScaleToggle({ state }: { state: CompareState }) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="font-medium" id="scale-label">Dose axis</span>
      <Segmented
        label="Dose axis scale"
        items={(["linear", "log"] as const).map((s) => ({ href: compareHref({ ...state, scale: s }), text: s === "log" ? "Log" : "Linear", on: state.scale === s, testId: `scale-${s}` }))}
      />
    </div>
  );
}

/** The chart tabs: links to this comparison with another tab, not prefetched (as Segmented's). */
export function ChartTabs({ state }: { state: CompareState }) {
  return (
    <nav aria-label="Charts" className="flex flex-wrap gap-1 border-b border-slate-300" data-testid="chart-tabs">
      {TABS.map((t) => (
        <Link
          key={t} href={compareHref({ ...state, tab: t })} scroll={false} prefetch={false} aria-current={state.tab === t ? "page" : undefined} data-testid={`tab-${t}`}
          className={`-mb-px rounded-t border px-3 py-1.5 text-sm no-underline hover:no-underline ${state.tab === t ? "border-slate-300 border-b-white bg-white font-semibold text-slate-900!" : "border-transparent text-brand hover:bg-slate-100"}`}
        >
          {TAB_LABELS[t]}
        </Link>
      ))}
    </nav>
  );
}

export function ExportActions({ state }: { state: CompareState }) {
  const csv = `/api/compare?${compareQuery({ ids: state.ids, weightKg: state.weightKg })}&format=csv`;
  const json = `/api/compare?${compareQuery({ ids: state.ids, weightKg: state.weightKg })}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <CopyLink href={compareHref(state)} className={BUTTON} testId="copy-link">Copy link</CopyLink>
      <a href={csv} download className={BUTTON} data-testid="download-csv">Download CSV</a>
      <a href={json} className={BUTTON}>JSON</a>
      <PrintButton className={BUTTON} />
    </div>
  );
}
