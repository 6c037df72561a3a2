import Link from "next/link";
import { trialHref } from "@/lib/compare/versioned";
import { compareHref, type CompareState } from "@/lib/compare/params";
import type { Comparison } from "@/lib/compare/shape";
import { compareTableRows, type CellLine } from "@/lib/compare/table-rows";

const SECTION_TITLES = { trial: "Trial", eligibility: "Eligibility (as written)", arms: "Arms" } as const;

function Line({ l }: { l: CellLine }) {
  const tone = l.tone === "estimated" ? "text-estimated font-medium" : l.tone === "missing" ? "italic text-slate-600" : "";
  return (
    <li>
      {l.arm && <span className="font-medium">{l.arm}: </span>}
      <span className={tone}>{l.text}</span>
    </li>
  );
}

/** One column per trial; rows that differ between trials are marked and tinted. */
export function CompareTable({ comparison, state }: { comparison: Comparison; state: CompareState }) {
  const rows = compareTableRows(comparison);
  const ids = comparison.trials.map((t) => t.id);
  const moved = (from: number, to: number) => {
    const next = [...ids];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x!);
    return compareHref({ ...state, ids: next });
  };
  let section = "";
  return (
    <>
      {/* On a phone the trials' columns do not fit: the table scrolls inside its own box,
          with a shadow on the edge that has more, and says so. */}
      <p className="no-print text-sm text-slate-700 md:hidden" data-testid="table-scroll-hint">
        <span aria-hidden="true">↔</span> Swipe the table sideways to see all {ids.length} trials; the first column stays in place.
      </p>
      <div className="table-scroll overflow-x-auto overscroll-x-contain rounded border border-slate-200 bg-white" role="region" aria-labelledby="compare-table-caption" tabIndex={0}>
        <table className="compare-table w-full border-collapse text-sm" data-testid="compare-table">
          <caption id="compare-table-caption" className="p-2 text-left text-sm text-slate-700">
            {/* As wide as the screen, not the table, and held in place while the table scrolls. */}
            <span className="sticky left-2 block max-w-[calc(100vw-3rem)]">
              Side by side at a reference weight of {comparison.weightKg} kg. Rows marked <span className="font-semibold">differs</span> have different values between trials.
            </span>
          </caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="sticky left-0 z-10 w-32 bg-slate-100 p-2 text-left align-bottom">Trial</th>
              {comparison.trials.map((t, i) => (
                <th key={t.id} scope="col" className="min-w-44 p-2 text-left align-bottom" style={{ borderTop: `4px solid ${t.color}` }}>
                  <Link href={trialHref(t.id)} style={{ color: t.color }}>{t.id}</Link>
                  <div className="font-normal text-slate-700">{t.title ?? "Untitled"}</div>
                  <div className="no-print mt-1 flex gap-2 text-xs font-normal">
                    {i > 0 && <Link href={moved(i, i - 1)} aria-label={`Move ${t.id} left`}>← move</Link>}
                    {i < ids.length - 1 && <Link href={moved(i, i + 1)} aria-label={`Move ${t.id} right`}>move →</Link>}
                    <Link href={compareHref({ ...state, ids: ids.filter((x) => x !== t.id) })} aria-label={`Remove ${t.id}`}>remove</Link>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((r) => {
              const out = [];
              if (r.section !== section) {
                section = r.section;
                out.push(
                  <tr key={`section-${section}`}>
                    <th scope="colgroup" colSpan={ids.length + 1} className="bg-slate-50 p-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
                      {SECTION_TITLES[r.section]}
                    </th>
                  </tr>,
                );
              }
              out.push(
                <tr key={r.key} className="border-t border-slate-200 align-top" data-row={r.key} data-differs={r.differs}>
                  <th scope="row" className="sticky left-0 z-10 w-32 bg-white p-2 text-left font-medium">
                    {r.label}
                    {r.differs && <span className="ml-1 inline-block rounded bg-amber-100 px-1 text-xs font-semibold text-amber-900">differs</span>}
                  </th>
                  {r.cells.map((cell, i) => (
                    <td key={ids[i]} className={`p-2 ${r.differs ? "bg-amber-50/60" : ""}`}>
                      <ul className="space-y-0.5">{cell.map((l, j) => <Line key={j} l={l} />)}</ul>
                    </td>
                  ))}
                </tr>,
              );
              return out;
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
