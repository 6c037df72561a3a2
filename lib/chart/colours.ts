/**
 * The charts' colour scales, by name, in one place: the comparison's colour per trial and
 * the landscape's colour per route, cell source, status or registry. Pure data.
 */

/** One colour per compared trial, in the order asked; each passes 4.5:1 on white (used for text too). */
export const TRIAL_COLORS = ["#0b63a5", "#b3440b", "#0f7657", "#a3347f", "#6f5a00", "#5145b8"] as const;

/** The Okabe–Ito colours, told apart with colour-blindness. */
export const OKABE_ITO = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  bluishGreen: "#009E73",
  reddishPurple: "#CC79A7",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  black: "#000000",
} as const;

/** A category's colour when its value is not reported. */
export const NOT_REPORTED_GREY = "#94a3b8";

/** Categories in their vocabulary's order take these colours in turn (black is kept for OTHER). */
const CYCLE = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.orange, OKABE_ITO.skyBlue] as const;

/** A colour per value of a vocabulary, in its order; OTHER is black, whatever its place (sky blue beside blue read as one colour). */
export function categoryPalette(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [v, v === "OTHER" ? OKABE_ITO.black : CYCLE[i % CYCLE.length]!]));
}

/** A trial's status: open ones green and blues, closed early vermillion, completed black, unknown orange. */
export const STATUS_COLORS: Record<string, string> = {
  RECRUITING: OKABE_ITO.bluishGreen,
  NOT_YET_RECRUITING: OKABE_ITO.blue,
  ENROLLING_BY_INVITATION: OKABE_ITO.skyBlue,
  ACTIVE_NOT_RECRUITING: OKABE_ITO.reddishPurple,
  COMPLETED: OKABE_ITO.black,
  UNKNOWN: OKABE_ITO.orange,
  SUSPENDED: OKABE_ITO.vermillion,
  TERMINATED: OKABE_ITO.vermillion,
  WITHDRAWN: OKABE_ITO.vermillion,
};

/** The charts' own ink (slate greys): grid, axes, labels, notes; each one name for one use. */
export const CHART_INK = {
  /** Grid lines, and the landscape's "not reported" lane. */
  grid: "#e2e8f0",
  /** Axis lines. */
  axis: "#94a3b8",
  /** Tick labels, the legend's glyphs, the outline of a point whose enrollment is not reported. */
  tick: "#334155",
  /** Axis titles, row labels, the word "range". */
  label: "#1e293b",
  /** Labels on white pills, and the outline of an MSC segment whose share is not reported. */
  text: "#0f172a",
  /** Notes on a chart (italic), and the outline of a placebo or no-intervention segment. */
  note: "#475569",
  /** The grey hatching of an estimate whose trial has no colour of its own. */
  hatch: "#64748b",
  /** The "est." beside an estimated point. */
  estimated: "#7c2d12",
} as const;

/** The Kabat et al. 2020 band of effective doses: its fill, outline and label. */
export const KABAT_BAND_INK = { fill: "#16a34a", stroke: "#15803d", label: "#14532d" } as const;
