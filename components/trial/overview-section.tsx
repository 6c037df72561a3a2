import type { TrialRecord } from "@/lib/record/schema";
import type { EvidenceMap } from "@/lib/record/schema";
import { orNotReported } from "@/components/ui/badges";
import { Field } from "@/components/trial/field";
import { formatEnrollment } from "@/lib/format";
import { LABELS } from "@/lib/record/vocabulary";
import { SectionFrame } from "./section-frame";

type SectionProps = { t: TrialRecord; evidence: EvidenceMap };

export function OverviewSection({ t, evidence }: SectionProps) {
  return (
    <SectionFrame trialId={t.id} id="overview" title="Overview">
      <dl>
        <Field name="Sponsor" path="sponsor" evidence={evidence}>{orNotReported(t.sponsor)}</Field>
        <Field name="Conditions" path="conditions" evidence={evidence}>{orNotReported(t.conditions.join("; "))}</Field>
        <Field name="Cell source" path="cellSource" evidence={evidence}>{orNotReported(t.cellSource && (LABELS[t.cellSource] ?? t.cellSource))}</Field>
        <Field name="Interventions" evidence={evidence}>{orNotReported(t.interventions.join("; "))}</Field>
        <Field name="Enrollment" path="enrollment" evidence={evidence}>
          {orNotReported(formatEnrollment(t.enrollment))}
        </Field>
        <Field name="Start" path="dates.start" evidence={evidence}>{orNotReported(t.dates.start)}</Field>
        <Field name="Primary completion" path="dates.primaryCompletion" evidence={evidence}>{orNotReported(t.dates.primaryCompletion)}</Field>
        <Field name="Completion" path="dates.completion" evidence={evidence}>{orNotReported(t.dates.completion)}</Field>
        <Field name="NCT id" path="nctId" evidence={evidence}>{orNotReported(t.nctId)}</Field>
        <Field name="Other ids" evidence={evidence}>{orNotReported(t.otherIds.join(", "))}</Field>
      </dl>
      {t.briefSummary && <p className="mt-3 whitespace-pre-line text-sm leading-relaxed text-slate-800">{t.briefSummary}</p>}
    </SectionFrame>
  );
}
