import { CopyLink } from "@/components/ui/copy-link";

/** One section of a trial page: a heading at a stable anchor, with a link to it. */
export function SectionFrame({ id, title, trialId, children }: { id: string; title: string; trialId: string; children: React.ReactNode }) {
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
