import type { TrialRecord } from "@/lib/record/schema";
import { NotReported } from "@/components/ui/badges";
import { SectionFrame } from "./section-frame";

export function OutcomesSection({ t }: { t: TrialRecord }) {
  return (
    <SectionFrame trialId={t.id} id="outcomes" title="Outcomes">
      {t.outcomes.length ? (
        <ol className="list-decimal space-y-2 pl-5 text-sm">
          {t.outcomes.map((o, i) => (
            <li key={i}>
              <span className="font-medium">{o.measure}</span>
              {o.kind && <span className="text-slate-600"> ({o.kind.toLowerCase()})</span>}
              <span className="block text-slate-700">Time frame: {o.timeFrame ?? "not reported"}</span>
              {o.description && <span className="block text-slate-700">{o.description}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm"><NotReported>Not reported in the source</NotReported></p>
      )}
    </SectionFrame>
  );
}
