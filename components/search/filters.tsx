import type { Facets } from "@/lib/search/engine";
import type { SearchQuery } from "@/lib/search/params";
import { label } from "@/lib/format";
import { VERIFIED_LABELS, type VerifiedBucket } from "@/lib/history/freshness";
import { registryLabel } from "@/lib/db/trial-links";
import { DoseSelect } from "@/components/search/dose-select";
import { FacetGroup } from "@/components/search/facet-group";
import { SiteFilters } from "@/components/search/site-filters";

/** The list's filter panel: one group per facet, each option with what choosing it gives. */
export function Filters({ q, facets }: { q: SearchQuery; facets: Facets }) {
  const f = "search";
  return (
    <>
      <SiteFilters q={q} facets={facets} form={f} />
      <FacetGroup legend="Phase" name="phase" options={facets.phase} selected={q.phase} labelOf={label} form={f} />
      <FacetGroup legend="Status" name="status" options={facets.status} selected={q.status} labelOf={label} form={f} />
      <FacetGroup legend="Status verified within" name="verified" options={facets.verified} selected={q.verified} labelOf={(v) => VERIFIED_LABELS[v as VerifiedBucket] ?? v} form={f} />
      <FacetGroup legend="Allocation" name="allocation" options={facets.allocation} selected={q.allocation} labelOf={label} form={f} />
      <FacetGroup legend="Masking" name="masking" options={facets.masking} selected={q.masking} labelOf={label} form={f} />
      <FacetGroup legend="Registry" name="registry" options={facets.registry} selected={q.registry} labelOf={registryLabel} form={f} />
      <FacetGroup legend="Condition" name="condition" options={facets.condition} selected={q.condition} form={f} />
      <FacetGroup legend="Cell source" name="source" options={facets.source} selected={q.source} labelOf={label} form={f} />
      <FacetGroup legend="Autologous or allogeneic" name="origin" options={facets.origin} selected={q.origin} labelOf={label} form={f} />
      <FacetGroup legend="Route of administration" name="route" options={facets.route} selected={q.route} labelOf={label} form={f} />
      <fieldset className="border-t border-slate-200 py-3">
        <legend className="text-sm font-semibold text-slate-800">Dose per kg per infusion (any arm)</legend>
        <div className="mt-2 space-y-2">
          <DoseSelect name="doseMin" label="at least" options={facets.doseMin} value={q.doseMin} form={f} />
          <DoseSelect name="doseMax" label="at most" options={facets.doseMax} value={q.doseMax} form={f} />
        </div>
        <p className="mt-1 text-xs text-slate-600">Flat doses count at the 60 kg reference weight.</p>
      </fieldset>
      <FacetGroup
        legend="MSC infusions (any arm)" name="infusions" options={facets.infusions} selected={q.infusions.map(String)}
        labelOf={(v) => `${v} infusion${v === "1" ? "" : "s"}`} form={f}
      />
      <FacetGroup legend="Single or repeated MSC infusions (any arm)" name="dosing" options={facets.dosing} selected={q.dosing} labelOf={label} form={f} />
      <fieldset className="border-t border-slate-200 py-3">
        <legend className="text-sm font-semibold text-slate-800">Patient age</legend>
        <label className="mt-2 flex items-center gap-2 text-sm">
          <input type="number" name="age" form={f} min={0} max={120} step={1} defaultValue={q.age ?? ""}
            className="w-20 rounded border border-slate-300 px-2 py-1" />
          <span>years</span>
          {facets.age !== null && <span className="ml-auto tabular-nums text-slate-600">{facets.age} trials admit it</span>}
        </label>
      </fieldset>
    </>
  );
}
