import type { Metadata } from "next";
import Link from "next/link";
import { searchTrials } from "@/lib/data";
import { label } from "@/lib/format";
import { parseSearchParams, toQueryString, SORTS, type SearchQuery } from "@/lib/search/params";
import { AutoSubmit } from "@/components/search/auto-submit";
import { DoseSelect } from "@/components/search/dose-select";
import { FacetGroup } from "@/components/search/facet-group";
import { ResultItem } from "@/components/search/result-item";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseSearchParams(await searchParams);
  return {
    title: query.q ? `Search: ${query.q.slice(0, 60)}` : "Trials",
    description: "Search MSC trials in liver failure by condition, phase, dose per kg, infusions and eligibility.",
  };
}

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  relevance: "Relevance",
  start: "Start date (newest)",
  enrollment: "Enrollment (largest)",
  dose: "Highest dose per kg",
};

export default async function TrialsPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams);
  const q = parsed.query;
  const result = searchTrials(q);
  const pages = Math.max(1, Math.ceil(result.total / q.pageSize));
  const hasFilters = toQueryString({ ...q, q: "", sort: "relevance", page: 1 }) !== "";

  return (
    <div>
      <h1 className="text-2xl font-semibold">MSC trials in liver failure</h1>
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
      <AutoSubmit formId="search" />
      {!parsed.ok && (
        <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          Ignored a bad parameter: {parsed.message}
        </p>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-[16rem_1fr]">
        <details className="filters rounded-lg border border-slate-200 bg-white px-4 py-2 lg:self-start">
          <summary className="cursor-pointer py-1 font-semibold">Filters</summary>
          <Filters q={q} facets={result.facets} />
          <button type="submit" form="search" className="my-3 w-full rounded border border-brand px-3 py-1.5 text-brand">
            Apply filters
          </button>
        </details>

        <section aria-labelledby="results-heading">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="results-heading" className="text-base font-medium" aria-live="polite">
              <span data-testid="total">{result.total}</span> {result.total === 1 ? "trial" : "trials"}
              {q.q ? <> for “{q.q.slice(0, 80)}”</> : null}
            </h2>
            <div className="no-print flex items-center gap-3 text-sm">
              {(hasFilters || q.q) && <Link href="/trials">Clear search and filters</Link>}
              <form id="compare" action="/compare" method="get">
                <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white hover:bg-slate-900">
                  Compare selected
                </button>
              </form>
            </div>
          </div>
          {result.items.length === 0 ? (
            <p className="mt-6 rounded border border-slate-200 bg-white p-6 text-slate-700">
              {result.total > 0 ? (
                <>This page is past the last result. <Link href={`/trials?${toQueryString(q, { page: 1 })}`}>Back to page 1</Link></>
              ) : (
                "No trial matches. Try fewer words or remove a filter."
              )}
            </p>
          ) : (
            <ol className="mt-3 space-y-3" start={(q.page - 1) * q.pageSize + 1}>
              {result.items.map((item) => (
                <ResultItem key={item.id} item={item} compareForm="compare" />
              ))}
            </ol>
          )}
          {pages > 1 && (
            <nav aria-label="Pages" className="no-print mt-4 flex items-center justify-between text-sm">
              {q.page > 1 ? <Link href={`/trials?${toQueryString(q, { page: q.page - 1 })}`}>← Previous</Link> : <span />}
              <span>Page {q.page} of {pages}</span>
              {q.page < pages ? <Link href={`/trials?${toQueryString(q, { page: q.page + 1 })}`}>Next →</Link> : <span />}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}

function Filters({ q, facets }: { q: SearchQuery; facets: ReturnType<typeof searchTrials>["facets"] }) {
  const f = "search";
  return (
    <>
      <FacetGroup legend="Phase" name="phase" options={facets.phase} selected={q.phase} labelOf={label} form={f} />
      <FacetGroup legend="Status" name="status" options={facets.status} selected={q.status} labelOf={label} form={f} />
      <FacetGroup legend="Allocation" name="allocation" options={facets.allocation} selected={q.allocation} labelOf={label} form={f} />
      <FacetGroup legend="Masking" name="masking" options={facets.masking} selected={q.masking} labelOf={label} form={f} />
      <FacetGroup legend="Condition" name="condition" options={facets.condition.slice(0, 15)} selected={q.condition} form={f} />
      <FacetGroup legend="Cell source" name="source" options={facets.source} selected={q.source} labelOf={label} form={f} />
      <fieldset className="border-t border-slate-200 py-3">
        <legend className="text-sm font-semibold text-slate-800">Dose per kg per infusion (any arm)</legend>
        <div className="mt-2 space-y-2">
          <DoseSelect name="doseMin" label="at least" options={facets.doseMin} value={q.doseMin} form={f} />
          <DoseSelect name="doseMax" label="at most" options={facets.doseMax} value={q.doseMax} form={f} />
        </div>
        <p className="mt-1 text-xs text-slate-600">Flat doses count at the 60 kg reference weight.</p>
      </fieldset>
      <FacetGroup
        legend="MSC infusions (any arm)" name="infusions" options={facets.infusions} selected={q.infusions.map(String)}
        labelOf={(v) => `${v} infusion${v === "1" ? "" : "s"}`} form={f}
      />
      <fieldset className="border-t border-slate-200 py-3">
        <legend className="text-sm font-semibold text-slate-800">Patient age</legend>
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="number" name="age" form={f} min={0} max={120} step={1} defaultValue={q.age ?? ""}
            className="w-20 rounded border border-slate-300 px-2 py-1" />
          <span>years</span>
          {facets.age !== null && <span className="ml-auto tabular-nums text-slate-600">{facets.age} trials admit it</span>}
        </label>
      </fieldset>
    </>
  );
}
