import type { TrialScreen } from "@/lib/screen";
import type { Verdict } from "@/lib/screen/decide";

const STYLE: Record<Verdict | "possible" | "excluded", string> = {
  pass: "border-green-700 bg-green-50 text-green-900",
  possible: "border-green-700 bg-green-50 text-green-900",
  fail: "border-red-700 bg-red-50 text-red-900",
  excluded: "border-red-700 bg-red-50 text-red-900",
  unknown: "border-slate-500 bg-slate-100 text-slate-900",
};

/** A verdict as a word in a box (never colour alone). */
export function VerdictBadge({ verdict, hidden = false }: { verdict: Verdict | "possible" | "excluded"; hidden?: boolean }) {
  return <span aria-hidden={hidden || undefined} className={`rounded border px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${STYLE[verdict]}`}>{verdict}</span>;
}

/** One line under a result: "excluded: MELD 35 is above 30", or why it stays possible. */
export function VerdictLine({ screen }: { screen: TrialScreen }) {
  return (
    <p className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="verdict" data-verdict={screen.verdict}>
      {/* The words below say the verdict too: the badge is for the eye only. */}
      <VerdictBadge verdict={screen.verdict} hidden />
      <span>
        {screen.verdict === "excluded"
          ? `excluded: ${screen.decisive}`
          : screen.criteria.length === 0
          ? "possible: the record lists no eligibility criteria, nothing could be checked"
          : `possible: no limit read excludes this patient; ${screen.unknown} ${screen.unknown === 1 ? "criterion" : "criteria"} could not be decided`}
      </span>
    </p>
  );
}
