"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { WhenVisible } from "@/components/ui/when-visible";

// The charts load Recharts; importing them through next/dynamic keeps it out of the route's
// entry chunks, so the compare page without charts (the trial picker) never downloads it.
// Not rendered on the server: Recharts measures its container first, so its server HTML is
// an empty box anyway. ChartFigure reserves each chart's height, so nothing jumps.
// Each chart is rendered only once it nears the screen (WhenVisible): on a phone the charts
// sit below the fold, and drawing four of them at load (the library's start-up, then each
// chart's layout) was most of the page's main-thread time.
const DoseChart = dynamic(() => import("./dose-chart").then((m) => m.DoseChart), { ssr: false });
const ScheduleChart = dynamic(() => import("./schedule-chart").then((m) => m.ScheduleChart), { ssr: false });
const StructureChart = dynamic(() => import("./structure-chart").then((m) => m.StructureChart), { ssr: false });

export function LazyDoseChart(props: ComponentProps<typeof DoseChart>) {
  return <WhenVisible><DoseChart {...props} /></WhenVisible>;
}
export function LazyScheduleChart(props: ComponentProps<typeof ScheduleChart>) {
  return <WhenVisible><ScheduleChart {...props} /></WhenVisible>;
}
export function LazyStructureChart(props: ComponentProps<typeof StructureChart>) {
  return <WhenVisible><StructureChart {...props} /></WhenVisible>;
}
