import type { Location, TrialRecord } from "../record/schema";
import type { MapSite } from "./site-map";

/** A site's anchor on its trial page (the map's points link to it). */
export const siteAnchor = (ordinal: number) => `site-${ordinal + 1}`;

/**
 * A trial's sites for the map: those with coordinates (the record's or the gazetteer's),
 * each linking to its entry in the site list, with its own status or else the trial's
 * (said so in its label). `unplaced`: sites without coordinates, listed, not drawn.
 */
export function mapSitesOf(t: Pick<TrialRecord, "locations" | "overallStatus">, href: (ordinal: number) => string = (i) => `#${siteAnchor(i)}`): { sites: MapSite[]; unplaced: number } {
  const sites: MapSite[] = [];
  t.locations.forEach((l: Location, i) => {
    const g = l.geo;
    if (!g || g.lat === null || g.lon === null) return;
    sites.push({
      facility: l.facility, city: l.city, country: l.country,
      status: l.status ?? t.overallStatus, statusFromTrial: !l.status && t.overallStatus !== null,
      lat: g.lat, lon: g.lon, approximate: g.approximate, href: href(i),
    });
  });
  return { sites, unplaced: t.locations.length - sites.length };
}
