import { SORTS, type SearchQuery } from "@/lib/search/params";
import { SORT_LABELS } from "@/lib/format";

/** The list's search box and sort: a plain GET form, so it works without JavaScript. */
export function SearchForm({ q }: { q: SearchQuery }) {
  return (
    <form id="search" action="/trials" method="get" role="search" className="mt-4 flex flex-wrap gap-2">
      <label htmlFor="q" className="sr-only">Search trials</label>
      <input
        id="q" name="q" type="search" defaultValue={q.q} maxLength={5000}
        placeholder="Condition, cell source, sponsor, NCT id… e.g. hbv"
        className="min-w-0 basis-full rounded border border-slate-300 bg-white px-3 py-2 sm:basis-auto sm:flex-1"
      />
      <label htmlFor="sort" className="sr-only">Sort by</label>
      <select id="sort" name="sort" defaultValue={q.sort} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-2 sm:flex-none">
        {SORTS.map((s) => (
          <option key={s} value={s}>{SORT_LABELS[s]}</option>
        ))}
      </select>
      <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark">
        Search
      </button>
    </form>
  );
}
