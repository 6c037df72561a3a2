import type { Registered, RegistrationDate, RegistrationView } from "@/lib/record/registrations";
import { compareRegistrations } from "@/lib/record/registrations";
import { NotReported } from "@/components/ui/badges";

const dateText = (d: RegistrationDate | null) => (d ? `${d.label} ${d.value}` : "no date in the record");

function joinAnd(parts: React.ReactNode[]): React.ReactNode[] {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [i === parts.length - 1 ? " and " : ", ", p]));
}

function Registration({ r }: { r: RegistrationView }) {
  return (
    <span>
      <span className="font-mono">{r.id}</span> ({r.registry}, {dateText(r.date)}; <a href={`/api/trials/${encodeURIComponent(r.id)}`} className="underline">record as stored</a>)
    </span>
  );
}

/**
 * A trial registered in several registries: "registered as NCT… and ChiCTR…", which
 * record the page shows, and every field the registrations state differently, each value
 * with its registry and date (none is preferred, the newest included).
 */
export function RegistrationsSection({ items }: { items: Registered[] }) {
  if (items.length < 2) return null;
  const { registrations, disagreements } = compareRegistrations(items);
  const shown = registrations[0]!;
  return (
    <section id="registrations" aria-labelledby="registrations-h" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="registrations-h" className="text-lg font-semibold">Registered {registrations.length} times</h2>
      <p className="mt-1" data-testid="registered-as">
        Registered as {joinAnd(registrations.map((r) => <Registration key={r.id} r={r} />))}.
      </p>
      <p className="mt-1 text-sm text-slate-700">
        The records name each other&apos;s registry ids, so they are one trial here, counted once. The sections below are
        the {shown.registry} record <span className="font-mono">{shown.id}</span>; each other record is kept as it was imported.
      </p>
      {disagreements.length === 0 ? (
        <p className="mt-2 text-sm">The registrations agree on status, enrollment, start, phase and MSC doses (where they state them).</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm" data-testid="registrations-disagree">
          <caption className="text-left font-medium">Where the registrations differ (both shown; neither is preferred)</caption>
          <thead>
            <tr><th scope="col" className="pr-3">Field</th>{registrations.map((r) => (
              <th key={r.id} scope="col" className="pr-3"><span className="font-mono">{r.id}</span><br /><span className="font-normal">{r.registry}, {dateText(r.date)}</span></th>
            ))}</tr>
          </thead>
          <tbody>
            {disagreements.map((d) => (
              <tr key={d.field} className="border-t border-amber-200">
                <th scope="row" className="pr-3 font-medium">{d.field}</th>
                {d.values.map((v) => <td key={v.id} className="pr-3">{v.value ?? <NotReported>not stated</NotReported>}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
