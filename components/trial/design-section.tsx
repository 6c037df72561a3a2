import type { TrialRecord } from "@/lib/record/schema";
import type { EvidenceMap } from "@/lib/record/schema";
import { Mark, orNotReported, enumOrNotReported } from "@/components/ui/badges";
import { Field } from "@/components/trial/field";
import { formatSentenceCase } from "@/lib/format";
import { SectionFrame } from "./section-frame";

type SectionProps = { t: TrialRecord; evidence: EvidenceMap };

export function DesignSection({ t, evidence }: SectionProps) {
  return (
    <SectionFrame trialId={t.id} id="design" title="Design">
      <dl>
        <Field name="Study type" path="studyType" evidence={evidence}>{enumOrNotReported(t.studyType)}</Field>
        <Field name="Allocation" path="design.allocation" evidence={evidence}>{enumOrNotReported(t.design.allocation)}</Field>
        <Field name="Intervention model" path="design.interventionModel" evidence={evidence}>{enumOrNotReported(t.design.interventionModel)}</Field>
        <Field name="Masking" path="design.masking" evidence={evidence}>{enumOrNotReported(t.design.masking)}</Field>
        <Field name="Primary purpose" evidence={evidence}>{orNotReported(t.primaryPurpose && formatSentenceCase(t.primaryPurpose))}</Field>
      </dl>
      {t.stages.length > 0 && (
        <div className="mt-3">
          <h3 className="font-semibold">Randomisation stages</h3>
          <ol className="mt-1 list-decimal space-y-2 pl-5 text-sm">
            {t.stages.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{s.label}</span>{s.description ? `: ${s.description}` : ""}
                {t.provenance.stages === "derived" && <Mark kind="derived" title={`Read from the prose: “${s.text}”`} />}
                <ul className="mt-1 list-disc pl-5">
                  {s.groups.map((g, j) => (
                    <li key={j}>
                      {g.label}
                      {g.ratio !== null ? ` — ratio ${g.ratio}` : " — ratio not reported"}
                      {g.count !== null ? `, ${g.count} planned` : ""}
                      {g.fromGroup ? `, from the ${g.fromGroup} group` : ""}
                      {g.armOrdinals.length > 0 && <span className="text-slate-600"> → {g.armOrdinals.map((k) => t.arms[k]?.label).filter(Boolean).join(", ")}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </SectionFrame>
  );
}
