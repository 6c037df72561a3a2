import type { Location, TrialRecord } from "../record/schema";
import { effectiveSiteStatus, mapStatus } from "../map/markers";
import { distanceKm, type LatLon } from "./distance";

/** A trial's site and its great-circle distance from a point. */
export interface SiteDistance {
  ordinal: number; site: Location; km: number; approximate: boolean; recruiting: boolean;
  /** The status it is taken at (effectiveSiteStatus), and whether that is the trial's. */
  status: TrialRecord["overallStatus"]; fromTrial: boolean;
}

/**
 * A trial's placed sites by distance from a point, recruiting ones (lib/map/markers.ts
 * effectiveSiteStatus) first: the first is the site to contact.
 */
export function sitesByDistance(t: Pick<TrialRecord, "locations" | "overallStatus">, point: LatLon): SiteDistance[] {
  return t.locations.flatMap((site, ordinal) => {
    const g = site.geo;
    if (!g || g.lat === null || g.lon === null) return [];
    const { status, fromTrial } = effectiveSiteStatus(site.status, t.overallStatus);
    const recruiting = mapStatus(status) === "recruiting";
    return [{ ordinal, site, km: distanceKm(point, { lat: g.lat, lon: g.lon }), approximate: g.approximate, recruiting, status, fromTrial }];
  }).sort((a, b) => Number(b.recruiting) - Number(a.recruiting) || a.km - b.km || a.ordinal - b.ordinal);
}
