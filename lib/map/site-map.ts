import { geoCircle, geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import { EARTH_RADIUS_KM } from "../geo/distance";
import type { OverallStatus } from "../record/vocabulary";
import { mapStatus, MAP_STATUSES, shapePath, STATUS_STYLE, type MapStatus } from "./markers";
import { outline } from "./outline";

/**
 * A map of sites drawn on the server as one SVG string: no tiles, no script, prints as it
 * is. The view is the world when the sites span it, else the region of their bounds (a
 * trial with sites in one country shows that country and its neighbours), Natural Earth
 * projection turned to the region's centre. Sites closer than CLUSTER_PX at that scale are
 * one cluster, drawn with its count. Every site or cluster is an <a> with a text label
 * (facility, city, country, status, "approximate" for the gazetteer's town centre) and a
 * <title>; colour and shape both say the status. Pure: (sites, size) → SVG.
 */
export interface MapSite {
  facility: string | null;
  city: string | null;
  country: string | null;
  status: OverallStatus | null;
  /** The site states no status: the trial's overall status stands for it (said in the label). */
  statusFromTrial?: boolean;
  lat: number;
  lon: number;
  approximate: boolean;
  href: string;
  /** The trial the site belongs to, on a map of several trials (the list's): said first in its label. */
  trial?: string;
}

export interface SiteMapOptions {
  width?: number;
  height?: number;
  /** The map's accessible name. */
  title: string;
  /** Sites without coordinates, said in the map's description (they stay in the list). */
  notDrawn?: number;
  /** Where a cluster links (default: its first site's href), and what following it does, added to its label. */
  cluster?: { href: (sites: MapSite[]) => string; action: (sites: MapSite[]) => string };
  /** The SVG's title and description ids (unique on a page showing two maps). */
  idPrefix?: string;
  /** The place distances are measured from: drawn as a cross with its name, and the radius as a circle; the view holds them. */
  origin?: { lat: number; lon: number; label: string; radiusKm?: number };
}

export interface SiteMap {
  svg: string;
  /** Points drawn: single sites and clusters. */
  points: number;
  clusters: number;
  view: "world" | "region";
  statuses: MapStatus[];
}

/** Sized for a viewBox of about 480 units shown 320–700 px wide (a phone to a desktop column). */
export const CLUSTER_PX = 16;
const MARKER_R = 7;

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const f1 = (n: number) => Math.round(n * 10) / 10;

const STATUS_WORDS: Partial<Record<OverallStatus, string>> = {
  RECRUITING: "recruiting", NOT_YET_RECRUITING: "not yet recruiting", ENROLLING_BY_INVITATION: "enrolling by invitation",
  ACTIVE_NOT_RECRUITING: "active, not recruiting", COMPLETED: "completed", SUSPENDED: "suspended", TERMINATED: "terminated",
  WITHDRAWN: "withdrawn", AVAILABLE: "available", NO_LONGER_AVAILABLE: "no longer available",
};
export function statusWords(s: OverallStatus | null): string {
  return s ? (STATUS_WORDS[s] ?? s.toLowerCase().replace(/_/g, " ")) : "status not stated";
}

/** "Ren Ji Hospital, Shanghai, China: recruiting (approximate location)". */
export function siteLabel(s: MapSite): string {
  const place = (s.trial ? `${s.trial}: ` : "") + ([s.facility, s.city, s.country].filter(Boolean).join(", ") || "Site");
  const status = s.statusFromTrial ? `${statusWords(s.status)} (the trial's status)` : statusWords(s.status);
  return `${place}: ${status}${s.approximate ? " (approximate location: the town's centre)" : ""}`;
}

function projectionFor(sites: { lat: number; lon: number }[], width: number, height: number): { projection: GeoProjection; view: "world" | "region" } {
  const pad = 12;
  const lons = sites.map((s) => s.lon);
  const lats = sites.map((s) => s.lat);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const world = sites.length === 0 || e - w > 140 || n - s > 70;
  if (world) {
    return { projection: geoNaturalEarth1().fitExtent([[pad, pad], [width - pad, height - pad]], { type: "Sphere" }), view: "world" };
  }
  // At least 14° × 9° around the sites, and a quarter more on each side: a country and its neighbours.
  const cx = (w + e) / 2;
  const cy = (s + n) / 2;
  const halfLon = Math.max(7, ((e - w) / 2) * 1.25);
  const halfLat = Math.max(4.5, ((n - s) / 2) * 1.25);
  const corners: [number, number][] = [
    [cx - halfLon, Math.max(-85, cy - halfLat)], [cx + halfLon, Math.max(-85, cy - halfLat)],
    [cx - halfLon, Math.min(85, cy + halfLat)], [cx + halfLon, Math.min(85, cy + halfLat)],
  ];
  const projection = geoNaturalEarth1().rotate([-cx, 0]).fitExtent([[pad, pad], [width - pad, height - pad]], { type: "MultiPoint", coordinates: corners });
  return { projection, view: "region" };
}

interface Cluster { x: number; y: number; sites: MapSite[] }

/** A mark's half-size: a site's, or a cluster's, growing with its count. */
const radius = (n: number) => (n === 1 ? MARKER_R : MARKER_R + 3 + Math.min(6, Math.log2(n) * 1.5));

/**
 * Clustering in screen space: a site joins the first cluster whose centre is within
 * CLUSTER_PX; then clusters whose marks would overlap are merged, until none do.
 */
function cluster(points: { x: number; y: number; site: MapSite }[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const p of points) {
    const c = clusters.find((k) => Math.hypot(k.x - p.x, k.y - p.y) < CLUSTER_PX);
    if (c) {
      c.sites.push(p.site);
      c.x += (p.x - c.x) / c.sites.length;
      c.y += (p.y - c.y) / c.sites.length;
    } else clusters.push({ x: p.x, y: p.y, sites: [p.site] });
  }
  for (let merged = true; merged;) {
    merged = false;
    outer: for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const [a, b] = [clusters[i]!, clusters[j]!];
        if (Math.hypot(a.x - b.x, a.y - b.y) >= radius(a.sites.length) + radius(b.sites.length)) continue;
        const n = a.sites.length + b.sites.length;
        a.x = (a.x * a.sites.length + b.x * b.sites.length) / n;
        a.y = (a.y * a.sites.length + b.y * b.sites.length) / n;
        a.sites.push(...b.sites);
        clusters.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return clusters;
}

/** The most open status of a cluster's sites decides its colour and shape. */
function clusterStatus(c: Cluster): MapStatus {
  const present = new Set(c.sites.map((s) => mapStatus(s.status)));
  return MAP_STATUSES.find((m) => present.has(m)) ?? "unknown";
}

function clusterLabel(c: Cluster): string {
  const counts = new Map<string, number>();
  for (const s of c.sites) counts.set(statusWords(s.status), (counts.get(statusWords(s.status)) ?? 0) + 1);
  const byStatus = [...counts].map(([w, n]) => `${n} ${w}`).join(", ");
  const places = [...new Set(c.sites.map((s) => [s.city, s.country].filter(Boolean).join(", ")))].slice(0, 4).join("; ");
  const trials = new Set(c.sites.map((s) => s.trial).filter(Boolean)).size;
  return `${c.sites.length} sites${trials ? ` of ${trials === 1 ? "1 trial" : `${trials} trials`}` : ""} near ${places}: ${byStatus}`;
}

/**
 * The map's background (sea, land, borders) as SVG, for one projection: projecting the
 * world's outline is most of a trial page's work (1:50m for a region: some 100 ms), and
 * the same for every view of the trial, so it is kept per projection (its view, size,
 * scale, translation and rotation), the last BACKGROUNDS_KEPT used.
 */
const BACKGROUNDS_KEPT = 256;
const backgrounds = new Map<string, string>();

function background(projection: GeoProjection, view: "world" | "region", width: number, height: number): string {
  const key = JSON.stringify([view, width, height, projection.scale(), projection.translate(), projection.rotate()]);
  const hit = backgrounds.get(key);
  if (hit !== undefined) {
    backgrounds.delete(key);
    backgrounds.set(key, hit); // the last used last
    return hit;
  }
  const path = geoPath(projection).digits(1);
  const shape = outline(view === "world" ? "110m" : "50m");
  const svg = (view === "world" ? `<path d="${path({ type: "Sphere" }) ?? ""}" fill="#dbeafe" stroke="#93c5fd" stroke-width="0.5"/>` : "")
    + `<path d="${path(shape.land) ?? ""}" fill="#f5f5f4" stroke="#a8a29e" stroke-width="0.6"/>`
    + `<path d="${path(shape.borders) ?? ""}" fill="none" stroke="#a8a29e" stroke-width="0.5"/>`;
  backgrounds.set(key, svg);
  if (backgrounds.size > BACKGROUNDS_KEPT) backgrounds.delete(backgrounds.keys().next().value!);
  return svg;
}

export function renderSiteMap(sites: MapSite[], opts: SiteMapOptions): SiteMap {
  const width = opts.width ?? 480;
  const height = opts.height ?? 280;
  const o = opts.origin;
  const kmPerDegree = (EARTH_RADIUS_KM * Math.PI) / 180;
  const circle = o?.radiusKm ? geoCircle().center([o.lon, o.lat]).radius(o.radiusKm / kmPerDegree).precision(2)() : null;
  // The view holds the sites, the place and its circle.
  const extra = o ? [{ lat: o.lat, lon: o.lon }, ...(circle ? circle.coordinates[0]!.map(([lon, lat]) => ({ lat: lat!, lon: lon! })) : [])] : [];
  const { projection, view } = projectionFor([...sites, ...extra], width, height);
  projection.clipExtent([[0, 0], [width, height]]);
  const path = geoPath(projection).digits(1);
  const points = sites.flatMap((site) => {
    const xy = projection([site.lon, site.lat]);
    return xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? [{ x: xy[0], y: xy[1], site }] : [];
  });
  // Open sites last, so that they are drawn on top.
  const order = (s: MapSite) => MAP_STATUSES.length - MAP_STATUSES.indexOf(mapStatus(s.status));
  points.sort((a, b) => order(a.site) - order(b.site));
  const clusters = cluster(points);

  const marks = clusters.map((c) => {
    const status = clusterStatus(c);
    const style = STATUS_STYLE[status];
    const first = c.sites[0]!;
    if (c.sites.length === 1) {
      const label = siteLabel(first);
      return `<a href="${esc(first.href)}" aria-label="${esc(label)}" class="site-point"><title>${esc(label)}</title>`
        + `<path d="${shapePath(style.shape, c.x, c.y, MARKER_R)}" fill="${style.colour}" stroke="#fff" stroke-width="1.5"${first.approximate ? ' fill-opacity="0.85"' : ""}/></a>`;
    }
    const label = clusterLabel(c) + (opts.cluster ? `. ${opts.cluster.action(c.sites)}` : "");
    const r = radius(c.sites.length);
    return `<a href="${esc(opts.cluster ? opts.cluster.href(c.sites) : first.href)}" aria-label="${esc(label)}" class="site-cluster"><title>${esc(label)}</title>`
      + `<path d="${shapePath(style.shape, c.x, c.y, r)}" fill="${style.colour}" stroke="#fff" stroke-width="1.5"/>`
      + `<text x="${f1(c.x)}" y="${f1(c.y + 3.5)}" text-anchor="middle" font-size="10" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">${c.sites.length}</text></a>`;
  });

  let originMark = "", originLabel = "";
  const oxy = o ? projection([o.lon, o.lat]) : null;
  if (o && oxy) {
    const [x, y] = [f1(oxy[0]), f1(oxy[1])];
    originMark = (circle ? `<path d="${path(circle) ?? ""}" fill="#0f766e" fill-opacity="0.06" stroke="#0f766e" stroke-width="1.2" stroke-dasharray="4 3"/>` : "")
      + `<path d="M${x - 6},${y}h12M${x},${y - 6}v12" stroke="#111827" stroke-width="2.5" stroke-linecap="round"/>`;
    // The place's name beside the cross where it covers no mark (below, above, right, left), over
    // the marks with a white halo; where every side would cover one, the caption alone names it.
    const name = o.label.split(",")[0]!;
    const w = name.length * 6.5, h = 12;
    const spots: [number, number, "middle" | "start" | "end"][] = [[x, y + 20, "middle"], [x, y - 10, "middle"], [x + 10, y + 4, "start"], [x - 10, y + 4, "end"]];
    const box = ([tx, ty, anchor]: (typeof spots)[number]) => {
      const left = anchor === "middle" ? tx - w / 2 : anchor === "start" ? tx : tx - w;
      return { left, right: left + w, top: ty - h + 2, bottom: ty + 2 };
    };
    const fits = (b: ReturnType<typeof box>) => b.left >= 2 && b.right <= width - 2 && b.top >= 2 && b.bottom <= height - 2
      && clusters.every((c) => {
        const r = radius(c.sites.length) + 1;
        return c.x + r < b.left || c.x - r > b.right || c.y + r < b.top || c.y - r > b.bottom;
      });
    const spot = spots.find((sp) => fits(box(sp)));
    if (spot) {
      originLabel = `<text x="${f1(spot[0])}" y="${f1(spot[1])}" text-anchor="${spot[2]}" font-size="11" font-weight="600" fill="#111827" stroke="#fff" stroke-width="3" paint-order="stroke" font-family="system-ui, sans-serif" aria-hidden="true">${esc(name)}</text>`;
    }
  }
  const drawn = sites.length - points.length;
  const desc = `${sites.length === 1 ? "1 site" : `${sites.length} sites`} with a location${clusters.length < points.length ? `, ${clusters.length} points (sites close together are grouped, with their count)` : ""}`
    + `${opts.notDrawn ? `; ${opts.notDrawn} without a known location are listed below the map, not drawn` : ""}${drawn ? `; ${drawn} outside the view` : ""}.`
    + (o ? ` A cross marks ${o.label}${o.radiusKm ? `, the dashed circle ${o.radiusKm} km around it` : ""}.` : "");
  const id = opts.idPrefix ?? "site-map";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc" class="site-map">`
    + `<title id="${id}-title">${esc(opts.title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`
    + `<rect width="${width}" height="${height}" fill="#e0f2fe"/>`
    + background(projection, view, width, height)
    + originMark
    + `<g>${marks.join("")}</g>${originLabel}</svg>`;
  return {
    svg, points: clusters.length, clusters: clusters.filter((c) => c.sites.length > 1).length, view,
    statuses: MAP_STATUSES.filter((m) => clusters.some((c) => clusterStatus(c) === m)),
  };
}
