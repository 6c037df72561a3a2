import type { SearchResult } from "@/lib/search/list-items";
import type { SearchQuery } from "@/lib/search/params";
import { renderListMap } from "@/lib/map/list-map";
import { MapLegend } from "@/components/trial/site-map";

/**
 * The sites of the search's trials on a map drawn on the server (no script; it prints), above
 * the list, which stays the source of truth: every point links to its trial's site, every
 * group of close sites to the list narrowed to them.
 */
export function ListMap({ q, result, trialKeep, origin }: {
  q: SearchQuery; result: SearchResult; trialKeep: string;
  /** The near place, drawn as a cross (with its radius). */
  origin?: { lat: number; lon: number; label: string };
}) {
  const sites = result.mapSites;
  if (result.total === 0) return null;
  const trials = new Set(sites.map((s) => s.trialId)).size;
  const approximate = sites.filter((s) => s.approximate).length;
  if (sites.length === 0) {
    return <p className="mt-3 text-sm text-slate-700" data-testid="list-map-none">Map: none of these trials has a site with a known location.</p>;
  }
  const map = renderListMap(sites, q, trialKeep, `Map of the sites of the ${result.total === 1 ? "trial" : `${result.total} trials`} found`, origin);
  return (
    <details open className="list-map mt-3 max-w-2xl rounded-lg border border-slate-200 bg-white px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">Map: {sites.length} {sites.length === 1 ? "site" : "sites"} of {trials} {trials === 1 ? "trial" : "trials"}</summary>
      <figure className="mt-2" aria-labelledby="list-map-caption">
        {/* The SVG is built from escaped text by lib/map/site-map.ts. */}
        <div className="overflow-hidden rounded border border-slate-200 [&_svg]:h-auto [&_svg]:w-full" data-testid="list-map" dangerouslySetInnerHTML={{ __html: map.svg }} />
        <figcaption id="list-map-caption" className="mt-1 text-xs text-slate-700">
          <MapLegend statuses={map.statuses} clusters={map.clusters} clusterWords="sites close together (in the colour of the most open of them); it opens the list near them" />
          {origin && <p className="mt-1">A cross marks {origin.label}{q.radius !== undefined ? <>, the dashed circle {q.radius.toLocaleString("en")} km around it</> : null}.</p>}
          <p className="mt-1">
            Each point links to its trial&apos;s site. A site without its own status shows its trial&apos;s.
            {approximate > 0 && <> {approximate === sites.length ? "All" : approximate} at their town&apos;s centre (approximate: the registry gives no coordinates).</>}
            {trials < result.total && <> {result.total - trials} of the {result.total} trials have no site with a known location{q.country.length || q.city.length || q.recruiting || q.radius !== undefined ? " meeting the site filters" : ""}: not on the map.</>}
            {" "}The list below is the full result.
          </p>
        </figcaption>
      </figure>
    </details>
  );
}
