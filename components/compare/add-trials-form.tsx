import { MAX_TRIALS, MIN_TRIALS, type CompareState } from "@/lib/compare/params";
import { BUTTON_PRIMARY } from "@/components/ui/buttons";

/**
 * Shown with fewer than two usable trials: pick trials to compare. A plain GET form
 * (`?ids=A&ids=B`, which the page turns into its canonical `?ids=A,B`).
 */
export function AddTrialsForm({ state, available }: { state: CompareState; available: { id: string; title: string | null }[] }) {
  const chosen = new Set(state.ids);
  return (
    <form action="/compare" method="get" className="mt-4 rounded border border-slate-200 bg-white p-4" data-testid="add-trials-form">
      <fieldset>
        <legend className="font-semibold">Choose {MIN_TRIALS} to {MAX_TRIALS} trials to compare</legend>
        <p className="mt-1 text-sm text-slate-700">
          Their doses, schedules, arm designs and eligibility thresholds are then shown side by side, in the order listed here; the comparison page can reorder them.
        </p>
        <ul className="mt-3 space-y-2">
          {available.map((t) => (
            <li key={t.id}>
              <label className="flex items-start gap-2">
                <input type="checkbox" name="ids" value={t.id} defaultChecked={chosen.has(t.id)} className="mt-1" />
                <span><span className="font-medium">{t.id}</span> — {t.title ?? "Untitled"}</span>
              </label>
            </li>
          ))}
        </ul>
        <label className="mt-3 block text-sm font-medium" htmlFor="more-ids">
          Or type trial ids, separated by commas
          <input id="more-ids" name="ids" type="text" placeholder="NCT04822922, NCT05948982" className="mt-1 block w-full max-w-md rounded border border-slate-400 px-2 py-1.5 font-normal" />
        </label>
      </fieldset>
      <input type="hidden" name="weightKg" value={state.weightKg} />
      <button type="submit" className={`${BUTTON_PRIMARY} mt-4`}>Compare</button>
    </form>
  );
}
