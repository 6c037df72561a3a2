import type { Location, TrialRecord } from "@/lib/record/schema";
import { countryName } from "@/lib/geo/countries";
import { siteAnchor } from "@/lib/map/record-sites";
import { statusWords } from "@/lib/map/site-map";
import { effectiveSiteStatus, mapStatus } from "@/lib/map/markers";
import { ContactLinks } from "./contact-links";

/** A short list stays open; a long one is summarised by country and folds its sites away. */
const OPEN_LIMIT = 8;

interface Site { l: Location; ordinal: number }

/** Open to patients first (recruiting, enrolling by invitation), then not yet recruiting, then the rest; the record's order within each. */
const openness = (s: Site) => ["recruiting", "not-yet", "unknown", "closed"].indexOf(mapStatus(s.l.status));

/** One form per country (its ISO code's name), countries with open sites first, then by number of sites. */
function byCountry(locations: Location[]): [string, Site[]][] {
  const groups = new Map<string, Site[]>();
  locations.forEach((l, ordinal) => {
    const key = l.countryCode ? countryName(l.countryCode) : (l.country ?? "Country not reported");
    groups.set(key, [...(groups.get(key) ?? []), { l, ordinal }]);
  });
  const open = (sites: Site[]) => sites.some((s) => openness(s) === 0);
  return [...groups]
    .map(([k, sites]): [string, Site[]] => [k, [...sites].sort((a, b) => openness(a) - openness(b) || a.ordinal - b.ordinal)])
    .sort((a, b) => Number(open(b[1])) - Number(open(a[1])) || b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

function geoNote(l: Location): string | null {
  const g = l.geo;
  if (!g) return null;
  if (g.status === "ambiguous") return `not on the map: ${g.candidates ?? "several"} places of this name, no state to tell them apart`;
  if (g.status === "not found") return "not on the map: the town was not found in the gazetteer";
  return g.approximate ? "on the map at its town's centre" : null;
}

function SiteItem({ site: { l, ordinal }, trialId, trialStatus }: { site: Site; trialId: string; trialStatus: TrialRecord["overallStatus"] }) {
  const note = geoNote(l);
  // The registry keeps a site's last status when the trial closes or goes unverified: say which counts.
  const stale = l.status && effectiveSiteStatus(l.status, trialStatus).fromTrial ? trialStatus : null;
  return (
    <li id={siteAnchor(ordinal)} className="break-inside-avoid scroll-mt-4">
      <span className="font-medium">{l.facility ?? "Site"}</span>
      {[l.city, l.region, l.postalCode].some(Boolean) && <>, {[l.city, l.region, l.postalCode].filter(Boolean).join(", ")}</>}
      {" "}<span className={mapStatus(l.status) === "recruiting" && !stale ? "font-medium text-green-800" : "text-slate-700"}>({l.status ? statusWords(l.status) : "site status not stated"})</span>
      {stale && <span className="block text-xs text-slate-600">the site&apos;s last status; the trial is {statusWords(stale)}, so the site is not counted as recruiting</span>}
      {note && <span className="block text-xs text-slate-600">{note}</span>}
      {l.contacts?.map((c, i) => (
        <span key={i} className="block wrap-break-word">Contact: {c.name}<ContactLinks phone={c.phone} email={c.email} trialId={trialId} /></span>
      ))}
    </li>
  );
}

function Groups({ groups, trialId, trialStatus }: { groups: [string, Site[]][]; trialId: string; trialStatus: TrialRecord["overallStatus"] }) {
  return groups.map(([country, sites]) => (
    <section key={country} className="mt-2">
      <h3 className="font-medium">{country} <span className="font-normal text-slate-600">({sites.length} {sites.length === 1 ? "site" : "sites"})</span></h3>
      <ul className="mt-1 space-y-1">
        {sites.map((s) => <SiteItem key={s.ordinal} site={s} trialId={trialId} trialStatus={trialStatus} />)}
      </ul>
    </section>
  ));
}

export function LocationsList({ t }: { t: Pick<TrialRecord, "id" | "nctId" | "locations" | "overallStatus"> }) {
  const { locations } = t;
  if (locations.length === 0) return null;
  const groups = byCountry(locations);
  const trialId = t.nctId ?? t.id;
  if (locations.length <= OPEN_LIMIT) return <div className="mt-2 text-sm"><Groups groups={groups} trialId={trialId} trialStatus={t.overallStatus} /></div>;
  return (
    <div className="mt-2 text-sm">
      <p>
        {locations.length} sites in {groups.length} {groups.length === 1 ? "country" : "countries"}:{" "}
        {groups.map(([country, sites]) => `${country} (${sites.length})`).join(", ")}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer text-brand">Show all {locations.length} sites</summary>
        <Groups groups={groups} trialId={trialId} trialStatus={t.overallStatus} />
      </details>
    </div>
  );
}
