import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/sqlite";
import { sqliteReader } from "@/lib/db/sqlite/reader";
import { readFacetRows } from "@/lib/db/search-reads";
import { findTrials } from "@/lib/data/search";
import { parseSearchParams, toQueryString } from "@/lib/search/params";
import { importFiles, loadCuration } from "@/lib/import/run-import";
import { placeName, resolveNear } from "@/lib/search/near";
import { parseXml, type XmlElement } from "@/lib/ingest/xml";
import { clusterCircle, renderListMap } from "@/lib/map/list-map";
import { distanceKm } from "@/lib/geo/distance";
import { scratchDatabase, type ScratchDb } from "@/tests/helpers/db";

/**
 * The list's site facets, distance and map on the seeds plus every record of ../shared/ctgov
 * (397 files, 395 listed trials), imported into a scratch database: exact counts, the nearest
 * recruiting sites in order with their distances, place resolution, the map's SVG.
 */
const FILES = [...fs.readdirSync("seeds").filter((f) => f.endsWith(".txt")).map((f) => `seeds/${f}`),
  ...["classic", "msc-other", "v2", "xml"].map((d) => `../shared/ctgov/${d}`)];

let scratch: ScratchDb;
let db: Database.Database;
beforeAll(() => {
  scratch = scratchDatabase("site-facets");
  const writer = openDatabase(scratch.url);
  const results = importFiles(writer, FILES, loadCuration("seeds/curation.json"));
  writer.close();
  expect(results.filter((r) => !r.ok)).toEqual([]);
  db = new Database(scratch.file, { readonly: true });
}, 240_000);
afterAll(() => {
  db?.close();
  scratch?.cleanup();
});

const search = (qs: string) => findTrials(sqliteReader(db), parseSearchParams(new URLSearchParams(qs)).query, db, { withMap: true });
const count = (facet: { value: string; count: number }[], value: string) => facet.find((f) => f.value === value)?.count ?? 0;

