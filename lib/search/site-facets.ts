import type { FacetRow } from "../db/store";
import { distanceKm, type LatLon } from "../geo/distance";
import { placeKey } from "../geo/gazetteer";
import { effectiveSiteStatus, mapStatus } from "../map/markers";
import { OVERALL_STATUSES, type OverallStatus } from "../record/vocabulary";
import type { FacetCount } from "./engine";
import type { SearchQuery } from "./params";

/**
 * Where trials recruit, for the list: each trial's sites (FacetRow.sites) held as flat typed
 * arrays, the site facets (country, city, "recruiting sites only", "near": a place and a
 * radius), the distance to a trial's nearest recruiting site, and the sites the list's map
 * draws. Pure: (index, query, point) → filters, counts, distances.
 *
 * The site conditions hold of one site together: "recruiting" with a country is a trial
 * recruiting *in* that country; with "near", recruiting within the radius. So a trial passes
 * when one of its sites meets every chosen site condition, and a site facet's option counts
 * the trials with a site that has that option and meets the *other* site conditions (as the
 * other facets count what choosing an option gives).
 *
 * A site is recruiting when its status is recruiting, enrolling by invitation or available
 * (lib/map/markers.ts "recruiting"); a site whose record states no status of its own, or of a
 * trial that is closed or of unknown status (whose sites keep their last status), takes the
 * trial's overall status (effectiveSiteStatus).
 */

export interface SiteIndex {
  /** Trial slot i's sites are start[i] … start[i + 1] − 1, in record order. */
  start: Int32Array;
  /** Index into `countries` (ISO codes), −1 when the site's country has no code. */
  country: Int16Array;
  countries: string[];
  /** Index into `cities`, −1 when the record names no city; one per country and place key. */
  city: Int32Array;
  /** The cities as URL values ("Shanghai, CN", the first spelling met). */
  cities: string[];
  cityByKey: Map<string, number>;
  /** The site's status (effectiveSiteStatus: its own, else the trial's) as an index into OVERALL_STATUSES, −1 when neither states one. */
  status: Int8Array;
  /** 1 where the status is the trial's (the site states none, or the trial is closed or unknown). */
  fromTrial: Uint8Array;
  /** 1 where the site is open to patients (recruiting, enrolling by invitation). */
  open: Uint8Array;
  lat: Float64Array; // NaN: not placed
  lon: Float64Array;
  approximate: Uint8Array;
  /** Per trial: 1 when the record lists a reference that reports its results. */
  results: Uint8Array;
}

/** A city's URL value: "Shanghai, CN" (the city as first spelled, its country's code). */
export const cityValue = (city: string, code: string | null) => (code ? `${city}, ${code}` : city);
/** The key a city value matches by (case, accents and punctuation aside). */
export function cityKeyOfValue(value: string): string {
  const m = /^(.*),\s*([A-Z]{2})$/.exec(value.trim());
  return m ? `${m[2]}|${placeKey(m[1]!)}` : `|${placeKey(value)}`;
}

export function buildSiteIndex(rows: FacetRow[]): SiteIndex {
  const total = rows.reduce((n, r) => n + r.sites.length, 0);
  const idx: SiteIndex = {
    start: new Int32Array(rows.length + 1), country: new Int16Array(total).fill(-1), countries: [],
    city: new Int32Array(total).fill(-1), cities: [], cityByKey: new Map(), status: new Int8Array(total).fill(-1),
    fromTrial: new Uint8Array(total), open: new Uint8Array(total), lat: new Float64Array(total).fill(NaN),
    lon: new Float64Array(total).fill(NaN), approximate: new Uint8Array(total), results: new Uint8Array(rows.length),
  };
  const countryCodes = new Map<string, number>();
  let s = 0;
  rows.forEach((r, i) => {
    idx.start[i] = s;
    idx.results[i] = r.hasResultsPublication ? 1 : 0;
    for (const site of r.sites) {
      if (site.countryCode) {
        let c = countryCodes.get(site.countryCode);
        if (c === undefined) countryCodes.set(site.countryCode, (c = idx.countries.push(site.countryCode) - 1));
        idx.country[s] = c;
      }
      const city = site.city?.trim();
      if (city && placeKey(city)) {
        const key = `${site.countryCode ?? ""}|${placeKey(city)}`;
        let c = idx.cityByKey.get(key);
        if (c === undefined) idx.cityByKey.set(key, (c = idx.cities.push(cityValue(city, site.countryCode)) - 1));
        idx.city[s] = c;
      }
      const { status, fromTrial } = effectiveSiteStatus(site.status as OverallStatus | null, r.status as OverallStatus | null);
      idx.status[s] = status ? OVERALL_STATUSES.indexOf(status) : -1;
      idx.fromTrial[s] = fromTrial ? 1 : 0;
      idx.open[s] = mapStatus(status) === "recruiting" ? 1 : 0;
      if (site.lat !== null && site.lon !== null) {
        idx.lat[s] = site.lat;
        idx.lon[s] = site.lon;
      }
      idx.approximate[s] = site.approximate ? 1 : 0;
      s++;
    }
  });
  idx.start[rows.length] = s;
  return idx;
}

