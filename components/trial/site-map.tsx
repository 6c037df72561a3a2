import type { TrialRecord } from "@/lib/record/schema";
import { mapSitesOf } from "@/lib/map/record-sites";
import { renderSiteMap } from "@/lib/map/site-map";
import { shapePath, STATUS_STYLE, type MapStatus } from "@/lib/map/markers";

/** A map's legend in words (each status's shape and colour beside its name). */
export function MapLegend({ statuses, clusters, clusterWords = "sites close together at this scale" }: { statuses: MapStatus[]; clusters: number; clusterWords?: string }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Legend">
      {statuses.map((s) => (
        <li key={s} className="flex items-center gap-1">
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true"><path d={shapePath(STATUS_STYLE[s].shape, 7, 7, 5)} fill={STATUS_STYLE[s].colour} /></svg>
          {STATUS_STYLE[s].label}
        </li>
      ))}
      {clusters > 0 && <li>a number: {clusterWords}</li>}
    </ul>
  );
}

/** The trial's sites on a map drawn on the server (no script), above the site list, which stays the source of truth. */
export function SiteMap({ t, origin }: { t: TrialRecord; origin?: { lat: number; lon: number; label: string } }) {
  const { sites, unplaced } = mapSitesOf(t);
  if (sites.length === 0) return null;
  const map = renderSiteMap(sites, { title: `Map of the sites of ${t.id}`, notDrawn: unplaced, ...(origin ? { origin } : {}) });
  const approximate = sites.filter((s) => s.approximate).length;
  return (
    <figure className="mt-3 max-w-2xl" aria-labelledby="site-map-caption">
      {/* The SVG is built from escaped text by lib/map/site-map.ts. */}
      <div className="site-map-frame overflow-hidden rounded border border-slate-200 [&_svg]:h-auto [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: map.svg }} />
      <figcaption id="site-map-caption" className="mt-1 text-xs text-slate-700">
        <MapLegend statuses={map.statuses} clusters={map.clusters} />
        <p className="mt-1">
          {sites.length} of {t.locations.length} sites placed
          {approximate > 0 && <>; {approximate === sites.length ? "all" : approximate} at their town&apos;s centre (approximate: the registry gives no coordinates)</>}
          {unplaced > 0 && <>; {unplaced} without a known location, in the list below</>}.
          {origin && <> A cross marks {origin.label}.</>}
        </p>
      </figcaption>
    </figure>
  );
}
