"use client";

import dynamic from "next/dynamic";

// The charts load Recharts; importing them through next/dynamic keeps it out of the route's
// entry chunks, so the compare page without charts (the trial picker) never downloads it.
// Not rendered on the server: Recharts measures its container first, so its server HTML is
// an empty box anyway. ChartFigure reserves each chart's height, so nothing jumps.
export const LazyDoseChart = dynamic(() => import("./dose-chart").then((m) => m.DoseChart), { ssr: false });
export const LazyScheduleChart = dynamic(() => import("./schedule-chart").then((m) => m.ScheduleChart), { ssr: false });
export const LazyStructureChart = dynamic(() => import("./structure-chart").then((m) => m.StructureChart), { ssr: false });