/** What the site conditions of a query need: the chosen sets, and each site's distance from the point. */
export interface SiteQuery {
  countries: Uint8Array | null;
  cities: Uint8Array | null;
  recruiting: boolean;
  /** Per site, kilometres from the point (NaN: not placed); null without a point. */
  distance: Float64Array | null;
  radius: number | null;
  /** Whether any site condition is chosen (else the site filter passes every trial). */
  active: boolean;
}

export function siteQuery(si: SiteIndex, q: Pick<SearchQuery, "country" | "city" | "recruiting" | "radius">, point: LatLon | null): SiteQuery {
  let countries: Uint8Array | null = null;
  if (q.country.length) {
    countries = new Uint8Array(si.countries.length);
    for (const c of q.country) { const k = si.countries.indexOf(c); if (k >= 0) countries[k] = 1; }
  }
  let cities: Uint8Array | null = null;
  if (q.city.length) {
    cities = new Uint8Array(si.cities.length);
    for (const c of q.city) { const k = si.cityByKey.get(cityKeyOfValue(c)); if (k !== undefined) cities[k] = 1; }
  }
  let distance: Float64Array | null = null;
  if (point) {
    distance = new Float64Array(si.lat.length);
    for (let s = 0; s < distance.length; s++) {
      distance[s] = Number.isNaN(si.lat[s]!) ? NaN : distanceKm(point, { lat: si.lat[s]!, lon: si.lon[s]! });
    }
  }
  const radius = point && q.radius !== undefined ? q.radius : null;
  return { countries, cities, recruiting: q.recruiting === true, distance, radius, active: !!countries || !!cities || q.recruiting === true || radius !== null };
}

// Each site condition, true when not chosen.
const inCountry = (si: SiteIndex, sq: SiteQuery, s: number) => !sq.countries || (si.country[s]! >= 0 && sq.countries[si.country[s]!] === 1);
const inCity = (si: SiteIndex, sq: SiteQuery, s: number) => !sq.cities || (si.city[s]! >= 0 && sq.cities[si.city[s]!] === 1);
const isOpen = (si: SiteIndex, sq: SiteQuery, s: number) => !sq.recruiting || si.open[s] === 1;
const within = (sq: SiteQuery, s: number) => sq.radius === null || sq.distance![s]! <= sq.radius; // NaN fails

/** A site meets every chosen site condition. */
export const siteMatches = (si: SiteIndex, sq: SiteQuery, s: number) => inCountry(si, sq, s) && inCity(si, sq, s) && isOpen(si, sq, s) && within(sq, s);

/** The trial filter of the site conditions: one site meets them all; null when none is chosen. */
export function siteTest(si: SiteIndex, sq: SiteQuery): ((i: number) => boolean) | null {
  if (!sq.active) return null;
  return (i) => {
    for (let s = si.start[i]!, end = si.start[i + 1]!; s < end; s++) if (siteMatches(si, sq, s)) return true;
    return false;
  };
}

export interface SiteCounts {
  country: FacetCount[];
  city: FacetCount[];
  /** Trials with a recruiting site meeting the other site conditions. */
  recruiting: FacetCount[];
  /** Trials with a placed site within the radius meeting the other conditions; null without a radius. */
  near: number | null;
}

