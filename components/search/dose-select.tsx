import { formatCells } from "@/lib/format";
import type { FacetCount } from "@/lib/search/engine";

/** A dose bound as a select whose options say how many trials each would leave. */
export function DoseSelect({ name, label, options, value, form }: {
  name: string; label: string; options: FacetCount[]; value: number | undefined; form: string;
}) {
  return (
    <label className="flex items-center justify-between gap-2 text-sm">
      <span>{label}</span>
      <select name={name} form={form} defaultValue={value === undefined ? "" : String(value)}
        className="rounded border border-slate-300 bg-white px-2 py-1">
        <option value="">any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {formatCells(Number(o.value))} ({o.count})
          </option>
        ))}
        {value !== undefined && !options.some((o) => Number(o.value) === value) && (
          <option value={String(value)}>{formatCells(value)}</option>
        )}
      </select>
    </label>
  );
}
