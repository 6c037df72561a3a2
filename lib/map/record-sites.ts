import type { Location, TrialRecord } from "../record/schema";
import type { MapSite } from "./site-map";
import { effectiveSiteStatus } from "./markers";

/** A site's anchor on its trial page (the map's points link to it). */
export const siteAnchor = (ordinal: number) => `site-${ordinal + 1}`;

/**
 * A trial's sites for the map: those with coordinates (the record's or the gazetteer's),
 * each linking to its entry in the site list, with its own status or else the trial's
 * (said so in its label; lib/map/markers.ts effectiveSiteStatus). `unplaced`: sites without coordinates, listed, not drawn.
 */
export function mapSitesOf(t: Pick<TrialRecord, "locations" | "overallStatus">, href: (ordinal: number) => string = (i) => `#${siteAnchor(i)}`): { sites: MapSite[]; unplaced: number } {
  const sites: MapSite[] = [];
  t.locations.forEach((l: Location, i) => {
    const g = l.geo;
    if (!g || g.lat === null || g.lon === null) return;
    // A site of a trial closed or of unknown status is drawn at the trial's status (its own is a last status, not an opening).
    const { status, fromTrial } = effectiveSiteStatus(l.status, t.overallStatus);
    sites.push({
      facility: l.facility, city: l.city, country: l.country,
      status, statusFromTrial: fromTrial,
      lat: g.lat, lon: g.lon, approximate: g.approximate, href: href(i),
    });
  });
  return { sites, unplaced: t.locations.length - sites.length };
}