function toCounts(values: readonly string[], counts: Int32Array): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((c, k) => { if (c > 0) out.push({ value: values[k]!, count: c }); });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** The site facets' tally: each option counted once per trial, relaxing only its own condition. */
export function siteTally(si: SiteIndex, sq: SiteQuery): { add(i: number): void; result(): SiteCounts } {
  const countries = new Int32Array(si.countries.length), cities = new Int32Array(si.cities.length);
  // The last trial (slot + 1) counted for each option: a trial counts once however many sites.
  const countrySeen = new Int32Array(si.countries.length), citySeen = new Int32Array(si.cities.length);
  let recruiting = 0, near = 0;
  return {
    add(i) {
      let open = false, close = false;
      for (let s = si.start[i]!, end = si.start[i + 1]!; s < end; s++) {
        const c = inCountry(si, sq, s), t = inCity(si, sq, s), r = isOpen(si, sq, s), n = within(sq, s);
        const k = si.country[s]!, y = si.city[s]!;
        if (t && r && n && k >= 0 && countrySeen[k] !== i + 1) { countrySeen[k] = i + 1; countries[k]!++; }
        if (c && r && n && y >= 0 && citySeen[y] !== i + 1) { citySeen[y] = i + 1; cities[y]!++; }
        if (c && t && n && si.open[s] === 1) open = true;
        if (c && t && r && sq.radius !== null && sq.distance![s]! <= sq.radius) close = true;
      }
      if (open) recruiting++;
      if (close) near++;
    },
    result: () => ({
      country: toCounts(si.countries, countries), city: toCounts(si.cities, cities),
      recruiting: recruiting ? [{ value: "1", count: recruiting }] : [], near: sq.radius === null ? null : near,
    }),
  };
}

/** The site a trial's distance is measured to. */
export interface NearestSite {
  /** The site's position in the record (its anchor on the trial page is site-{ordinal + 1}). */
  ordinal: number;
  km: number;
  approximate: boolean;
  /** Whether it is recruiting; false: the trial has no recruiting site meeting the conditions, this is its nearest site of any status. */
  recruiting: boolean;
  status: OverallStatus | null;
  statusFromTrial: boolean;
  city: string | null;
  countryCode: string | null;
}

/**
 * A trial's nearest recruiting site among those meeting the other site conditions (country,
 * city, radius), else its nearest such site of any status; null when none is placed.
 */
export function nearestSite(si: SiteIndex, sq: SiteQuery, i: number): NearestSite | null {
  if (!sq.distance) return null;
  let best = -1, bestOpen = false;
  for (let s = si.start[i]!, end = si.start[i + 1]!; s < end; s++) {
    const d = sq.distance[s]!;
    if (Number.isNaN(d) || !inCountry(si, sq, s) || !inCity(si, sq, s) || !within(sq, s)) continue;
    const open = si.open[s] === 1;
    if (sq.recruiting && !open) continue;
    if (best < 0 || (open && !bestOpen) || (open === bestOpen && d < sq.distance[best]!)) { best = s; bestOpen = open; }
  }
  if (best < 0) return null;
  const st = si.status[best]!;
  const cityCode = si.city[best]!;
  return {
    ordinal: best - si.start[i]!, km: sq.distance[best]!, approximate: si.approximate[best] === 1, recruiting: bestOpen,
    status: st >= 0 ? OVERALL_STATUSES[st]! : null, statusFromTrial: si.fromTrial[best] === 1,
    city: cityCode >= 0 ? si.cities[cityCode]!.replace(/,\s*[A-Z]{2}$/, "") : null,
    countryCode: si.country[best]! >= 0 ? si.countries[si.country[best]!]! : null,
  };
}

/** The distance sort's key: recruiting sites by distance, then trials with only other sites, then those with none placed. */
export function distanceKey(si: SiteIndex, sq: SiteQuery, i: number): number {
  const n = nearestSite(si, sq, i);
  return n === null ? Infinity : n.recruiting ? n.km : 1e6 + n.km;
}

/** One site the list's map draws: a placed site of a listed trial meeting the site conditions. */
export interface ListMapSite {
  trialId: string;
  ordinal: number;
  lat: number;
  lon: number;
  approximate: boolean;
  status: OverallStatus | null;
  statusFromTrial: boolean;
  city: string | null;
  countryCode: string | null;
}

export function mapSitesOf(si: SiteIndex, sq: SiteQuery, ids: string[], passing: Uint8Array): ListMapSite[] {
  const out: ListMapSite[] = [];
  for (let i = 0; i < passing.length; i++) {
    if (passing[i] !== 1) continue;
    for (let s = si.start[i]!, end = si.start[i + 1]!; s < end; s++) {
      if (Number.isNaN(si.lat[s]!) || (sq.active && !siteMatches(si, sq, s))) continue;
      const st = si.status[s]!, y = si.city[s]!, k = si.country[s]!;
      out.push({
        trialId: ids[i]!, ordinal: s - si.start[i]!, lat: si.lat[s]!, lon: si.lon[s]!, approximate: si.approximate[s] === 1,
        status: st >= 0 ? OVERALL_STATUSES[st]! : null, statusFromTrial: si.fromTrial[s] === 1,
        city: y >= 0 ? si.cities[y]!.replace(/,\s*[A-Z]{2}$/, "") : null, countryCode: k >= 0 ? si.countries[k]! : null,
      });
    }
  }
  return out;
}
