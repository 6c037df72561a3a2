import type { FacetCount } from "@/lib/search/engine";

/** How many options a facet shows before the rest fold under "more". */
const VISIBLE_OPTIONS = 8;

/** A fieldset of checkboxes, each with the number of trials choosing it would give. */
export function FacetGroup({
  legend, name, options, selected, labelOf = (v) => v, form,
}: {
  legend: string;
  name: string;
  options: FacetCount[];
  selected: string[];
  labelOf?: (value: string) => string;
  form: string;
}) {
  // Keep a chosen option visible even when no trial has it any more.
  const all = [...options, ...selected.filter((s) => !options.some((o) => o.value === s)).map((value) => ({ value, count: 0 }))];
  if (all.length === 0) return null;
  // The top options, plus any chosen one, stay in view; the rest fold under "more" (no script needed).
  const shown = all.filter((o, k) => k < VISIBLE_OPTIONS || selected.includes(o.value));
  const folded = all.filter((o) => !shown.includes(o));
  const item = (o: FacetCount) => {
    const id = `${name}-${all.indexOf(o)}`; // by position: two values can differ only in punctuation
    return (
      <li key={o.value} className="flex items-center gap-2 text-sm">
        <input
          type="checkbox" id={id} name={name} value={o.value} form={form}
          defaultChecked={selected.includes(o.value)} className="h-4 w-4 accent-brand"
        />
        <label htmlFor={id} className="flex-1">
          {labelOf(o.value)}
        </label>
        <span className="tabular-nums text-slate-600" aria-label={`${o.count} trials`}>
          {o.count}
        </span>
      </li>
    );
  };
  return (
    <fieldset className="border-t border-slate-200 py-3">
      <legend className="text-sm font-semibold text-slate-800">{legend}</legend>
      <ul className="mt-2 space-y-1">{shown.map(item)}</ul>
      {folded.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-brand">{folded.length} more</summary>
          <ul className="mt-1 space-y-1">{folded.map(item)}</ul>
        </details>
      )}
    </fieldset>
  );
}
