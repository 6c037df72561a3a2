import type { Suggestion } from "@/lib/db/trial-suggestions";
import { registryName } from "@/lib/db/trial-links";

/**
 * "Possibly the same trial as …": records with the same sponsor, a near-identical title and
 * the same target size that name none of this trial's registry ids. For a person to judge;
 * they stay separate trials and are counted separately.
 */
export function SuggestionsNote({ suggestions }: { suggestions: Suggestion[] }) {
  if (!suggestions.length) return null;
  return (
    <aside className="mt-4 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm" aria-label="Possibly the same trial" data-testid="possibly-same">
      <p className="font-medium">Possibly the same trial as:</p>
      <ul className="mt-1 list-disc pl-5">
        {suggestions.map((s) => (
          <li key={s.id}>
            <a href={`/trials/${encodeURIComponent(s.id)}`} className="font-mono underline">{s.id}</a> ({registryName(s.id)}){s.title ? `: ${s.title}` : ""}
            {" "}— same sponsor ({s.sponsor}), same target size ({s.enrollment}), titles {Math.round(s.similarity * 100)}% the same words
          </li>
        ))}
      </ul>
      <p className="mt-1 text-slate-700">Neither record names the other&apos;s registry id, so they are not merged: both are listed and counted.</p>
    </aside>
  );
}
