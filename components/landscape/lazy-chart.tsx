"use client";

import dynamic from "next/dynamic";
import { WhenVisible } from "@/components/ui/when-visible";

// Recharts loads only with the chart (next/dynamic), never on the list or trial pages; not
// rendered on the server, since Recharts measures its container first. The figure reserves
// the height, so nothing jumps. The chart (its points' fetch, the library, the drawing)
// starts only once it nears the screen (WhenVisible): below the fold on a phone.
const LandscapeChart = dynamic(() => import("./landscape-chart").then((m) => m.LandscapeChart), { ssr: false });

export function LazyLandscapeChart({ src }: { src: string }) {
  return <WhenVisible><LandscapeChart src={src} /></WhenVisible>;
}
