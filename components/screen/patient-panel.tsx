import { PATIENT_FIELDS, type Patient } from "@/lib/screen/params";
import { unitLabel } from "@/lib/screen/describe";

/**
 * The list's "Patient" panel: the patient's values as fields of the search form (a GET
 * form: works without JavaScript, and the values live in the URL for a bookmark or a
 * colleague). Age is the list's own "Patient age" filter. Nothing is stored.
 */
export function PatientPanel({ patient, onlyPossible, open }: { patient: Patient; onlyPossible: boolean; open: boolean }) {
  return (
    <details className="mt-4 rounded-lg border border-slate-200 bg-white px-4 py-2" open={open} data-testid="patient-panel">
      <summary className="cursor-pointer py-1 font-semibold">Patient</summary>
      <p className="text-sm text-slate-700">
        Enter what you know; each trial then shows whether its numeric limits could admit this patient. The values stay in
        this page&apos;s address only: they are not stored or logged. Age: use “Patient age” under Filters.
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {PATIENT_FIELDS.filter((f) => f.param !== "age").map((f) => {
          const v = patient[f.analyte];
          return (
            <div key={f.param} className="flex flex-col gap-1 text-sm">
              <label htmlFor={`p-${f.param}`} className="font-medium">{f.label}</label>
              <div className="flex gap-1">
                <input id={`p-${f.param}`} name={f.param} form="search" type="number" inputMode="decimal" step="any" min={f.min} max={f.max}
                  defaultValue={v?.value ?? ""} className="w-full min-w-0 rounded border border-slate-300 px-2 py-1" />
                {f.units.length > 0 && (
                  <>
                    <label htmlFor={`p-${f.param}-unit`} className="sr-only">{f.label} unit</label>
                    <select id={`p-${f.param}-unit`} name={`${f.param}_unit`} form="search" defaultValue={v?.unit ?? f.units[0]}
                      className="rounded border border-slate-300 bg-white px-1 py-1">
                      {f.units.map((u) => <option key={u} value={u}>{unitLabel(u)}</option>)}
                    </select>
                  </>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <div className="my-3 flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="possible" value="1" form="search" defaultChecked={onlyPossible} className="h-4 w-4 accent-brand" />
          Hide excluded trials
        </label>
        <button type="submit" form="search" className="rounded border border-brand px-3 py-1.5 text-brand">Screen trials</button>
        <a href="/trials">Clear patient and search</a>
      </div>
    </details>
  );
}
