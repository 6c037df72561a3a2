import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { parseXml, all, type XmlElement } from "@/lib/ingest/xml";
import { mapSitesOf } from "@/lib/map/record-sites";
import { renderSiteMap, type MapSite } from "@/lib/map/site-map";

/** The map's SVG is well-formed XML, one labelled link per site or cluster, zoomed to its sites. */
const SHARED = path.join(process.cwd(), "..", "shared", "ctgov");
const read = (dir: string, file: string) => importSource(fs.readFileSync(path.join(SHARED, dir, file)), file).record;

function links(svg: string): XmlElement[] {
  const root = parseXml(svg, "map.svg");
  expect(root.name).toBe("svg");
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => { for (const c of el.children) { if (c.name === "a") out.push(c); walk(c); } };
  walk(root);
  return out;
}

const site = (over: Partial<MapSite>): MapSite => ({
  facility: "Site", city: "City", country: "Country", status: "RECRUITING", lat: 0, lon: 0, approximate: false, href: "#site-1", ...over,
});

describe("the site map", () => {
  it("NCT03475563 (3 sites in Spain, the record's coordinates): valid SVG, a regional view, one labelled link per site or cluster", () => {
    const t = read("v2", "NCT03475563.json");
    const { sites, unplaced } = mapSitesOf(t);
    expect(sites).toHaveLength(3);
    expect(unplaced).toBe(0);
    const map = renderSiteMap(sites, { title: "Map of the sites of NCT03475563" });
    expect(map.view).toBe("region");
    const as = links(map.svg);
    expect(as).toHaveLength(map.points);
    // Sabadell and Barcelona are 16 km apart: one cluster of two at this scale, and the third site alone.
    const labels = as.map((a) => a.attrs["aria-label"]);
    expect(labels.every((l) => typeof l === "string" && l.length > 10)).toBe(true);
    expect(labels.join("\n")).toMatch(/Spain/);
    for (const a of as) expect(a.attrs.href).toMatch(/^#site-\d+$/);
  });

  it("sites far apart are one link each, labelled with facility, city, country and status; the view is the world", () => {
    const sites = [
      site({ facility: "Ren Ji Hospital", city: "Shanghai", country: "China", lat: 31.22, lon: 121.46, href: "#site-1", approximate: true }),
      site({ facility: "Hospital Clinic", city: "Barcelona", country: "Spain", lat: 41.39, lon: 2.16, status: "COMPLETED", href: "#site-2" }),
      site({ facility: "Mayo Clinic", city: "Rochester", country: "United States", lat: 44.02, lon: -92.46, status: null, href: "#site-3" }),
    ];
    const map = renderSiteMap(sites, { title: "Sites", notDrawn: 2 });
    expect(map.view).toBe("world");
    const labels = links(map.svg).map((a) => [a.attrs.href, a.attrs["aria-label"]]);
    expect(labels).toEqual(expect.arrayContaining([
      ["#site-1", "Ren Ji Hospital, Shanghai, China: recruiting (approximate location: the town's centre)"],
      ["#site-2", "Hospital Clinic, Barcelona, Spain: completed"],
      ["#site-3", "Mayo Clinic, Rochester, United States: status not stated"],
    ]));
    expect(labels).toHaveLength(3);
    expect(map.svg).toContain("2 without a known location are listed below the map, not drawn");
    expect(map.statuses).toEqual(["recruiting", "closed", "unknown"]);
  });

  it("overlapping sites are one cluster link showing its count", () => {
    const sites = [1, 2, 3, 4].map((i) => site({ facility: `H${i}`, city: "Beijing", country: "China", lat: 39.9 + i * 0.01, lon: 116.4, href: `#site-${i}` }));
    const map = renderSiteMap(sites, { title: "Sites" });
    const as = links(map.svg);
    expect(as).toHaveLength(1);
    expect(map.clusters).toBe(1);
    expect(as[0]!.attrs["aria-label"]).toBe("4 sites near Beijing, China: 4 recruiting");
    const text = all(as[0]!, "text")[0]!;
    expect(text.text).toBe("4");
  });

  it("NCT02552212 (105 sites, 9 countries): every site in exactly one point; the counts add up to 105", () => {
    const { sites } = mapSitesOf(read("v2", "NCT02552212.json"));
    expect(sites).toHaveLength(105);
    const map = renderSiteMap(sites, { title: "Sites" });
    expect(map.view).toBe("world");
    const as = links(map.svg);
    const counted = as.map((a) => (a.attrs.class === "site-cluster" ? Number(all(a, "text")[0]!.text) : 1));
    expect(counted.reduce((x, y) => x + y, 0)).toBe(105);
    expect(as.filter((a) => a.attrs.class === "site-cluster")).toHaveLength(map.clusters);
  });

  it("text is escaped: a facility with & and < stays text", () => {
    const map = renderSiteMap([site({ facility: "A&B <Clinic>", lat: 10, lon: 10 })], { title: "T & <U>" });
    expect(links(map.svg)[0]!.attrs["aria-label"]).toBe("A&B <Clinic>, City, Country: recruiting");
  });

  it("no sites: a world map with no links", () => {
    const map = renderSiteMap([], { title: "None" });
    expect(map.view).toBe("world");
    expect(links(map.svg)).toHaveLength(0);
  });

  it("a background kept for one map is never another's: Spain, China, Spain again and a world map each draw their own land", () => {
    const spain = mapSitesOf(read("v2", "NCT03475563.json")).sites;
    const china = [site({ city: "Shanghai", country: "China", lat: 31.22, lon: 121.46 })];
    const landOf = (svg: string) => /<path d="([^"]*)" fill="#f5f5f4"/.exec(svg)![1]!;
    const first = renderSiteMap(spain, { title: "Spain" }).svg;
    const other = renderSiteMap(china, { title: "China" }).svg;
    const again = renderSiteMap(spain, { title: "Spain" }).svg;
    const world = renderSiteMap([], { title: "None" }).svg;
    expect(again).toBe(first);
    expect(new Set([landOf(first), landOf(other), landOf(world)]).size).toBe(3);
    expect(landOf(first).length).toBeGreaterThan(1000);
    // The same sites at another size: another projection, another background.
    expect(landOf(renderSiteMap(spain, { title: "Spain", width: 300, height: 200 }).svg)).not.toBe(landOf(first));
  });
});
