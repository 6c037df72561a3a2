import Link from "next/link";
import { countryName } from "@/lib/geo/countries";
import { formatKm } from "@/lib/geo/format-km";
import { statusWords } from "@/lib/map/site-map";
import { siteAnchor } from "@/lib/map/record-sites";
import type { ListItem } from "@/lib/search/list-items";

/** A result's distance from the list's place: to its nearest recruiting site, named and linked (else its nearest site, said so). */
export function NearestLine({ id, nearest, keep }: { id: string; nearest: NonNullable<ListItem["nearest"]> | null; keep?: string }) {
  if (nearest === null) {
    return <p className="mt-2 text-sm text-slate-700" data-testid="distance">Distance: none of its sites has a known location.</p>;
  }
  const place = [nearest.facility, nearest.city, nearest.countryCode ? countryName(nearest.countryCode) : null].filter(Boolean).join(", ") || "a site";
  const href = `/trials/${encodeURIComponent(id)}${keep ? `?${keep}` : ""}#${siteAnchor(nearest.ordinal)}`;
  const km = <strong className="tabular-nums" data-testid="km">{formatKm(nearest.km)}</strong>;
  const approx = nearest.approximate ? <span className="text-slate-600"> (approximate: the site&apos;s town centre)</span> : null;
  return (
    <p className="mt-2 text-sm" data-testid="distance">
      {nearest.recruiting ? (
        <>Nearest recruiting site: {km}{approx}, <Link href={href} className="underline">{place}</Link></>
      ) : (
        <>
          <span className="text-slate-700">No recruiting site here; nearest site</span> ({statusWords(nearest.status)}{nearest.statusFromTrial ? ", the trial's status" : ""}): {km}{approx},{" "}
          <Link href={href} className="underline">{place}</Link>
        </>
      )}
    </p>
  );
}
