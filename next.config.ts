import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (say, a test run and a benchmark) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // better-sqlite3 is a native module: load it from node_modules, never bundle it.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
