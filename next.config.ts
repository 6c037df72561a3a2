import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (say, a test run and a benchmark) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The stylesheet (about 26 KB, 6 KB gzipped: Tailwind's atomic classes) goes inline in the
  // page rather than as a render-blocking request: Lighthouse's "render blocking requests"
  // on a phone. Needs style-src 'unsafe-inline' in any CSP (already needed by the style
  // attributes and the print <style> of the comparison).
  experimental: { inlineCss: true },
  // better-sqlite3 is a native module: load it from node_modules, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