describe("the site facets on the seeds and ../shared/ctgov", () => {
  it("FacetRow carries each site (code, city, status, coordinates) and whether a results publication is listed", () => {
    const rows = readFacetRows(db);
    expect(rows).toHaveLength(395);
    const seed = rows.find((r) => r.id === "NCT04822922")!;
    expect(seed.sites).toEqual([{ countryCode: "CN", city: "Shanghai", status: null, lat: 31.22222, lon: 121.45806, approximate: true }]);
    expect(seed.hasResultsPublication).toBe(false);
    expect(rows.find((r) => r.id === "NCT02552212")!.hasResultsPublication).toBe(true);
    expect(rows.find((r) => r.id === "NCT02552212")!.sites).toHaveLength(105);
    expect(rows.filter((r) => r.hasResultsPublication)).toHaveLength(32);
  });

  it("counts trials by country and city, each once however many sites it has there", async () => {
    const all = await search("");
    expect(all.total).toBe(395);
    expect(all.facets.country.slice(0, 5)).toEqual([
      { value: "CN", count: 97 }, { value: "US", count: 83 }, { value: "KR", count: 36 }, { value: "ES", count: 26 }, { value: "IT", count: 13 },
    ]);
    expect(all.facets.city.slice(0, 3)).toEqual([{ value: "Seoul, KR", count: 30 }, { value: "Guangzhou, CN", count: 21 }, { value: "Beijing, CN", count: 17 }]);
    expect(count(all.facets.city, "Shanghai, CN")).toBe(10);
    expect(all.facets.recruiting).toEqual([{ value: "1", count: 85 }]);
    expect(all.facets.results).toEqual([{ value: "1", count: 32 }]);
    expect(all.facets.near).toBeNull();
    expect((await search("country=CN")).total).toBe(97);
    // A city matches by its key: case and spelling of the URL value aside.
    expect((await search("city=shanghai,%20CN")).total).toBe(10);
  });

  it("recruiting sites only, with a country: trials recruiting in that country (the conditions hold of one site)", async () => {
    const china = await search("country=CN&recruiting=1");
    // 97 trials have a site in China; 23 recruit there (a "recruiting" site of a trial completed or of unknown status does not count).
    expect(china.total).toBe(23);
    expect((await search("country=CN")).facets.recruiting).toEqual([{ value: "1", count: 23 }]);
    // Counts say what choosing an option gives: recruiting in the US instead (or as well).
    expect(count(china.facets.country, "US")).toBe(19);
    expect(count(china.facets.country, "CN")).toBe(23);
    expect(china.facets.recruiting).toEqual([{ value: "1", count: 23 }]);
    expect(china.facets.results).toEqual([{ value: "1", count: 3 }]);
    // Every site the map draws is a recruiting Chinese site.
    expect(china.mapSites!.length).toBe(21);
    expect(china.mapSites!.every((s) => s.countryCode === "CN" && ["RECRUITING", "ENROLLING_BY_INVITATION", "AVAILABLE"].includes(s.status!))).toBe(true);
    expect((await search("recruiting=1")).total).toBe(85);
  });

  it("has a results publication: 32 trials; with the US, 5", async () => {
    expect((await search("results=1")).total).toBe(32);
    const us = await search("results=1&country=US");
    expect(us.total).toBe(5);
    expect(count(us.facets.country, "CN")).toBe(5);
  });

  it("near Hangzhou within 500 km, recruiting, nearest first: six in Shanghai at 161.3 km, then Nanjing at 236.6 km", async () => {
    const r = await search("near=Hangzhou,%20China&radius=500&recruiting=1&sort=distance");
    expect(r.total).toBe(7);
    expect(r.facets.near).toBe(7);
    const rows = r.ids.map((id) => `${id} ${(Math.round(r.nearest![id]!.km * 10) / 10).toFixed(1)} km ${r.nearest![id]!.city} ${r.nearest![id]!.status}`);
    expect(rows).toEqual([
      "NCT04216849 161.3 km Shanghai RECRUITING", "NCT04314011 161.3 km Shanghai RECRUITING", "NCT04441658 161.3 km Shanghai RECRUITING",
      "NCT04939077 161.3 km Shanghai RECRUITING", "NCT04093336 161.3 km Shanghai RECRUITING", "NCT03397095 161.3 km Shanghai RECRUITING",
      "NCT04939337 236.6 km Nanjing ENROLLING_BY_INVITATION",
    ]);
    expect(r.nearest!.NCT04216849!.approximate).toBe(true);
    // The Hangzhou trial's site says "recruiting", but the trial's status is unknown: measured, not counted as recruiting.
    const all = await search("near=Hangzhou,%20China&radius=500&sort=distance&pageSize=100");
    expect(all.nearest!.NCT01526850).toMatchObject({ km: 0, city: "Hangzhou", recruiting: false, status: "UNKNOWN", statusFromTrial: true });
    // After the 7 recruiting ones, the trials with only other sites there by distance (another at 0 km, newer, first).
    expect(all.ids.indexOf("NCT01526850")).toBe(8);
    const kms = r.ids.map((id) => r.nearest![id]!.km);
    expect(kms).toEqual([...kms].sort((a, b) => a - b));
    expect(Math.max(...kms)).toBeLessThanOrEqual(500);
  });

  it("near Shanghai within 500 km: 27 trials with a site there, 7 recruiting; the 3 nearest recruiting at 0 km (the town's centre)", async () => {
    const any = await search("near=Shanghai&radius=500&sort=distance");
    expect(any.total).toBe(27);
    expect(any.facets.recruiting).toEqual([{ value: "1", count: 7 }]);
    const rec = await search("near=Shanghai&radius=500&sort=distance&recruiting=1");
    expect(rec.total).toBe(7);
    expect(rec.ids.slice(0, 3)).toEqual(["NCT04216849", "NCT04314011", "NCT04441658"]);
    for (const id of rec.ids.slice(0, 3)) expect(rec.nearest![id]).toMatchObject({ km: 0, city: "Shanghai", recruiting: true, approximate: true });
    // Without "recruiting only", trials whose sites there are not recruiting come after all recruiting ones, said so.
    const flags = any.ids.map((id) => any.nearest![id]!.recruiting);
    expect(flags.indexOf(false)).toBe(7);
    expect(flags.slice(7).every((f) => !f)).toBe(true);
  });

  it("an ambiguous or unknown place filters nothing (the page offers the choice or says why)", async () => {
    expect((await search("near=Springfield&radius=50")).total).toBe(395);
    expect((await search("near=Xyzzyville&radius=50")).total).toBe(395);
    expect((await search("near=Springfield&place=4409896&radius=50")).total).toBe(0);
  });
});

