import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { compareCandidates, findCanonicalId, getTrialWithEvidence } from "@/lib/data";
import { LABELS } from "@/lib/record/vocabulary";
import { formatAgeRange, formatCells, formatPhases, label } from "@/lib/format";
import type { TrialRecord } from "@/lib/record/schema";
import { ArmsTable } from "@/components/trial/arms-table";
import { CompareWith } from "@/components/trial/compare-with";
import { CopyLink, PrintButton } from "@/components/ui/copy-link";
import { Field } from "@/components/trial/field";
import { RecordWarnings } from "@/components/trial/record-warnings";
import { Mark, NotReported, StatusBadge } from "@/components/ui/badges";

type Props = { params: Promise<{ id: string }> };

// Metadata and page share one query per request.
const loadTrial = cache(async (id: string) => getTrialWithEvidence(id));

/** The trial, or a redirect to its canonical id (`nct04822922` → `NCT04822922`), or a 404. */
async function resolve(id: string) {
  const found = await loadTrial(id);
  if (found) return found;
  const canonical = await findCanonicalId(id);
  if (canonical && canonical !== id) permanentRedirect(`/trials/${canonical}`);
  notFound();
}

function doseSummary(t: TrialRecord): string {
  const doses = t.arms.map((a) => a.summary.cellsPerKgPerInfusion).filter((d): d is number => d !== null);
  if (!doses.length) return "dose not reported";
  const [min, max] = [Math.min(...doses), Math.max(...doses)];
  return `${min === max ? formatCells(min) : `${formatCells(min)}–${formatCells(max)}`} cells/kg per infusion`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const t = (await loadTrial(id))?.trial;
  if (!t) return { title: "Trial not found" };
  const title = t.title ?? t.officialTitle ?? t.id;
  const description = `${t.id} · ${label(t.overallStatus)} · ${formatPhases(t.phases)} · ${t.arms.length} arms · ${doseSummary(t)}${t.conditions.length ? ` · ${t.conditions.join(", ")}` : ""}`;
  return {
    title: `${title} (${t.id})`,
    description,
    alternates: { canonical: `/trials/${t.id}` },
    openGraph: { title, description, type: "article", url: `/trials/${t.id}`, siteName: "MSC Liver Trials Registry" },
    twitter: { card: "summary", title, description },
  };
}

function Section({ id, title, trialId, children }: { id: string; title: string; trialId: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="mt-6 rounded-lg border border-slate-200 bg-white p-4 print:break-inside-avoid print:border-0 print:p-0">
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-h`} className="min-w-0 text-lg font-semibold">{title}</h2>
        <CopyLink href={`/trials/${trialId}#${id}`}>Link to section</CopyLink>
      </div>
      <div className="mt-2">{children}</div>
    </section>
  );
}

const orNot = (v: React.ReactNode) => (v === null || v === undefined || v === "" ? <NotReported /> : v);
/** An enum value in words, or the "not reported" mark. */
const enumValue = (v: string | null) => (v === null ? <NotReported /> : label(v));

