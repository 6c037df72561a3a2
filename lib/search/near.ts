import { countryName } from "../geo/countries";
import type { LatLon } from "../geo/distance";
import type { Place } from "../geo/gazetteer";
import { placeById, resolvePlace } from "../geo/place";
import { regionName } from "../geo/regions";
import type { SearchQuery } from "./params";

/**
 * The list's "near" parameter → a point, or why there is none: "latitude, longitude" as
 * typed; else a place name resolved by the gazetteer (lib/geo/place.ts). A name that several
 * places share is never settled silently: without `place` (the gazetteer id of the one
 * chosen) it is "ambiguous" with the candidates to offer; an unknown name is "not found" with
 * a message naming the parameter.
 */
export type Near =
  | { status: "none" }
  | { status: "point"; point: LatLon; label: string; place: Place | null }
  | { status: "ambiguous"; input: string; candidates: Place[]; total: number; problem?: string }
  | { status: "not found"; parameter: "near" | "place"; message: string };

/** How many of a name's places are offered (most populous first). */
export const MAX_CANDIDATES = 12;

const COORDS = /^\s*([-+]?\d{1,2}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)\s*$/;

/** "31.23° N, 121.47° E". */
export function coordsLabel(p: LatLon): string {
  const f = (n: number) => String(Math.round(Math.abs(n) * 100) / 100);
  return `${f(p.lat)}° ${p.lat < 0 ? "S" : "N"}, ${f(p.lon)}° ${p.lon < 0 ? "W" : "E"}`;
}

/** "Springfield, Missouri, United States": a place with its state where the gazetteer's code can be read. */
export function placeName(p: Place): string {
  const region = regionName(p.admin, p.country);
  return [p.name, region !== p.name ? region : null, countryName(p.country)].filter(Boolean).join(", ");
}

export function resolveNear(q: Pick<SearchQuery, "near" | "place">): Near {
  const input = q.near?.trim();
  if (!input) return { status: "none" };
  const c = COORDS.exec(input);
  if (c) {
    const lat = Number(c[1]), lon = Number(c[2]);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      return { status: "not found", parameter: "near", message: `near: "${input}" is not a latitude (−90 to 90) and longitude (−180 to 180)` };
    }
    return { status: "point", point: { lat, lon }, label: coordsLabel({ lat, lon }), place: null };
  }
  const r = resolvePlace(input, Number.MAX_SAFE_INTEGER);
  if (q.place !== undefined) {
    // The place chosen among those of this name; a choice left from another name is not one of them.
    const chosen = placeById(input, q.place);
    if (chosen) return { status: "point", point: { lat: chosen.lat, lon: chosen.lon }, label: placeName(chosen), place: chosen };
    if (r.status === "ambiguous") {
      return { status: "ambiguous", input, candidates: r.candidates.slice(0, MAX_CANDIDATES), total: r.total, problem: `place: ${q.place} is not one of the places called "${input}"` };
    }
  }
  if (r.status === "matched") return { status: "point", point: { lat: r.place.lat, lon: r.place.lon }, label: placeName(r.place), place: r.place };
  if (r.status === "ambiguous") return { status: "ambiguous", input, candidates: r.candidates.slice(0, MAX_CANDIDATES), total: r.total };
  return {
    status: "not found", parameter: "near",
    message: `near: ${r.reason} in the gazetteer. Type a town or city, with its country where several share the name ("Hangzhou, China"), or "latitude, longitude"`,
  };
}

/** The point to measure from, when `near` resolves to one. */
export const nearPoint = (n: Near): LatLon | null => (n.status === "point" ? n.point : null);
