import type { TrialRecord } from "@/lib/record/schema";
import type { EvidenceMap } from "@/lib/record/schema";
import { NotReported, enumOrNotReported } from "@/components/ui/badges";
import { Field } from "@/components/trial/field";
import { formatAgeRange } from "@/lib/format";
import { SectionFrame } from "./section-frame";
import { Criterion } from "@/components/screen/criterion";
import type { TrialScreen } from "@/lib/screen";

type SectionProps = { t: TrialRecord; evidence: EvidenceMap; screen?: TrialScreen };

export function EligibilitySection({ t, evidence, screen }: SectionProps) {
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
                {t.eligibility[kind].map((c, i) => (
                  <Criterion key={i} text={c} thresholds={t.eligibility.thresholds.filter((x) => x.list === kind && x.criterion === i)}
                    result={screen?.criteria.find((r) => r.list === kind && r.criterion === i)} />
                ))}
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