export default async function TrialPage({ params }: Props) {
  const { id } = await params;
  const { trial: t, evidence } = await resolve(id);
  const candidates = compareCandidates(t.id, t.conditions);
  const ctgov = t.nctId ? `https://clinicaltrials.gov/study/${t.nctId}` : null;

  return (
    <article>
      <nav className="no-print text-sm" aria-label="Breadcrumb"><a href="/trials">← All trials</a></nav>
      <header className="mt-2">
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-mono font-medium" data-testid="trial-id">{t.id}</span>
          <StatusBadge status={t.overallStatus} />
          <span>{formatPhases(t.phases)}</span>
          {(evidence.overallStatus?.origin === "curated" || evidence.phases?.origin === "curated") && (
            <Mark kind="curated" title={`Status and phase from the curation file: ${evidence.overallStatus?.text ?? evidence.phases?.text ?? ""}`} />
          )}
        </div>
        <h1 className="mt-1 text-2xl font-semibold leading-tight">
          {t.title ?? <NotReported>Title not reported</NotReported>}
          {evidence.title?.origin === "curated" && <Mark kind="curated" title={`From the curation file: ${evidence.title.text ?? ""}`} />}
        </h1>
        {t.officialTitle && <p className="mt-1 text-slate-700">{t.officialTitle}</p>}
        <div className="no-print mt-3 flex flex-wrap gap-2">
          <CopyLink href={`/trials/${t.id}`}>Copy link</CopyLink>
          <CompareWith id={t.id} candidates={candidates} />
          <PrintButton />
        </div>
        <nav aria-label="Sections" className="no-print mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {["overview", "design", "arms", "eligibility", "outcomes", "contacts", "source"].map((s) => (
            <a key={s} href={`#${s}`} className="capitalize">{s === "arms" ? "Arms & doses" : s}</a>
          ))}
        </nav>
      </header>
      <RecordWarnings warnings={t.warnings} />

      <Section trialId={t.id} id="overview" title="Overview">
        <dl>
          <Field name="Sponsor" path="sponsor" evidence={evidence}>{orNot(t.sponsor)}</Field>
          <Field name="Conditions" path="conditions" evidence={evidence}>{orNot(t.conditions.join("; "))}</Field>
          <Field name="Cell source" path="cellSource" evidence={evidence}>{orNot(t.cellSource && (LABELS[t.cellSource] ?? t.cellSource))}</Field>
          <Field name="Interventions" evidence={evidence}>{orNot(t.interventions.join("; "))}</Field>
          <Field name="Enrollment" path="enrollment" evidence={evidence}>
            {t.enrollment ? `${t.enrollment.count} participants${t.enrollment.type ? ` (${t.enrollment.type.toLowerCase()})` : ""}` : <NotReported />}
          </Field>
          <Field name="Start" path="dates.start" evidence={evidence}>{orNot(t.dates.start)}</Field>
          <Field name="Primary completion" path="dates.primaryCompletion" evidence={evidence}>{orNot(t.dates.primaryCompletion)}</Field>
          <Field name="Completion" path="dates.completion" evidence={evidence}>{orNot(t.dates.completion)}</Field>
          <Field name="NCT id" path="nctId" evidence={evidence}>{orNot(t.nctId)}</Field>
          <Field name="Other ids" evidence={evidence}>{orNot(t.otherIds.join(", "))}</Field>
        </dl>
        {t.briefSummary && <p className="mt-3 whitespace-pre-line text-sm leading-relaxed text-slate-800">{t.briefSummary}</p>}
      </Section>

      <Section trialId={t.id} id="design" title="Design">
        <dl>
          <Field name="Study type" path="studyType" evidence={evidence}>{enumValue(t.studyType)}</Field>
          <Field name="Allocation" path="design.allocation" evidence={evidence}>{enumValue(t.design.allocation)}</Field>
          <Field name="Intervention model" path="design.interventionModel" evidence={evidence}>{enumValue(t.design.interventionModel)}</Field>
          <Field name="Masking" path="design.masking" evidence={evidence}>{enumValue(t.design.masking)}</Field>
          <Field name="Primary purpose" evidence={evidence}>{orNot(t.primaryPurpose && t.primaryPurpose.charAt(0) + t.primaryPurpose.slice(1).toLowerCase().replace(/_/g, " "))}</Field>
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
      </Section>

      <Section trialId={t.id} id="arms" title="Arms and doses">
        {t.arms.length ? <ArmsTable trial={t} /> : <NotReported>No arms reported</NotReported>}
      </Section>

      <Section trialId={t.id} id="eligibility" title="Eligibility">
        <dl>
          <Field name="Age" path={["eligibility.minAgeYears", "eligibility.maxAgeYears"]} evidence={evidence}>
            {formatAgeRange(t.eligibility.minAgeYears, t.eligibility.maxAgeYears)}
          </Field>
          <Field name="Sex" path="eligibility.sex" evidence={evidence}>{enumValue(t.eligibility.sex)}</Field>
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
      </Section>

      <Section trialId={t.id} id="outcomes" title="Outcomes">
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
      </Section>

      <Section trialId={t.id} id="contacts" title="Contacts and locations">
        {t.contacts.length ? (
          <ul className="space-y-1 text-sm wrap-break-word">
            {t.contacts.map((c, i) => (
              <li key={i}>
                <span className="font-medium">{c.name}</span> <span className="text-slate-600">({c.role.toLowerCase().replace(/_/g, " ")})</span>
                {c.affiliation && <>, {c.affiliation}</>}
                {c.phone && <> · {c.phone}</>}
                {c.email && <> · <a href={`mailto:${c.email}`}>{c.email}</a></>}
              </li>
            ))}
          </ul>
        ) : <p className="text-sm"><NotReported>No contact reported</NotReported></p>}
        {t.locations.length > 0 && (
          <ul className="mt-2 space-y-1 text-sm">
            {t.locations.map((l, i) => (
              <li key={i}>{[l.facility, l.city, l.region, l.country].filter(Boolean).join(", ")}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section trialId={t.id} id="source" title="Source">
        <dl>
          <Field name="Source file" evidence={evidence}><span className="font-mono" data-testid="source-file">{t.source.file}</span></Field>
          <Field name="Layout" evidence={evidence}>{t.source.format}</Field>
          <Field name="Registry record" evidence={evidence}>
            {ctgov ? <a href={ctgov} rel="noopener">{ctgov}</a> : <NotReported>no NCT id known</NotReported>}
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
      </Section>
    </article>
  );
}
