import type { Location, Reference } from "../../record/schema";
import { normalizeDate } from "./dates";
import { normalizeStatus } from "./enums";

/**
 * A site and a publication as a layout finds them (the source's own words), and the one
 * mapping to the record's shape shared by every layout: the site status into the overall
 * status's vocabulary ("Recruiting", "RECRUITING", "Active, not recruiting"), empty fields
 * left out, the record's own coordinates (API v2 `geoPoint`) kept as exact. Country codes
 * and the gazetteer's coordinates are added after the layouts, by lib/ingest/enrich/sites.ts.
 */
export interface SourceSite {
  facility: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  postalCode?: string | null;
  status?: string | null;
  contacts?: { name: string | null; phone: string | null; email: string | null }[];
  geoPoint?: { lat: unknown; lon: unknown } | null;
}

const finite = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function siteOf(s: SourceSite): Location {
  const status = s.status ? normalizeStatus(s.status) : null;
  const contacts = (s.contacts ?? []).flatMap((c) => (c.name ? [{ name: c.name, phone: c.phone, email: c.email }] : []));
  const lat = finite(s.geoPoint?.lat);
  const lon = finite(s.geoPoint?.lon);
  const geo = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
    ? { status: "matched" as const, lat, lon, source: "record" as const, approximate: false } : null;
  return {
    facility: s.facility, city: s.city, region: s.region, country: s.country,
    ...(s.postalCode ? { postalCode: s.postalCode } : {}),
    ...(status ? { status } : {}),
    ...(contacts.length ? { contacts } : {}),
    ...(geo ? { geo } : {}),
  };
}

/** A reference as listed: its PubMed id, citation and type in the source's words ("result", "RESULT", "background", "derived"). */
export interface SourceReference { pmid: string | null; citation: string | null; type: string | null }

export function referenceOf(r: SourceReference): Reference | null {
  const citation = r.citation?.trim();
  const pmid = r.pmid?.trim() ?? "";
  if (!citation && !/^\d+$/.test(pmid)) return null;
  const t = r.type?.trim().toUpperCase();
  const type = t === "RESULT" || t === "RESULTS" ? "RESULT" : t === "BACKGROUND" ? "BACKGROUND" : t === "DERIVED" ? "DERIVED" : null;
  return { pmid: /^\d+$/.test(pmid) ? pmid : null, citation: citation || null, type };
}

/** The registry's results status: posted or not, and the date they were first posted (ISO), where stated. */
export function resultsOf(posted: boolean, firstPosted: string | null): { posted: boolean; firstPosted: string | null } {
  const date = firstPosted ? normalizeDate(firstPosted) : null;
  return { posted: posted || date !== null, firstPosted: date };
}
