import { countryCode } from "../../geo/countries";
import { match } from "../../geo/gazetteer";
import type { Location } from "../../record/schema";
import type { ParsedTrial } from "../parsed-record";

/**
 * The sites, the same for every layout: each country's ISO code (one form for "Korea,
 * Republic of" and "South Korea"), and where the record gives no coordinates, the
 * gazetteer's town of the site's city, country and state (approximate), or why there is
 * none ("ambiguous" with the number of places, "not found"). A site without a city (ICTRP's
 * countries) gets no `geo`: there is nothing to place. Keys in the contract's order.
 */
export function placeSites<T extends Pick<ParsedTrial, "locations">>(rec: T): T {
  if (rec.locations.length === 0) return rec;
  return { ...rec, locations: rec.locations.map(placeSite) };
}

export function placeSite(l: Location): Location {
  const code = countryCode(l.country);
  let geo = l.geo;
  if (!geo && l.city) {
    const m = match(l.city, code, l.region);
    geo = { status: m.status, lat: m.lat, lon: m.lon, source: m.source, approximate: m.approximate, candidates: m.candidates.length };
  }
  return {
    facility: l.facility, city: l.city, region: l.region, country: l.country,
    ...(l.postalCode ? { postalCode: l.postalCode } : {}),
    ...(code ? { countryCode: code } : {}),
    ...(l.status ? { status: l.status } : {}),
    ...(l.contacts?.length ? { contacts: l.contacts } : {}),
    ...(geo ? { geo } : {}),
  };
}
