import type { TrialRecord } from "@/lib/record/schema";

type Location = TrialRecord["locations"][number];

/** A short list stays open; a long one is summarised by country and folds its sites away. */
const OPEN_LIMIT = 8;

function place(l: Location): string {
  return [l.facility, l.city, l.region, l.country].filter(Boolean).join(", ");
}

/** Countries by number of sites, most first; a site without a country counts as "country not reported". */
function byCountry(locations: Location[]): [string, Location[]][] {
  const groups = new Map<string, Location[]>();
  for (const l of locations) {
    const key = l.country ?? "Country not reported";
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export function LocationsList({ locations }: { locations: Location[] }) {
  if (locations.length === 0) return null;
  if (locations.length <= OPEN_LIMIT) {
    return (
      <ul className="mt-2 space-y-1 text-sm">
        {locations.map((l, i) => <li key={i}>{place(l)}</li>)}
      </ul>
    );
  }
  const groups = byCountry(locations);
  return (
    <div className="mt-2 text-sm">
      <p>
        {locations.length} sites in {groups.length} {groups.length === 1 ? "country" : "countries"}:{" "}
        {groups.map(([country, sites]) => `${country} (${sites.length})`).join(", ")}
      </p>
      <details className="mt-1">
        <summary className="cursor-pointer text-brand">Show all {locations.length} sites</summary>
        {groups.map(([country, sites]) => (
          <section key={country} className="mt-2">
            <h3 className="font-medium">{country}</h3>
            <ul className="mt-1 space-y-1 sm:columns-2">
              {sites.map((l, i) => <li key={i} className="break-inside-avoid">{[l.facility, l.city, l.region].filter(Boolean).join(", ")}</li>)}
            </ul>
          </section>
        ))}
      </details>
    </div>
  );
}
