import type { ScreenedList } from "@/lib/data/screen";

/** The count of a screened list: how many remain possible and how much is undecided. */
export function ScreenSummary({ s }: { s: ScreenedList }) {
  return (
    <p className="mt-4 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm" role="status" data-testid="screen-summary">
      <strong>{s.possible}</strong> of {s.screened} matching {s.screened === 1 ? "trial remains" : "trials remain"} possible for this patient
      {" "}({s.excluded} excluded{s.onlyPossible && s.excluded ? ", hidden" : ""}); <strong>{s.unknownCriteria}</strong> criteria could not be
      decided from the values given. Only numeric limits are checked: read every criterion.
    </p>
  );
}