describe("place resolution (lib/search/near.ts over the gazetteer)", () => {
  it("a unique place: Hangzhou, China", () => {
    const r = resolveNear({ near: "Hangzhou, China", place: undefined });
    expect(r).toMatchObject({ status: "point", label: "Hangzhou, Zhejiang, China", point: { lat: 30.29365, lon: 120.16142 } });
  });
  it("an ambiguous name: Springfield, 20 places, most populous first, none picked; a chosen id settles it", () => {
    const r = resolveNear({ near: "Springfield", place: undefined });
    if (r.status !== "ambiguous") throw new Error(r.status);
    expect(r.total).toBe(20);
    expect(r.candidates.slice(0, 3).map((p) => `${p.id} ${placeName(p)}`)).toEqual([
      "4409896 Springfield, Missouri, United States", "4951788 Springfield, Massachusetts, United States", "4250542 Springfield, Illinois, United States",
    ]);
    expect(resolveNear({ near: "Springfield", place: 4250542 })).toMatchObject({ status: "point", label: "Springfield, Illinois, United States" });
    expect(resolveNear({ near: "Springfield, Missouri, United States", place: undefined })).toMatchObject({ status: "point", point: { lat: 37.21533, lon: -93.29824 } });
    // An id that is not one of the name's places: still the choice, and the problem named.
    expect(resolveNear({ near: "Springfield", place: 1808926 })).toMatchObject({ status: "ambiguous", problem: 'place: 1808926 is not one of the places called "Springfield"' });
  });
  it("a city name in several countries: Paris, 11 places; Paris, France is one", () => {
    expect(resolveNear({ near: "Paris", place: undefined })).toMatchObject({ status: "ambiguous", total: 11 });
    expect(resolveNear({ near: "Paris, France", place: undefined })).toMatchObject({ status: "point", label: "Paris, France" });
  });
  it("an unknown place: a message naming the parameter", () => {
    expect(resolveNear({ near: "Xyzzyville", place: undefined })).toMatchObject({ status: "not found", parameter: "near", message: expect.stringMatching(/^near: no place called "Xyzzyville"/) });
    expect(resolveNear({ near: "Springfield, Atlantis", place: undefined })).toMatchObject({ status: "not found", message: expect.stringMatching(/^near: "Atlantis" is not a country/) });
  });
  it("coordinates as typed; out of range refused", () => {
    expect(resolveNear({ near: "31.23, 121.47", place: undefined })).toMatchObject({ status: "point", point: { lat: 31.23, lon: 121.47 }, label: "31.23° N, 121.47° E" });
    expect(resolveNear({ near: "95, 10", place: undefined })).toMatchObject({ status: "not found", parameter: "near" });
  });
  it("the URL keeps every site parameter (and only what differs from the defaults)", () => {
    const { query } = parseSearchParams(new URLSearchParams("country=cn&city=Shanghai,%20CN&recruiting=1&results=1&near=Springfield&place=4250542&radius=100&sort=distance"));
    expect(query).toMatchObject({ country: ["CN"], city: ["Shanghai, CN"], recruiting: true, results: true, near: "Springfield", place: 4250542, radius: 100, sort: "distance" });
    expect(toQueryString(query)).toBe("country=CN&city=Shanghai%2C+CN&recruiting=1&results=1&near=Springfield&radius=100&place=4250542&sort=distance");
    expect(parseSearchParams(new URLSearchParams("radius=0"))).toMatchObject({ ok: false, parameter: "radius" });
    expect(parseSearchParams(new URLSearchParams("recruiting=maybe"))).toMatchObject({ ok: false, parameter: "recruiting" });
    expect(parseSearchParams(new URLSearchParams("country=China"))).toMatchObject({ ok: false, parameter: "country" });
  });
});

