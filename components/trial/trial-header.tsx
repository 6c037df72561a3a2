import type { EvidenceMap } from "@/lib/record/schema";
import type { TrialRecord } from "@/lib/record/schema";
import { formatPhases } from "@/lib/format";
import { CompareWith } from "@/components/trial/compare-with";
import { CopyLink, PrintButton } from "@/components/ui/copy-link";
import { Mark, NotReported, StatusBadge } from "@/components/ui/badges";

/** The top of a trial page: id, status, title, actions and the section links. */
export function TrialHeader({ t, evidence, candidates, permalink, children }: {
  t: TrialRecord; evidence: EvidenceMap; candidates: { id: string; title: string | null }[];
  /** The address "Copy link" copies: the trial's, or a version's permalink. */
  permalink?: string;
  /** Shown under the title (freshness and versions). */
  children?: React.ReactNode;
}) {
  return (
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
      {children}
      <div className="no-print mt-3 flex flex-wrap gap-2">
        <CopyLink href={permalink ?? `/trials/${t.id}`} testId="copy-permalink">Copy link</CopyLink>
        <CompareWith id={t.id} candidates={candidates} />
        <PrintButton />
      </div>
      <nav aria-label="Sections" className="no-print mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {["overview", "design", "arms", "eligibility", "outcomes", "contacts", "publications", "source"].map((s) => (
          <a key={s} href={`#${s}`} className="capitalize">{s === "arms" ? "Arms & doses" : s}</a>
        ))}
      </nav>
    </header>
  );
}
