import Link from "next/link";

export default function TrialNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-semibold">No trial with this id</h1>
      <p className="mt-2 text-slate-700">
        The registry has no trial at this address. Trials are listed under their NCT id (for example
        <Link href="/trials/NCT04822922"> NCT04822922</Link>) or a stable slug.
      </p>
      <form action="/trials" method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="nf-q" className="sr-only">Search trials</label>
        <input id="nf-q" name="q" type="search" placeholder="Search trials" className="flex-1 rounded border border-slate-300 px-3 py-2" />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-medium text-white">Search</button>
      </form>
    </div>
  );
}
