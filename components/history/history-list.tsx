import type { History } from "@/lib/history/versions";

/** A trial's versions, newest first, each with its permalink, source and what it changed. */
export function HistoryList({ history }: { history: History }) {
  const id = encodeURIComponent(history.id);
  const total = history.versions.length;
  return (
    <ol className="mt-4 space-y-4" data-testid="history">
      {history.versions.map((v) => (
        <li key={v.n} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`version-${v.n}`}>
          <h2 className="text-lg font-semibold">
            <a href={`/trials/${id}/versions/${v.n}`}>Version {v.n}</a>
            {v.n === total && <span className="ml-2 text-sm font-normal text-slate-600">(current)</span>}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Imported {v.importedAt.replace("T", " ").slice(0, 16)} UTC from <span className="font-mono">{v.sourceFile}</span>
            {v.lastUpdatePosted && <> · registry&apos;s last update {v.lastUpdatePosted}</>}
            {v.statusVerified && <> · status verified {v.statusVerified}</>}
          </p>
          {v.n === 1 ? (
            <p className="mt-2 text-sm">First version in this registry.</p>
          ) : v.changes.length === 0 ? (
            <p className="mt-2 text-sm">No change to the status, phase, enrollment, arms, criteria or dates; other parts of the record changed (see the versions side by side).</p>
          ) : (
            <table className="mt-2 w-full text-left text-sm">
              <caption className="sr-only">Changes in version {v.n}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-600">
                  <th scope="col" className="py-1 pr-3 font-medium">What changed</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Before</th>
                  <th scope="col" className="py-1 font-medium">After</th>
                </tr>
              </thead>
              <tbody>
                {v.changes.map((c, i) => (
                  <tr key={i} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1 pr-3 font-medium">{c.what}</th>
                    <td className="py-1 pr-3">{c.before ?? <span className="text-slate-600">—</span>}</td>
                    <td className="py-1">{c.after ?? <span className="text-slate-600">removed</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {v.n > 1 && (
            <p className="mt-2 text-sm">
              <a href={`/compare?ids=${id}@${v.n - 1},${id}@${v.n}`}>Compare version {v.n - 1} with version {v.n}</a>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
