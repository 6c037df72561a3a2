import type { TrialRecord } from "@/lib/record/schema";
import type { EvidenceMap } from "@/lib/db/trials";
import { NotReported, enumOrNotReported } from "@/components/ui/badges";
import { Field } from "@/components/trial/field";
import { formatAgeRange } from "@/lib/format";
import { SectionFrame } from "./section-frame";

type SectionProps = { t: TrialRecord; evidence: EvidenceMap };

export function EligibilitySection({ t, evidence }: SectionProps) {
  return (
    <SectionFrame trialId={t.id} id="eligibility" title="Eligibility">
      <dl>
        <Field name="Age" path={["eligibility.minAgeYears", "eligibility.maxAgeYears"]} evidence={evidence}>
          {formatAgeRange(t.eligibility.minAgeYears, t.eligibility.maxAgeYears)}
        </Field>
        <Field name="Sex" path="eligibility.sex" evidence={evidence}>{enumOrNotReported(t.eligibility.sex)}</Field>
        <Field name="Healthy volunteers" path="eligibility.healthyVolunteers" evidence={evidence}>
          {t.eligibility.healthyVolunteers === null ? <NotReported /> : t.eligibility.healthyVolunteers ? "Accepted" : "Not accepted"}
        </Field>
      </dl>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {(["inclusion", "exclusion"] as const).map((kind) => (
          <div key={kind}>
            <h3 className="font-semibold capitalize">{kind} criteria ({t.eligibility[kind].length})</h3>
            {t.eligibility[kind].length ? (
              <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm" data-testid={`${kind}-list`}>
                {t.eligibility[kind].map((c, i) => <li key={i}>{c}</li>)}
              </ol>
            ) : (
              <p className="mt-1 text-sm"><NotReported>Not reported in the source</NotReported></p>
            )}
          </div>
        ))}
      </div>
    </SectionFrame>
  );
}