function links(svg: string): XmlElement[] {
  const root = parseXml(svg, "list-map.svg");
  expect(root.name).toBe("svg");
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => { for (const c of el.children) { if (c.name === "a") out.push(c); walk(c); } };
  walk(root);
  return out;
}

describe("the list's map", () => {
  it("recruiting in China: valid SVG, one labelled link per site or cluster, sites to their trial's site, clusters to the list near them", async () => {
    const { query } = parseSearchParams(new URLSearchParams("country=CN&recruiting=1"));
    const r = await search("country=CN&recruiting=1");
    const map = renderListMap(r.mapSites!, query, "", "Map of the sites of the 23 trials found");
    const as = links(map.svg);
    expect(as).toHaveLength(map.points);
    const clusters = as.filter((a) => a.attrs.class === "site-cluster");
    expect(clusters).toHaveLength(map.clusters);
    expect(map.clusters).toBeGreaterThan(0);
    // Every site is in exactly one mark: the single sites plus the clusters' counts.
    const inClusters = clusters.reduce((n, a) => n + Number(/^(\d+) sites/.exec(a.attrs["aria-label"]!)![1]), 0);
    expect(inClusters + (as.length - clusters.length)).toBe(21);
    for (const a of as) {
      expect(a.attrs["aria-label"]!.length).toBeGreaterThan(10);
      if (a.attrs.class === "site-cluster") {
        expect(a.attrs.href).toMatch(/^\/trials\?country=CN&recruiting=1&near=[-\d.]+%2C\+[-\d.]+&radius=\d+$/);
        expect(a.attrs["aria-label"]).toMatch(/Opens the list of these trials: within \d+ km/);
      } else {
        expect(a.attrs.href).toMatch(/^\/trials\/NCT\d{8}#site-\d+$/);
        expect(a.attrs["aria-label"]).toMatch(/^NCT\d{8}: .*China: (recruiting|enrolling by invitation)/);
      }
    }
  });

  it("near a place: the cross, the place's name where it covers no mark, and the radius as a dashed circle", async () => {
    const { query } = parseSearchParams(new URLSearchParams("near=Hangzhou,%20China&radius=500&recruiting=1"));
    const r = await search("near=Hangzhou,%20China&radius=500&recruiting=1");
    const map = renderListMap(r.mapSites!, query, "", "Map", { lat: 30.29365, lon: 120.16142, label: "Hangzhou, Zhejiang, China" });
    expect(links(map.svg)).toHaveLength(map.points);
    expect(map.svg).toContain('stroke-dasharray="4 3"');
    expect(map.svg).toMatch(/<text [^>]*aria-hidden="true">Hangzhou<\/text>/);
    expect(map.svg).toContain("A cross marks Hangzhou, Zhejiang, China, the dashed circle 500 km around it.");
    // A name that would cover a mark on every side is left to the caption.
    const crowded = renderListMap(r.mapSites!, query, "", "Map", { lat: 31.22222, lon: 121.45806, label: "Shanghai, China" });
    expect(crowded.svg).not.toMatch(/>Shanghai<\/text>/);
  });

  it("a cluster's link narrows the list to a circle that holds all its sites", async () => {
    const r = await search("country=CN&recruiting=1");
    const shanghai = r.mapSites!.filter((s) => s.city === "Shanghai" || s.city === "Hangzhou");
    expect(shanghai).toHaveLength(6);
    const c = clusterCircle(shanghai);
    for (const s of shanghai) expect(distanceKm(c, s)).toBeLessThanOrEqual(c.radius);
    const narrowed = await search(`country=CN&recruiting=1&near=${c.lat},${c.lon}&radius=${c.radius}`);
    const ids = new Set(shanghai.map((s) => s.trialId));
    expect(narrowed.total).toBeGreaterThanOrEqual(ids.size);
  });
});
