"use client";

import dynamic from "next/dynamic";

// The charts load Recharts; importing them through next/dynamic keeps it out of the route's
// entry chunks, so the compare page without charts (the trial picker) never downloads it.
export const LazyDoseChart = dynamic(() => import("./dose-chart").then((m) => m.DoseChart));
export const LazyScheduleChart = dynamic(() => import("./schedule-chart").then((m) => m.ScheduleChart));
export const LazyStructureChart = dynamic(() => import("./structure-chart").then((m) => m.StructureChart));
