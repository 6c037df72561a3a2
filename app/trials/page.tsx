import type { Metadata } from "next";
import { searchTrials } from "@/lib/data";
import { parseSearchParams, toQueryString } from "@/lib/search/params";
import { AutoSubmit } from "@/components/search/auto-submit";
import { Filters } from "@/components/search/filters";
import { Results } from "@/components/search/results";
import { SearchForm } from "@/components/search/search-form";
import { PatientPanel } from "@/components/screen/patient-panel";
import { ScreenSummary } from "@/components/screen/screen-summary";
import { runView } from "@/lib/data/view-pool";
import { heavyPageTurn } from "@/lib/data/page-turn";
import { readPagePatient } from "@/lib/screen/page-params";
import type { RawParams } from "@/lib/url/params";
import { resolveNear } from "@/lib/search/near";
import { NearNote } from "@/components/search/near-note";
import { ListMap } from "@/components/search/list-map";

/** The near place's parameters, carried to a trial page (its nearest recruiting site first). */
const nearKeep = (q: Parameters<typeof toQueryString>[0]) => {
  const p = new URLSearchParams();
  for (const k of ["near", "radius", "place"] as const) if (q[k] !== undefined) p.set(k, String(q[k]));
  return p.toString();
};

/** The Atom feed beside the list: the same search (paging and sort dropped). */
const feedHref = (q: Parameters<typeof toQueryString>[0]) => {
  const qs = toQueryString(q, { page: 1, pageSize: 20, sort: "relevance" });
  return `/trials/feed${qs ? `?${qs}` : ""}`;
};

type Props = { searchParams: Promise<RawParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseSearchParams(await searchParams);
  return {
    title: query.q ? `Search: ${query.q.slice(0, 60)}` : "Trials",
    description: "Search MSC trials in liver failure by condition, phase, dose per kg, infusions and eligibility.",
    alternates: { types: { "application/atom+xml": [{ url: feedHref(query), title: "New and changed trials of this search (Atom)" }] } },
  };
}

export default async function TrialsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const parsed = parseSearchParams(raw);
  const q = parsed.query;
  const screen = readPagePatient({ ...raw, age: q.age === undefined ? undefined : String(q.age) });
  // Every match screened (the counts cover them all): on a view worker, off the thread that answers the other requests.
  if (screen.active) await heavyPageTurn(); // and rendered in its turn (lib/data/page-turn.ts)
  const screened = screen.active ? await runView({ kind: "screen-search", q, patient: screen.patient, onlyPossible: screen.onlyPossible }) : null;
  const result = screened?.result ?? (await searchTrials(q));
  const hasFilters = toQueryString({ ...q, q: "", sort: "relevance", page: 1 }) !== "";
  const near = resolveNear(q);
  const keep = screen.query + (screen.onlyPossible ? "&possible=1" : "");
  const trialKeep = [keep, near.status === "point" ? nearKeep(q) : ""].filter(Boolean).join("&");

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">MSC trials in liver failure</h1>
        <a href={feedHref(q)} className="text-sm" data-testid="feed-link">Feed of new and changed trials (Atom)</a>
      </div>
      <SearchForm q={q} />
      <AutoSubmit formId="search" />
      <PatientPanel patient={screen.patient} onlyPossible={screen.onlyPossible} open={screen.active || screen.error !== null} />
      {screen.error && <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">Patient values not used: {screen.error}</p>}
      {screened && <ScreenSummary s={screened} />}
      {!parsed.ok && (
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          Ignored a bad parameter: {parsed.message}
        </p>
      )}
      <NearNote near={near} q={q} />

      <div className="mt-6 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <details className="filters rounded-lg border border-slate-200 bg-white px-4 py-2 lg:self-start">
          <summary className="cursor-pointer py-1 font-semibold">Filters</summary>
          <Filters q={q} facets={result.facets} />
          <button type="submit" form="search" className="my-3 w-full rounded border border-brand px-3 py-1.5 text-brand">
            Apply filters
          </button>
        </details>

        <Results q={q} result={result} hasFilters={hasFilters} screens={screened?.screens} keep={keep} trialKeep={trialKeep}
          map={<ListMap q={q} result={result} trialKeep={trialKeep} origin={near.status === "point" ? { ...near.point, label: near.label } : undefined} />} />
      </div>
    </div>
  );
}
