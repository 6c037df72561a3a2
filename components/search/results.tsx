import Link from "next/link";
import type { SearchResult } from "@/lib/search/list-items";
import { toQueryString, type SearchQuery } from "@/lib/search/params";
import { ResultItem } from "@/components/search/result-item";
import { landscapeHref } from "@/lib/landscape/params";
import { DEFAULT_REFERENCE_WEIGHT_KG } from "@/lib/record/summary";
import type { TrialScreen } from "@/lib/screen";
import { CopyLink } from "@/components/ui/copy-link";

/** The result list: count, compare form, the page of trials and the pager. */
export function Results({ q, result, hasFilters, screens, keep = "", trialKeep = keep, map }: {
  q: SearchQuery; result: SearchResult; hasFilters: boolean;
  /** The patient screen of each trial, when a patient is entered; `keep`: its URL parameters. */
  screens?: Map<string, TrialScreen>; keep?: string;
  /** What a trial's link carries (the patient's and the near place's parameters). */
  trialKeep?: string;
  /** The map of the results' sites, above the list. */
  map?: React.ReactNode;
}) {
  const more = keep ? `&${keep}` : "";
  const pages = Math.max(1, Math.ceil(result.total / q.pageSize));
  return (
    <section aria-labelledby="results-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="results-heading" className="text-base font-medium" aria-live="polite">
          <span data-testid="total">{result.total}</span> {result.total === 1 ? "trial" : "trials"}
          {q.q ? <> for “{q.q.slice(0, 80)}”</> : null}
        </h2>
        <div className="no-print flex flex-wrap items-center gap-3 text-sm">
          {(hasFilters || q.q) && <Link href="/trials">Clear search and filters</Link>}
          {(hasFilters || q.q) && <CopyLink href={`/trials?${[toQueryString(q), keep].filter(Boolean).join("&")}`} testId="copy-search-link">Copy link to this search</CopyLink>}
          <Link href={landscapeHref({ query: q, y: "infusions", colour: "route", view: "chart", weightKg: DEFAULT_REFERENCE_WEIGHT_KG })} data-testid="landscape-link">Dose landscape</Link>
          <form id="compare" action="/compare" method="get">
            <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-white hover:bg-slate-900">
              Compare selected
            </button>
          </form>
        </div>
      </div>
      {map}
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
            <ResultItem key={item.id} item={item} compareForm="compare" screen={screens?.get(item.id)} keep={trialKeep} />
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="no-print mt-4 flex items-center justify-between text-sm">
          {q.page > 1 ? <Link href={`/trials?${toQueryString(q, { page: q.page - 1 })}${more}`}>← Previous</Link> : <span />}
          <span>Page {q.page} of {pages}</span>
          {q.page < pages ? <Link href={`/trials?${toQueryString(q, { page: q.page + 1 })}${more}`}>Next →</Link> : <span />}
        </nav>
      )}
    </section>
  );
}
