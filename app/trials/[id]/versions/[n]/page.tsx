import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { trialVersion } from "@/lib/data";
import { FreshnessNote } from "@/components/trial/freshness-note";
import { TrialBody } from "@/components/trial/trial-body";
import { TrialHeader } from "@/components/trial/trial-header";

type Props = { params: Promise<{ id: string; n: string }> };

function load(id: string, n: string) {
  return /^[1-9]\d{0,8}$/.test(n) ? trialVersion(id, Number(n)) : Promise.resolve(null);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, n } = await params;
  const found = await load(id, n);
  if (!found) return { title: "Version not found" };
  return { title: `${found.version.record.title ?? id} (${id}, version ${n} of ${found.count})`, alternates: { canonical: `/trials/${id}/versions/${n}` } };
}

/** /trials/{id}/versions/{n}: one version as it was imported, rendered like the trial page, with a banner. */
export default async function VersionPage({ params }: Props) {
  const { id, n } = await params;
  const found = await load(id, n);
  if (!found) notFound();
  const { version: v, count } = found;
  const href = `/trials/${encodeURIComponent(id)}`;
  const permalink = `${href}/versions/${v.n}`;
  return (
    <article>
      <nav className="no-print text-sm" aria-label="Breadcrumb"><a href={`${href}/history`}>← History of {id}</a></nav>
      <p role="note" className="mt-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="version-banner">
        <strong>Version {v.n} of {count}</strong>, imported {v.importedAt.replace("T", " ").slice(0, 16)} UTC from{" "}
        <span className="font-mono">{v.sourceFile}</span>.{" "}
        {v.n === count ? "This is the current version: " : "The record may have changed since: "}
        <a href={href} className="underline">see the current version</a> · <a href={`${href}/history`} className="underline">what changed</a>
      </p>
      <TrialHeader t={v.record} evidence={{}} candidates={[]} permalink={permalink}>
        <FreshnessNote t={v.record} versions={null} updatedOn={null} now={Date.now()} />
      </TrialHeader>
      <TrialBody t={v.record} evidence={{}} />
    </article>
  );
}
