import type { Facets } from "@/lib/search/engine";
import type { SearchQuery } from "@/lib/search/params";
import { countryName } from "@/lib/geo/countries";
import { FacetGroup } from "@/components/search/facet-group";

const RADII = [25, 50, 100, 250, 500, 1000, 2000];
const count = (facet: Facets["recruiting"]) => facet[0]?.count ?? 0;
/** "Shanghai, CN" → "Shanghai, China". */
const cityLabel = (v: string) => v.replace(/,\s*([A-Z]{2})$/, (_, code: string) => `, ${countryName(code)}`);

/** One checkbox with the number of trials choosing it gives. */
function Toggle({ name, checked, label, hint, n, form }: { name: string; checked: boolean; label: string; hint: string; n: number; form: string }) {
  const id = `${name}-on`;
  return (
    <div className="mt-2 text-sm">
      <div className="flex items-center gap-2">
        <input type="checkbox" id={id} name={name} value="1" form={form} defaultChecked={checked} className="h-4 w-4 accent-brand" aria-describedby={`${id}-hint`} />
        <label htmlFor={id} className="flex-1">{label}</label>
        <span className="tabular-nums text-slate-600" aria-label={`${n} trials`}>{n}</span>
      </div>
      <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">{hint}</p>
    </div>
  );
}

/**
 * Where trials recruit: a place and a radius ("near"), recruiting sites only, country and city
 * (counted site by site: with "recruiting sites only", a country counts the trials recruiting
 * there), and whether a trial has a results publication. Plain form fields of the list's GET form.
 */
export function SiteFilters({ q, facets, form: f }: { q: SearchQuery; facets: Facets; form: string }) {
  return (
    <>
      <fieldset className="min-w-0 border-t border-slate-200 py-3">
        <legend className="text-sm font-semibold text-slate-800">Near a place</legend>
        <label htmlFor="near" className="mt-2 block text-sm">Town or city</label>
        <input id="near" name="near" type="text" form={f} defaultValue={q.near ?? ""} maxLength={200} autoComplete="off"
          placeholder="e.g. Hangzhou, China" aria-describedby="near-hint"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm" />
        {q.place !== undefined && <input type="hidden" name="place" value={q.place} form={f} />}
        <p id="near-hint" className="mt-1 text-xs text-slate-600">With its country where several places share the name, or &ldquo;latitude, longitude&rdquo;. Without a distance: all trials, nearest first when sorted so.</p>
        <label htmlFor="radius" className="mt-2 block text-sm">Within</label>
        <select id="radius" name="radius" form={f} defaultValue={q.radius === undefined ? "" : String(q.radius)}
          className="mt-1 w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1 text-sm">
          <option value="">any distance</option>
          {[...new Set([...RADII, ...(q.radius !== undefined ? [q.radius] : [])])].sort((a, b) => a - b).map((r) => (
            <option key={r} value={r}>{r.toLocaleString("en")} km</option>
          ))}
        </select>
        {facets.near !== null && <p className="mt-1 text-sm tabular-nums text-slate-700" data-testid="near-count">{facets.near} trials have a site within {q.radius?.toLocaleString("en")} km</p>}
        <Toggle name="recruiting" checked={q.recruiting === true} form={f} n={count(facets.recruiting)} label="Recruiting sites only"
          hint="A site recruiting or enrolling by invitation. A site with no status of its own, or of a trial completed, stopped or of unknown status, takes the trial's. With a country, city or place: recruiting there." />
      </fieldset>
      <FacetGroup legend="Country (a site in it)" name="country" options={facets.country} selected={q.country} labelOf={countryName} form={f} />
      <FacetGroup legend="City (a site in it)" name="city" options={facets.city} selected={q.city} labelOf={cityLabel} form={f} />
      <fieldset className="border-t border-slate-200 py-3">
        <legend className="text-sm font-semibold text-slate-800">Publications</legend>
        <Toggle name="results" checked={q.results === true} form={f} n={count(facets.results)} label="Has a results publication"
          hint="The registry record lists a reference of type “results”: a paper the registrant says reports this trial's results. Papers not listed in the record are not known here." />
      </fieldset>
    </>
  );
}
