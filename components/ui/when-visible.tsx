"use client";

import { startTransition, useEffect, useRef, useState } from "react";

/**
 * Renders its children once the box comes near the screen (IntersectionObserver, MARGIN
 * ahead of it), not before: a chart below the fold costs a phone nothing at load (neither
 * the chart library's download and start-up nor its drawing), and draws as it is scrolled
 * to. The render is a transition, so React draws it in slices that leave the page
 * answering (scrolling, a tap) rather than in one long task. Until then the box keeps the
 * height its parent reserves (ChartFigure's `minHeight`, inherited), so nothing moves. A
 * browser without IntersectionObserver renders at once. `drawAllCharts()` (the Print
 * button) renders every waiting chart and resolves once they are drawn; the browser's own
 * print command (beforeprint) starts them too, but cannot wait for them.
 */
// Ahead of the screen by about a fifth of a phone's height: the charts of /compare and
// /landscape start some 300 px under a phone's first screen, and load as it is scrolled.
const MARGIN = "200px 0px";

const DRAW_ALL = "draw-all-charts";

/** Renders every chart still waiting; resolves once each box holds its drawing (at most 10 s). */
export async function drawAllCharts(): Promise<void> {
  window.dispatchEvent(new Event(DRAW_ALL));
  const drawn = () => [...document.querySelectorAll("[data-chart-state]")].every((b) => b.querySelector("svg"));
  for (let i = 0; i < 100 && !drawn(); i++) await new Promise((r) => setTimeout(r, 100));
}

export function WhenVisible({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setShown(true);
      return;
    }
    const show = () => startTransition(() => setShown(true));
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) show();
    }, { rootMargin: MARGIN });
    io.observe(el);
    const now = () => setShown(true);
    window.addEventListener("beforeprint", now);
    window.addEventListener(DRAW_ALL, now);
    return () => {
      io.disconnect();
      window.removeEventListener("beforeprint", now);
      window.removeEventListener(DRAW_ALL, now);
    };
  }, []);
  return (
    <div ref={ref} style={{ minHeight: "inherit" }} data-chart-state={shown ? "shown" : "waiting"}>
      {shown ? children : null}
    </div>
  );
}
