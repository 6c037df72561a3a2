import type { OverallStatus } from "../record/vocabulary";

/**
 * How a site's recruitment status is drawn: a colour and a shape each (the legend does not
 * rely on colour), and words. Open to patients: recruiting or enrolling by invitation.
 */
export type MapStatus = "recruiting" | "not-yet" | "closed" | "unknown";

export const MAP_STATUSES: readonly MapStatus[] = ["recruiting", "not-yet", "closed", "unknown"];

export const STATUS_STYLE: Record<MapStatus, { label: string; colour: string; shape: "circle" | "triangle" | "square" | "diamond" }> = {
  recruiting: { label: "Recruiting", colour: "#15803d", shape: "circle" },
  "not-yet": { label: "Not yet recruiting", colour: "#1d4ed8", shape: "triangle" },
  closed: { label: "Not recruiting (active, completed, stopped)", colour: "#57534e", shape: "square" },
  unknown: { label: "Status unknown or not stated", colour: "#b45309", shape: "diamond" },
};

export function mapStatus(s: OverallStatus | null | undefined): MapStatus {
  if (!s || s === "UNKNOWN") return "unknown";
  if (s === "RECRUITING" || s === "ENROLLING_BY_INVITATION" || s === "AVAILABLE") return "recruiting";
  if (s === "NOT_YET_RECRUITING") return "not-yet";
  return "closed";
}

/** An SVG shape centred on (x, y) of half-size r. */
export function shapePath(shape: (typeof STATUS_STYLE)[MapStatus]["shape"], x: number, y: number, r: number): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  switch (shape) {
    case "circle":
      return `M${f(x - r)},${f(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "triangle":
      return `M${f(x)},${f(y - r * 1.15)}L${f(x + r * 1.1)},${f(y + r * 0.8)}L${f(x - r * 1.1)},${f(y + r * 0.8)}Z`;
    case "square":
      return `M${f(x - r * 0.85)},${f(y - r * 0.85)}h${f(r * 1.7)}v${f(r * 1.7)}h${f(-r * 1.7)}Z`;
    case "diamond":
      return `M${f(x)},${f(y - r * 1.2)}L${f(x + r * 1.2)},${f(y)}L${f(x)},${f(y + r * 1.2)}L${f(x - r * 1.2)},${f(y)}Z`;
  }
}

/**
 * The status a site is shown and filtered by: its own, unless the trial as a whole is closed or
 * its status unknown (the registry then leaves the sites' last statuses: a "recruiting" site of
 * a completed or unverified trial is not open), or the site states none: then the trial's.
 */
export function effectiveSiteStatus<S extends string>(site: S | null | undefined, trial: S | null | undefined): { status: S | null; fromTrial: boolean } {
  const t = trial ?? null;
  const overall = t === null ? null : mapStatus(t as unknown as OverallStatus);
  if (t !== null && (overall === "closed" || overall === "unknown") && site && site !== t) return { status: t, fromTrial: true };
  if (site) return { status: site, fromTrial: false };
  return { status: t, fromTrial: t !== null };
}
