import type { TrialScreen } from "@/lib/screen";
import { VerdictBadge } from "./verdict";
import { CopyLink } from "@/components/ui/copy-link";

/** On a trial page opened with a patient: the verdict, the age check, and the way back. */
export function TrialScreenNote({ screen, back }: { screen: TrialScreen; back: string }) {
  return (
    <section aria-label="Patient screen" className="mt-4 rounded-lg border border-slate-300 bg-white p-4 text-sm" data-testid="trial-screen">
      <p className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={screen.verdict} />
        <span>
          {screen.verdict === "excluded" ? `excluded: ${screen.decisive}` : "no limit read excludes this patient"};{" "}
          {screen.unknown} {screen.unknown === 1 ? "criterion" : "criteria"} could not be decided (marked unknown below).
        </span>
      </p>
      {screen.ageLimits && <p className="mt-1">Age limits: <VerdictBadge verdict={screen.ageLimits.verdict} /> {screen.ageLimits.reason}</p>}
      <p className="no-print mt-2 flex flex-wrap gap-4">
        <a href={`#eligibility`}>See each criterion</a>
        <a href={`/trials?${back}`}>Back to the screened list</a>
        <CopyLink href={`/trials/${screen.id}?${back}`} testId="copy-screen-link">Copy link to this screen</CopyLink>
      </p>
      <p className="mt-1 text-xs text-slate-600">The patient&apos;s values are in this page&apos;s address only; they are not stored.</p>
    </section>
  );
}
