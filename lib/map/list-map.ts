import { countryName } from "../geo/countries";
import { distanceKm } from "../geo/distance";
import { toQueryString, type SearchQuery } from "../search/params";
import type { ListMapSite } from "../search/site-facets";
import { siteAnchor } from "./record-sites";
import { renderSiteMap, type MapSite, type SiteMap } from "./site-map";

/**
 * The list's map: the placed sites of every trial the search matches (those meeting its
 * site conditions), drawn by renderSiteMap. A site links to its place in its trial's site
 * list (with the near context, `trialQuery`); a cluster links to the list narrowed to it:
 * the same search near the cluster's centre, within a radius that holds all its sites.
 */

/** A cluster's centre (the mean of its sites) and the radius, in whole 5 km, that holds them all (at least 5 km). */
export function clusterCircle(sites: { lat: number; lon: number }[]): { lat: number; lon: number; radius: number } {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const lat = round(sites.reduce((s, p) => s + p.lat, 0) / sites.length);
  const lon = round(sites.reduce((s, p) => s + p.lon, 0) / sites.length);
  const far = Math.max(...sites.map((p) => distanceKm({ lat, lon }, p)));
  return { lat, lon, radius: Math.max(5, Math.ceil((far + 0.5) / 5) * 5) };
}

export function listMapSites(sites: ListMapSite[], trialQuery: string): MapSite[] {
  return sites.map((s) => ({
    facility: null, city: s.city, country: s.countryCode ? countryName(s.countryCode) : null, status: s.status,
    statusFromTrial: s.statusFromTrial, lat: s.lat, lon: s.lon, approximate: s.approximate, trial: s.trialId,
    href: `/trials/${encodeURIComponent(s.trialId)}${trialQuery ? `?${trialQuery}` : ""}#${siteAnchor(s.ordinal)}`,
  }));
}

export function renderListMap(sites: ListMapSite[], q: SearchQuery, trialQuery: string, title: string, origin?: { lat: number; lon: number; label: string }): SiteMap {
  return renderSiteMap(listMapSites(sites, trialQuery), {
    // A narrower canvas than a trial's (480): drawn 330–670 px wide, its marks and names stay readable on a phone.
    title, idPrefix: "list-map", width: 400, height: 260,
    ...(origin ? { origin: { ...origin, ...(q.radius !== undefined ? { radiusKm: q.radius } : {}) } } : {}),
    cluster: {
      href: (cs) => {
        const c = clusterCircle(cs);
        return `/trials?${toQueryString({ ...q, near: `${c.lat}, ${c.lon}`, radius: c.radius, place: undefined, page: 1 })}`;
      },
      action: (cs) => `Opens the list of these trials: within ${clusterCircle(cs).radius} km of the group's centre`,
    },
  });
}
