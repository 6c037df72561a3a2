/** A plain GET search form to the list: works everywhere, with or without JavaScript. */
export function SearchBox({ id = "search-box" }: { id?: string }) {
  return (
    <form action="/trials" method="get" role="search" className="mt-4 flex gap-2">
      <label htmlFor={id} className="sr-only">Search trials</label>
      <input id={id} name="q" type="search" placeholder="Search trials" className="min-w-0 flex-1 rounded border border-slate-300 px-3 py-2" />
      <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">Search</button>
    </form>
  );
}
