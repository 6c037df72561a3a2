import Form from "next/form";
import Link from "next/link";
import {
  compareHref, compareQuery, MAX_WEIGHT_KG, MIN_WEIGHT_KG, REVIEW_WEIGHT_KG, TAB_LABELS, TABS, type CompareState,
} from "@/lib/compare/params";
import { DEFAULT_REFERENCE_WEIGHT_KG } from "@/lib/record/summary";
import { CopyLink, PrintButton } from "@/components/ui/copy-link";
import { BUTTON, BUTTON_CURRENT, BUTTON_PRIMARY, SEGMENT, SEGMENT_OFF, SEGMENT_ON } from "./ui";

/** The reference weight as a GET form (works without JavaScript), with one-click presets. */
export function WeightControl({ state }: { state: CompareState }) {
  return (
    <Form action="/compare" key={state.weightKg} className="flex flex-wrap items-end gap-2" data-testid="weight-form">
      <input type="hidden" name="ids" value={state.ids.join(",")} />
      <label className="flex flex-col text-sm font-medium" htmlFor="weightKg">
        Reference weight (kg)
        <input
          id="weightKg" name="weightKg" type="number" inputMode="decimal" required step="any"
          min={MIN_WEIGHT_KG} max={MAX_WEIGHT_KG} defaultValue={state.weightKg}
          aria-describedby="weight-why"
          className="mt-1 w-28 rounded border border-slate-400 bg-white px-2 py-1.5 font-normal"
        />
      </label>
      {/* After the weight, so the submitted query is already in canonical order. */}
      {state.scale !== "linear" && <input type="hidden" name="scale" value={state.scale} />}
      {state.tab !== "all" && <input type="hidden" name="tab" value={state.tab} />}
      <button type="submit" className={BUTTON_PRIMARY}>Apply</button>
      {[REVIEW_WEIGHT_KG, DEFAULT_REFERENCE_WEIGHT_KG].map((w) => (
        <Link
          key={w} href={compareHref({ ...state, weightKg: w })} className={`${BUTTON} ${state.weightKg === w ? BUTTON_CURRENT : ""}`}
          aria-current={state.weightKg === w ? "true" : undefined} data-testid={`weight-${w}`}
        >
          {w} kg{w === REVIEW_WEIGHT_KG ? " (review tables)" : " (default)"}
        </Link>
      ))}
    </Form>
  );
}

function Segmented({ label, items }: { label: string; items: { href: string; text: string; on: boolean; testId: string }[] }) {
  return (
    <nav aria-label={label} className="inline-flex overflow-hidden rounded border border-slate-400">
      {items.map((it) => (
        <Link key={it.href} href={it.href} scroll={false} aria-current={it.on ? "true" : undefined} data-testid={it.testId} className={`${SEGMENT} ${it.on ? SEGMENT_ON : SEGMENT_OFF}`}>
          {it.text}
        </Link>
      ))}
    </nav>
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

export function ChartTabs({ state }: { state: CompareState }) {
  return (
    <nav aria-label="Charts" className="flex flex-wrap gap-1 border-b border-slate-300" data-testid="chart-tabs">
      {TABS.map((t) => (
        <Link
          key={t} href={compareHref({ ...state, tab: t })} scroll={false} aria-current={state.tab === t ? "page" : undefined} data-testid={`tab-${t}`}
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
