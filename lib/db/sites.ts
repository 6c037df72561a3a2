import type Database from "better-sqlite3";
import type { Location, Reference, TrialRecord } from "../record/schema";

/**
 * A record's sites, publications and results status in the database, both ways: the
 * Location rows (with their additions: postal code, country code, status, contacts as JSON,
 * coordinates and how they were found), the Reference rows, and the Trial columns
 * `resultsPosted`, `resultsFirstPosted` and `referencesListed` (null: the layout lists no
 * references, so the record has no `references` key). Rows from Prisma or raw SQL alike
 * (SQLite's 0/1 or booleans).
 */

type Flag = boolean | number | null;
const flag = (v: Flag | undefined) => (v === null || v === undefined ? null : v === true || v === 1);

export interface LocationRow {
  facility: string | null; city: string | null; region: string | null; country: string | null;
  postalCode: string | null; countryCode: string | null; status: string | null; contacts: string | null;
  geoStatus: string | null; lat: number | null; lon: number | null; geoSource: string | null;
  geoApproximate: Flag; geoCandidates: number | null;
}
export interface ReferenceRow { pmid: string | null; citation: string | null; type: string | null }
export interface ResultsColumns { resultsPosted: Flag; resultsFirstPosted: string | null; referencesListed: Flag }

/** The Trial table's columns for a record's results status and whether it lists references. */
export function resultsColumns(r: TrialRecord): ResultsColumns {
  return {
    resultsPosted: r.results ? Number(r.results.posted) : null,
    resultsFirstPosted: r.results?.firstPosted ?? null,
    referencesListed: r.references ? 1 : null,
  };
}

export const LOCATION_COLUMNS = ["trialId", "ordinal", "facility", "city", "region", "country", "postalCode", "countryCode", "status",
  "contacts", "geoStatus", "lat", "lon", "geoSource", "geoApproximate", "geoCandidates"] as const;
export const REFERENCE_COLUMNS = ["trialId", "ordinal", "pmid", "citation", "type"] as const;

/** A record's Location rows, values in LOCATION_COLUMNS order (flags as booleans; any engine). */
export function locationRows(r: TrialRecord): unknown[][] {
  return r.locations.map((l, i) => [r.id, i, l.facility, l.city, l.region, l.country, l.postalCode ?? null, l.countryCode ?? null,
    l.status ?? null, l.contacts ? JSON.stringify(l.contacts) : null, l.geo?.status ?? null, l.geo?.lat ?? null, l.geo?.lon ?? null,
    l.geo?.source ?? null, l.geo ? l.geo.approximate : null, l.geo?.candidates ?? null]);
}

/** A record's Reference rows, values in REFERENCE_COLUMNS order. */
export function referenceRows(r: TrialRecord): unknown[][] {
  return (r.references ?? []).map((x, i) => [r.id, i, x.pmid, x.citation, x.type]);
}

const sqliteValue = (v: unknown) => (typeof v === "boolean" ? Number(v) : v);

/** Writes a record's Location and Reference rows (in the writer's transaction). */
export function writeSites(db: Database.Database, r: TrialRecord): void {
  const insert = (table: string, cols: readonly string[], rows: unknown[][]) => {
    const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
    for (const row of rows) stmt.run(...row.map(sqliteValue));
  };
  insert("Location", LOCATION_COLUMNS, locationRows(r));
  insert("Reference", REFERENCE_COLUMNS, referenceRows(r));
}

/** A Location row → the record's site (its additions only where stored). */
export function locationFromRow(l: LocationRow): Location {
  return {
    facility: l.facility, city: l.city, region: l.region, country: l.country,
    ...(l.postalCode !== null ? { postalCode: l.postalCode } : {}),
    ...(l.countryCode !== null ? { countryCode: l.countryCode } : {}),
    ...(l.status !== null ? { status: l.status as NonNullable<Location["status"]> } : {}),
    ...(l.contacts !== null ? { contacts: JSON.parse(l.contacts) as NonNullable<Location["contacts"]> } : {}),
    ...(l.geoStatus !== null ? {
      geo: {
        status: l.geoStatus as NonNullable<Location["geo"]>["status"], lat: l.lat, lon: l.lon,
        source: l.geoSource as NonNullable<Location["geo"]>["source"], approximate: flag(l.geoApproximate) === true,
        ...(l.geoCandidates !== null ? { candidates: l.geoCandidates } : {}),
      },
    } : {}),
  };
}

/** A trial's Reference rows and results columns → the record's `references` and `results` (absent where not stated). */
export function publicationsFromRows(t: ResultsColumns, refs: ReferenceRow[]): Pick<TrialRecord, "references" | "results"> {
  const posted = flag(t.resultsPosted);
  return {
    ...(flag(t.referencesListed) ? {
      references: refs.map((x): Reference => ({ pmid: x.pmid, citation: x.citation, type: x.type as Reference["type"] })),
    } : {}),
    ...(posted !== null ? { results: { posted, firstPosted: t.resultsFirstPosted } } : {}),
  };
}

/** One trial's sites and publications, read with raw SQL (for readers that assemble a record without Prisma). */
export function readSites(db: Database.Database, trialId: string): Pick<TrialRecord, "locations" | "references" | "results"> {
  const locations = (db.prepare("SELECT * FROM Location WHERE trialId = ? ORDER BY ordinal").all(trialId) as LocationRow[]).map(locationFromRow);
  const refs = db.prepare("SELECT pmid, citation, type FROM Reference WHERE trialId = ? ORDER BY ordinal").all(trialId) as ReferenceRow[];
  const t = db.prepare("SELECT resultsPosted, resultsFirstPosted, referencesListed FROM Trial WHERE id = ?").get(trialId) as ResultsColumns | undefined;
  return { locations, ...(t ? publicationsFromRows(t, refs) : {}) };
}
