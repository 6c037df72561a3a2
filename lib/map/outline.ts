import type { FeatureCollection, MultiLineString } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world110 from "world-atlas/countries-110m.json";
import world50 from "world-atlas/countries-50m.json";

/**
 * The world's outline, offline: Natural Earth's countries as the `world-atlas` npm package
 * ships them (TopoJSON; 1:110m, 108 KB, for the whole world; 1:50m, 756 KB, for a region),
 * converted once to GeoJSON: the land to fill and the borders to stroke.
 */
export interface Outline { land: FeatureCollection; borders: MultiLineString }
export type Detail = "110m" | "50m";

const cache = new Map<Detail, Outline>();

export function outline(detail: Detail): Outline {
  const hit = cache.get(detail);
  if (hit) return hit;
  const topo = (detail === "110m" ? world110 : world50) as unknown as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  const made: Outline = {
    land: feature(topo, topo.objects.land) as unknown as FeatureCollection,
    borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
  };
  cache.set(detail, made);
  return made;
}
