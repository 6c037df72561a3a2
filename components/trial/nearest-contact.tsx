import type { TrialRecord } from "@/lib/record/schema";
import type { LatLon } from "@/lib/geo/distance";
import { countryName } from "@/lib/geo/countries";
import { formatKm } from "@/lib/geo/format-km";
import { sitesByDistance } from "@/lib/geo/nearest-site";
import { siteAnchor } from "@/lib/map/record-sites";
import { statusWords } from "@/lib/map/site-map";
import { ContactLinks } from "./contact-links";

/** The place the list measured from (its near parameters, carried to the trial page). */
export interface NearContext { point: LatLon; label: string; radius?: number }

/**
 * With a place from the list: the trial's nearest recruiting site and whom to contact there,
 * first in the Contacts section (the site's own contacts; else the trial's, said so).
 */
export function NearestContact({ t, near }: { t: TrialRecord; near: NearContext }) {
  const sites = sitesByDistance(t, near.point);
  const first = sites[0];
  const trialId = t.nctId ?? t.id;
  if (!first) {
    return <p className="mb-3 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="nearest-contact">No site of this trial has a known location: no distance from {near.label}.</p>;
  }
  const { site, km } = first;
  const place = [site.facility, site.city, site.countryCode ? countryName(site.countryCode) : site.country].filter(Boolean).join(", ");
  const contacts = site.contacts ?? [];
  const central = contacts.length ? [] : t.contacts.filter((c) => c.role !== "SITE");
  return (
    <div className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm wrap-break-word" data-testid="nearest-contact">
      <p>
        <span className="font-medium">{first.recruiting ? "Nearest recruiting site" : "No recruiting site; nearest site"}</span> to {near.label}:{" "}
        <strong className="tabular-nums">{formatKm(km)}</strong>
        {first.approximate && " (approximate: the site's town centre)"}
        {near.radius !== undefined && km > near.radius && <> — farther than the {near.radius.toLocaleString("en")} km asked for</>},{" "}
        <a href={`#${siteAnchor(first.ordinal)}`} className="underline">{place || "site"}</a> ({statusWords(first.status)}{first.fromTrial ? ", the trial's status" : ""})
      </p>
      {contacts.map((c, i) => <p key={i}>Contact: {c.name}<ContactLinks phone={c.phone} email={c.email} trialId={trialId} /></p>)}
      {central.length > 0 && (
        <>
          <p className="text-slate-700">The record names no contact for this site; the trial&apos;s contacts:</p>
          {central.map((c, i) => <p key={i}>{c.name}{c.affiliation && <>, {c.affiliation}</>}<ContactLinks phone={c.phone} email={c.email} trialId={trialId} /></p>)}
        </>
      )}
      {contacts.length === 0 && central.length === 0 && <p className="text-slate-700">The record names no contact for this site or the trial.</p>}
    </div>
  );
}
