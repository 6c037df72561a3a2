import type { Threshold } from "@/lib/record/schema";
import type { CriterionResult } from "@/lib/screen/decide";
import { describeGroups, describeThreshold } from "@/lib/screen/describe";
import { VerdictBadge } from "./verdict";

/** The criterion's words with each parsed threshold marked (the marks carry what was read). */
function Marked({ text, thresholds }: { text: string; thresholds: Threshold[] }) {
  const spans = [...thresholds].sort((a, b) => a.start - b.start);
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const t of spans) {
    if (t.start < at) continue; // alternatives read from one phrase share its mark
    const same = spans.filter((o) => o.start === t.start);
    const end = Math.max(...same.map((o) => o.end));
    parts.push(text.slice(at, t.start));
    parts.push(
      <mark key={t.start} className="rounded bg-amber-100 px-0.5 text-inherit" data-testid="threshold"
        title={`Read as ${same.map((o) => describeThreshold(o)).join(", ")}`}>
        {text.slice(t.start, end)}
        <span className="sr-only"> (read as {same.map((o) => describeThreshold(o)).join(", ")})</span>
      </mark>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** One criterion: its words, what was read from them, and the patient's verdict when screened. */
export function Criterion({ text, thresholds, result }: { text: string; thresholds: Threshold[]; result?: CriterionResult }) {
  return (
    <li data-testid="criterion" data-verdict={result?.verdict}>
      <Marked text={text} thresholds={thresholds} />
      {thresholds.length > 0 && (
        <span className="ml-1 text-xs text-slate-600">[{describeGroups(thresholds).join("; ")}]</span>
      )}
      {result && (
        <span className="mt-0.5 flex flex-wrap items-baseline gap-2 text-xs" data-testid="criterion-verdict">
          <VerdictBadge verdict={result.verdict} /> <span>{result.reason}</span>
        </span>
      )}
    </li>
  );
}
