import type { Dose } from "@/lib/record/schema";

/**
 * One arm's infusions on a day axis: filled circles for MSC, hollow squares for placebo.
 * Drawn on the server as SVG, with a text equivalent for screen readers.
 */
export function InfusionTimeline({ doses, maxDay, label }: { doses: Dose[]; maxDay: number; label: string }) {
  const known = doses.filter((d) => d.dayOffsets);
  if (known.length === 0) return null;
  const width = 320;
  const pad = 10;
  const x = (day: number) => pad + (day / maxDay) * (width - 2 * pad);
  const step = maxDay > 120 ? 28 : 14;
  const ticks = Array.from({ length: Math.floor(maxDay / 7) + 1 }, (_, i) => i * 7);
  const text = known
    .map((d) => `${d.product === "MSC" ? "MSC" : "placebo"} on day ${d.dayOffsets!.join(", ")}`)
    .join("; ");
  return (
    <svg viewBox={`0 0 ${width} 34`} className="h-9 w-full max-w-xs" role="img" aria-label={`${label}: ${text}`} data-testid="timeline">
      <line x1={pad} x2={width - pad} y1={12} y2={12} className="stroke-slate-300" strokeWidth={1} />
      {ticks.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={9} y2={15} className="stroke-slate-300" strokeWidth={1} />
          {d % step === 0 && (
            <text x={x(d)} y={30} textAnchor="middle" className="fill-slate-600" fontSize={9}>
              {d}
            </text>
          )}
        </g>
      ))}
      {known.flatMap((d, k) =>
        d.dayOffsets!.map((day) =>
          d.product === "MSC" ? (
            <circle key={`${k}-${day}`} cx={x(day)} cy={12} r={4.5} className="fill-brand" data-kind="msc" />
          ) : (
            <rect key={`${k}-${day}`} x={x(day) - 4} y={8} width={8} height={8} className="fill-white stroke-slate-700" strokeWidth={1.5} data-kind="placebo" />
          ),
        ),
      )}
    </svg>
  );
}
