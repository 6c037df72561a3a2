/**
 * A chart with its title, what it shows in words (read by screen readers instead of the
 * drawing, which is hidden from them) and the drawing itself.
 */
export function ChartFigure({ id, title, note, summary, height, children }: { id: string; title: string; note?: React.ReactNode; summary: string; height: number; children: React.ReactNode }) {
  return (
    <figure className="chart-figure rounded border border-slate-200 bg-white p-3" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`} className="font-semibold">{title}</h3>
        {note && <p className="text-sm text-slate-700">{note}</p>}
        <p className="sr-only" data-testid={`chart-${id}-summary`}>{summary}</p>
      </figcaption>
      <noscript>
        <p className="mt-2 text-sm italic text-slate-700">The drawing needs JavaScript; the table below gives the same values.</p>
        <style>{".chart-drawing { display: none; }"}</style>
      </noscript>
      <div aria-hidden="true" className="chart-drawing mt-2 min-w-0" style={{ minHeight: height }}>{children}</div>
    </figure>
  );
}
