import { freshnessOf } from "@/lib/history/freshness";
import type { TrialRecord } from "@/lib/record/schema";
import { NotReported } from "@/components/ui/badges";

/**
 * How fresh a trial's facts are: the registry's last update and status verification where
 * the source states them, a flag when the status has not been verified for more than 2
 * years, and this registry's versions of the trial with a link to its history.
 */
export function FreshnessNote({ t, versions, updatedOn, now }: {
  t: TrialRecord; versions: number | null; updatedOn: string | null; now: number;
}) {
  const f = freshnessOf(t, now);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700" data-testid="freshness">
      {versions !== null && updatedOn && (
        <span data-testid="versions-note">
          Updated on {updatedOn.slice(0, 10)}, <a href={`/trials/${encodeURIComponent(t.id)}/history`} className="underline">{versions} version{versions === 1 ? "" : "s"}</a>
        </span>
      )}
      <span>Registry&apos;s last update: {f.lastUpdatePosted ?? <NotReported>not stated</NotReported>}</span>
      <span>Status verified: {f.statusVerified ?? <NotReported>not stated</NotReported>}</span>
      {f.staleStatus && (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900" data-testid="stale-status">
          Status not verified for more than 2 years
        </span>
      )}
    </div>
  );
}
