/**
 * The landscape chart's height, which the page (a server component) reserves before the
 * chart draws. Its own module, not landscape-chart.tsx: a server component importing
 * anything from that client module made the chart, and Recharts with it, part of the
 * page's entry scripts, loaded and started on every visit, chart seen or not.
 */
export const LANDSCAPE_HEIGHT = 460;
