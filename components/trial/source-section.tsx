import type { TrialRecord } from "@/lib/record/schema";
import type { EvidenceMap } from "@/lib/record/schema";
import { Mark, NotReported } from "@/components/ui/badges";
import { Field } from "@/components/trial/field";
import { SectionFrame } from "./section-frame";

type SectionProps = { t: TrialRecord; evidence: EvidenceMap };

export function SourceSection({ t, evidence }: SectionProps) {
  const ctgov = t.nctId ? `https://clinicaltrials.gov/study/${t.nctId}` : null;
  return (
    <SectionFrame trialId={t.id} id="source" title="Source">
      <dl>
        <Field name="Source file" evidence={evidence}><span className="font-mono" data-testid="source-file">{t.source.file}</span></Field>
        <Field name="Layout" evidence={evidence}>{t.source.format}</Field>
        <Field name="Registry record" evidence={evidence}>
          {ctgov ? <a href={ctgov} rel="noopener">{ctgov}</a> : <NotReported>no NCT id known</NotReported>}
        </Field>
        <Field name="This record as data" evidence={evidence}>
          <a href={`/api/trials/${t.id}`} data-testid="json-link">JSON</a>
          {" · "}
          <a href={`/api/trials/${t.id}/fhir`} data-testid="fhir-link">FHIR R4 ResearchStudy</a>
        </Field>
      </dl>
      <p className="mt-3 flex flex-wrap gap-3 text-xs text-slate-600">
        <span><Mark kind="curated" title="Curated" /> from the curation file (a fact the record lacks, from the public registry)</span>
        <span><Mark kind="derived" title="Derived" /> read from the record's prose, not from a structured field</span>
        <span><Mark kind="estimated" title="Estimated" /> a flat dose converted at the {t.referenceWeightKg} kg reference weight</span>
      </p>
      {t.description && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">Full description from the source</summary>
          <p className="mt-2 whitespace-pre-line leading-relaxed text-slate-800">{t.description}</p>
        </details>
      )}
    </SectionFrame>
  );
}
