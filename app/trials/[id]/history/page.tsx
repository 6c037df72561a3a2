import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { trialHistory, trialWithHistory } from "@/lib/data";
import { HistoryList } from "@/components/history/history-list";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const h = await trialHistory(id);
  if (!h) return { title: "Trial not found" };
  return {
    title: `History of ${id}: ${h.versions.length} version${h.versions.length === 1 ? "" : "s"}`,
    alternates: { canonical: `/trials/${id}/history`, types: { "application/atom+xml": `/trials/${id}/feed` } },
  };
}

/** /trials/{id}/history: every version of a trial, newest first, with what each changed. */
export default async function HistoryPage({ params }: Props) {
  const { id } = await params;
  const { trial, history } = await trialWithHistory(id); // one snapshot
  const href = `/trials/${encodeURIComponent(id)}`;
  if (!history) {
    // A trial imported before versions were kept has none yet: its next import keeps it as version 1.
    if (!trial) notFound();
    return (
      <article>
        <nav className="no-print text-sm" aria-label="Breadcrumb"><a href={href}>← {id}</a></nav>
        <h1 className="mt-2 text-2xl font-semibold leading-tight">History of {id}</h1>
        <p className="mt-2">No versions recorded yet: this trial was imported before versions were kept. Its next import keeps the stored record as version 1.</p>
      </article>
    );
  }
  return (
    <article>
      <nav className="no-print text-sm" aria-label="Breadcrumb"><a href={href}>← {id}</a></nav>
      <h1 className="mt-2 text-2xl font-semibold leading-tight">History of {id}</h1>
      {history.title && <p className="mt-1 text-slate-700">{history.title}</p>}
      <p className="mt-2 text-sm">
        {history.versions.length} version{history.versions.length === 1 ? "" : "s"} kept, newest first ·{" "}
        <a href={`${href}/feed`} className="underline">Atom feed of this trial&apos;s changes</a> · <a href={`/api${href}/history`} className="underline">as JSON</a>
      </p>
      <HistoryList history={history} />
    </article>
  );
}
