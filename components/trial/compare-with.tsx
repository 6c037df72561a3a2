/**
 * "Compare with…": a GET form to /compare holding this trial and the ones ticked. Works
 * without JavaScript.
 */
export function CompareWith({ id, candidates }: { id: string; candidates: { id: string; title: string | null }[] }) {
  return (
    <details className="no-print relative">
      <summary className="inline-flex cursor-pointer list-none items-center rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100">
        Compare with…
      </summary>
      <form action="/compare" method="get" className="absolute right-0 z-30 mt-1 w-80 max-w-[90vw] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg">
        <input type="hidden" name="ids" value={id} />
        <fieldset>
          <legend className="font-semibold">Choose 1 to 5 trials</legend>
          <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto">
            {candidates.map((c) => (
              <li key={c.id} className="flex items-start gap-2">
                <input type="checkbox" id={`cw-${c.id}`} name="ids" value={c.id} className="mt-1 h-4 w-4 accent-brand" />
                <label htmlFor={`cw-${c.id}`}>
                  <span className="font-mono">{c.id}</span> {c.title ?? ""}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="mt-3 w-full rounded bg-brand px-3 py-1.5 font-medium text-white">Compare</button>
      </form>
    </details>
  );
}
