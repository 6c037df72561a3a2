"use client";

import dynamic from "next/dynamic";

// Recharts loads only with the chart (next/dynamic), never on the list or trial pages; not
// rendered on the server, since Recharts measures its container first. The figure reserves
// the height, so nothing jumps.
export const LazyLandscapeChart = dynamic(() => import("./landscape-chart").then((m) => m.LandscapeChart), { ssr: false });
