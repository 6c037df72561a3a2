import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { countryCode, countryName } from "@/lib/geo/countries";
import { distanceKm } from "@/lib/geo/distance";
import { match, SAME_PLACE_KM } from "@/lib/geo/gazetteer";
import { placeById, resolvePlace } from "@/lib/geo/place";

/**
 * Sites as data on real records of ../shared/ctgov: the gazetteer's match of a site's city
 * and country (approximate), its ambiguity, a site it does not find (kept, without
 * coordinates), the record's own coordinates (API v2 geoPoint), the great-circle distance,
 * a typed place, and the references of a v2 record with their types.
 */
const SHARED = path.join(process.cwd(), "..", "shared", "ctgov");
const read = (dir: string, file: string) => importSource(fs.readFileSync(path.join(SHARED, dir, file)), file).record;

describe("the gazetteer on real location rows", () => {
  it("a city that is one place: Tehran (NCT00420134) at GeoNames' Tehran, marked approximate", () => {
    const r = read("classic", "NCT00420134.json");
    expect(r.locations[0]).toEqual({
      facility: "Research Center for Gastroenterology and Liver Diseases", city: "Tehran", region: null,
      country: "Iran, Islamic Republic of", postalCode: "1985711151", countryCode: "IR",
      geo: { status: "matched", lat: 35.69439, lon: 51.42151, source: "gazetteer", approximate: true, candidates: 1 },
    });
  });

  it("a city that names two places in its country and no state: Essen (NCT03860155) is ambiguous, without coordinates", () => {
    const essen = read("classic", "NCT03860155.json").locations.find((l) => l.city === "Essen")!;
    expect(essen.geo).toEqual({ status: "ambiguous", lat: null, lon: null, source: null, approximate: false, candidates: 2 });
    const m = match("Essen", "Germany");
    // Essen (North Rhine-Westphalia) and Essen (Oldenburg, Lower Saxony), more than SAME_PLACE_KM apart.
    expect(m.candidates.map((p) => [p.name, p.admin])).toEqual([["Essen", "07"], ["Essen", "06"]]);
    expect(distanceKm(m.candidates[0]!, m.candidates[1]!)).toBeGreaterThan(SAME_PLACE_KM);
  });

  it("a site the gazetteer does not find keeps its facility and says so: \"Frankfurt\" (NCT03860155)", () => {
    const frankfurt = read("classic", "NCT03860155.json").locations.find((l) => l.city === "Frankfurt")!;
    expect(frankfurt.facility).toBe("Universitätsklinikum Frankfurt, Medizinische Klinik 1, Sektion Translationale Hepatologie");
    expect(frankfurt.postalCode).toBe("60590");
    expect(frankfurt.geo).toEqual({ status: "not found", lat: null, lon: null, source: null, approximate: false, candidates: 0 });
  });

  it("the record's own geoPoint is kept, exact (NCT03475563, API v2), with the site's status and contact", () => {
    const r = read("v2", "NCT03475563.json");
    expect(r.locations[0]).toEqual({
      facility: "Hospital Universitari Parc Taulí", city: "Sabadell", region: "Barcelona", country: "Spain", postalCode: "08208",
      countryCode: "ES", status: "RECRUITING", contacts: [{ name: "Eduard Bosch, MD", phone: null, email: null }],
      geo: { status: "matched", lat: 41.54329, lon: 2.10942, source: "record", approximate: false },
    });
  });

  it("a state narrows a repeated name: Springfield, Illinois is one place; Springfield alone in the US is ambiguous", () => {
    expect(match("Springfield", "United States", "Illinois")).toMatchObject({ status: "matched", lat: 39.80172, lon: -89.64371, approximate: true });
    const any = match("Springfield", "United States");
    expect(any.status).toBe("ambiguous");
    expect(any.lat).toBeNull();
    expect(any.candidates.length).toBeGreaterThan(10);
    // "Saint Louis, Missouri" is GeoNames' "St. Louis" (MO), not Saint Louis, Michigan.
    expect(match("Saint Louis", "United States", "Missouri")).toMatchObject({ status: "matched", lat: 38.62727, lon: -90.19789 });
  });

  it("country names in one form", () => {
    expect(["Korea, Republic of", "South Korea", "Czech Republic", "Czechia", "Turkey", "Türkiye", "Russian Federation", "Europe", "Former Serbia and Montenegro"]
      .map(countryCode)).toEqual(["KR", "KR", "CZ", "CZ", "TR", "TR", "RU", null, null]);
    expect(countryName("KR")).toBe("South Korea");
  });
});

describe("great-circle distance", () => {
  it("London to Paris is 343.5 km (haversine, mean Earth radius 6,371.0088 km)", () => {
    const d = distanceKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 });
    expect(Math.abs(d - 343.5)).toBeLessThan(0.1);
    expect(d).toBeCloseTo(343.557, 3);
    expect(distanceKm({ lat: 10, lon: 20 }, { lat: 10, lon: 20 })).toBe(0);
  });
});

describe("a place the user types", () => {
  it("Springfield is a choice; Springfield, US too; Hangzhou, China is one place; a non-country says so", () => {
    const s = resolvePlace("Springfield");
    expect(s.status).toBe("ambiguous");
    const us = resolvePlace("Springfield, US");
    expect(us.status === "ambiguous" && us.candidates.every((p) => p.country === "US")).toBe(true);
    const il = resolvePlace("Springfield, Illinois, United States");
    expect(il).toMatchObject({ status: "matched", place: { name: "Springfield", admin: "IL" } });
    expect(resolvePlace("Hangzhou, China")).toMatchObject({ status: "matched", place: { name: "Hangzhou", lat: 30.29365, lon: 120.16142 } });
    expect(resolvePlace("Hangzhou, Atlantis")).toEqual({ status: "not found", reason: "\"Atlantis\" is not a country" });
    const first = (us as { candidates: { id: number }[] }).candidates[0]!;
    expect(placeById("Springfield, US", first.id)?.id).toBe(first.id);
  });
});

describe("references and results status", () => {
  it("NCT02552212 (v2): four references, two reporting results and two linked by the registry; results posted 2020-08-17", () => {
    const r = read("v2", "NCT02552212.json");
    expect(r.references?.map((x) => [x.pmid, x.type])).toEqual([
      ["35296532", "RESULT"], ["35733363", "RESULT"], ["34715908", "DERIVED"], ["30848558", "DERIVED"],
    ]);
    expect(r.references?.[0]?.citation).toMatch(/^van der Heijde D, Gensler LS, .* RMD Open\. 2022 Mar;8\(1\):e002138\./);
    expect(r.results).toEqual({ posted: true, firstPosted: "2020-08-17" });
  });

  it("a v2 record with none lists none; its results are not posted", () => {
    const r = read("v2", "NCT04207047.json");
    expect(r.references).toEqual([]);
    expect(r.results).toEqual({ posted: false, firstPosted: null });
  });
});
