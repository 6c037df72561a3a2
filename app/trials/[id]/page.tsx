import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { getTrialPage } from "@/lib/data";
import { SuggestionsNote } from "@/components/trial/suggestions-note";
import { RegistrationsSection } from "@/components/trial/registrations-section";
import { formatDoseSummary, formatPhases, label } from "@/lib/format";
import { FreshnessNote } from "@/components/trial/freshness-note";
import { TrialBody } from "@/components/trial/trial-body";
import { TrialHeader } from "@/components/trial/trial-header";
import { TrialScreenNote } from "@/components/screen/trial-screen-note";
import { screenTrial } from "@/lib/screen";
import { readPagePatient } from "@/lib/screen/page-params";
import type { RawParams } from "@/lib/url/params";
import { parseSearchParams } from "@/lib/search/params";
import { resolveNear } from "@/lib/search/near";
import type { NearContext } from "@/components/trial/nearest-contact";

/** The list's near place, where the URL carries one that resolves to a point. */
function nearContext(sp: RawParams): NearContext | undefined {
  const { query } = parseSearchParams(sp);
  const near = resolveNear(query);
  return near.status === "point" ? { point: near.point, label: near.label, ...(query.radius !== undefined ? { radius: query.radius } : {}) } : undefined;
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<RawParams> };

// Metadata and page share one read per request: the record and all the page shows beside it, one snapshot.
const loadTrial = cache(async (id: string) => getTrialPage(id));

/**
 * The trial, or a 308 to its canonical id (`nct04822922` → `NCT04822922`; a record of a
 * trial registered in several registries → the trial's primary id, where all its
 * registrations are shown), or a 404.
 */
async function resolve(id: string) {
  const { canonical, page } = await loadTrial(id);
  if (canonical && canonical !== id) permanentRedirect(`/trials/${encodeURIComponent(canonical)}`);
  if (page) return page;
  notFound();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = (await loadTrial((await params).id)).page?.trial;
  if (!t) return { title: "Trial not found" };
  const title = t.title ?? t.officialTitle ?? t.id;
  const dose = formatDoseSummary(t.arms.map((a) => a.summary.cellsPerKgPerInfusion));
  const description = `${t.id} · ${label(t.overallStatus)} · ${formatPhases(t.phases)} · ${t.arms.length} arms · ${dose}${t.conditions.length ? ` · ${t.conditions.join(", ")}` : ""}`;
  return {
    title: `${title} (${t.id})`,
    description,
    alternates: { canonical: `/trials/${t.id}` },
    openGraph: { title, description, type: "article", url: `/trials/${t.id}`, siteName: "MSC Liver Trials Registry" },
    twitter: { card: "summary", title, description },
  };
}

export default async function TrialPage({ params, searchParams }: Props) {
  const { trial: t, evidence, versions, registrations, suggestions, candidates } = await resolve((await params).id);
  const sp = await searchParams;
  const patient = readPagePatient(sp);
  const near = nearContext(sp);
  const screen = patient.active ? screenTrial(t, patient.patient) : undefined;
  return (
    <article>
      <nav className="no-print text-sm" aria-label="Breadcrumb"><a href="/trials">← All trials</a></nav>
      <TrialHeader t={t} evidence={evidence} candidates={candidates}>
        <FreshnessNote t={t} versions={versions?.versions ?? null} updatedOn={versions?.latestImportedAt ?? null} now={Date.now()} />
      </TrialHeader>
      <RegistrationsSection items={registrations} />
      <SuggestionsNote suggestions={suggestions} />
      <TrialBody t={t} evidence={evidence} screen={screen} screenNote={screen && <TrialScreenNote screen={screen} back={patient.query} />} near={near} />
    </article>
  );
}
