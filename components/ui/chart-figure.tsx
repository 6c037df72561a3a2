/**
 * A chart with its title (a heading of `level`: 3 under a page's section heading, 2 where
 * the chart is a section of its own, as on the landscape), what it shows in words (read by screen readers instead of the
 * drawing, which is hidden from them) and the drawing itself.
 */
export function ChartFigure({ id, title, note, summary, height, level = 3, children }: { id: string; title: string; note?: React.ReactNode; summary: string; height: number; level?: 2 | 3; children: React.ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <figure className="chart-figure rounded border border-slate-200 bg-white p-3" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <figcaption>
        <Heading id={`${id}-title`} className="font-semibold">{title}</Heading>
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
