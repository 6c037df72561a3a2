import type { FacetCount } from "@/lib/search/engine";

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
  return (
    <fieldset className="border-t border-slate-200 py-3">
      <legend className="text-sm font-semibold text-slate-800">{legend}</legend>
      <ul className="mt-2 space-y-1">
        {all.map((o, k) => {
          const id = `${name}-${k}`; // by position: two values can differ only in punctuation
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
        })}
      </ul>
    </fieldset>
  );
}
