import { countryCode } from "./countries";
import { candidatesOf, type Place } from "./gazetteer";

/**
 * A place a user types → where it is: "Springfield" (any country), "Springfield, US",
 * "Springfield, Illinois, United States", "Hangzhou, China". The last comma part is read as
 * a country when it is one; a middle part as the state. One place → "matched"; several
 * (a choice to offer, most populous first, at most `limit`) → "ambiguous"; none → "not found".
 */
export type PlaceResolution =
  | { status: "matched"; place: Place }
  | { status: "ambiguous"; candidates: Place[]; total: number }
  | { status: "not found"; reason: string };

export function resolvePlace(input: string, limit = 10): PlaceResolution {
  const parts = input.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return { status: "not found", reason: "no place given" };
  let country: string | null = null;
  if (parts.length > 1) {
    country = countryCode(parts[parts.length - 1]!);
    if (!country) return { status: "not found", reason: `"${parts[parts.length - 1]}" is not a country` };
  }
  const city = parts[0]!;
  const state = parts.length > 2 ? parts.slice(1, -1).join(", ") : null;
  const found = candidatesOf(city, country, state);
  if (found.length === 0) return { status: "not found", reason: `no place called "${city}"${country ? ` in ${parts[parts.length - 1]}` : ""}` };
  if (found.length === 1) return { status: "matched", place: found[0]! };
  return { status: "ambiguous", candidates: found.slice(0, limit), total: found.length };
}

/** A candidate chosen by its gazetteer id (the list page's choice between same-name places). */
export function placeById(input: string, id: number): Place | null {
  const r = resolvePlace(input, Number.MAX_SAFE_INTEGER);
  if (r.status === "matched") return r.place.id === id ? r.place : null;
  return r.status === "ambiguous" ? (r.candidates.find((p) => p.id === id) ?? null) : null;
}
