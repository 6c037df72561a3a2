import Link from "next/link";
import type { Near } from "@/lib/search/near";
import { placeName } from "@/lib/search/near";
import { toQueryString, type SearchQuery } from "@/lib/search/params";

/**
 * What the list made of its "near" place: the point distances are measured from; the places a
 * name could be, as links to choose from (never picked silently); or why the place was not
 * used, naming the parameter. And a distance sort asked for without a place.
 */
export function NearNote({ near, q }: { near: Near; q: SearchQuery }) {
  const sortProblem = q.sort === "distance" && near.status !== "point"
    ? <p role="alert" className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">sort: &ldquo;nearest recruiting site&rdquo; needs a place (near); the list is sorted by start date instead.</p>
    : null;
  if (near.status === "none") return sortProblem;
  if (near.status === "not found") {
    return <>{sortProblem}<p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="near-note">Place not used: {near.message}.</p></>;
  }
  if (near.status === "ambiguous") {
    return (
      <>
        {sortProblem}
        <div role="alert" className="mt-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="near-note">
          {near.problem && <p>Place not used: {near.problem}.</p>}
          <p>
            &ldquo;{near.input}&rdquo; is the name of {near.total} places{near.total > near.candidates.length ? ` (the ${near.candidates.length} largest shown)` : ""}.
            Choose one to measure distances from (or type the place with its country):
          </p>
          <ul className="mt-1 list-disc pl-5" data-testid="near-candidates">
            {near.candidates.map((p) => (
              <li key={p.id}>
                <Link href={`/trials?${toQueryString({ ...q, place: p.id, page: 1 })}`} className="underline">{placeName(p)}</Link>
                <span className="text-slate-700"> ({p.population.toLocaleString("en")} inhabitants)</span>
              </li>
            ))}
          </ul>
        </div>
      </>
    );
  }
  return (
    <p className="mt-3 text-sm text-slate-700" data-testid="near-note">
      Distances from <strong>{near.label}</strong>
      {near.place ? <> (the town&apos;s centre, {near.point.lat.toFixed(2)}, {near.point.lon.toFixed(2)})</> : null}
      {q.radius !== undefined ? <>, sites within {q.radius.toLocaleString("en")} km</> : null}: great-circle distances, as the crow flies.{" "}
      <Link href={`/trials?${toQueryString({ ...q, near: undefined, place: undefined, radius: undefined, sort: q.sort === "distance" ? "relevance" : q.sort, page: 1 })}`} className="underline">Remove the place</Link>
    </p>
  );
}
