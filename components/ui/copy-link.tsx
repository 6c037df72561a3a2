"use client";

import { useEffect, useRef, useState } from "react";
import { drawAllCharts } from "./when-visible";

const LINK_STYLE =
  "no-print inline-flex shrink-0 items-center whitespace-nowrap rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 no-underline hover:bg-slate-100";

/**
 * A link to a permalink (a trial, one of its sections, a comparison). Without JavaScript
 * it is a plain link a person can copy; with it, a click copies the full address.
 */
export function CopyLink({ href, children = "Copy link", className = LINK_STYLE, testId }: {
  href: string; children?: React.ReactNode; className?: string; testId?: string;
}) {
  const [status, setStatus] = useState("");
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.dataset.ready = "true";
  }, []);
  return (
    <>
      <a
        ref={ref}
        href={href}
        className={className}
        data-testid={testId}
        onClick={async (e) => {
          e.preventDefault();
          const url = new URL(href, location.href).toString();
          try {
            await navigator.clipboard.writeText(url);
            setStatus("Link copied");
          } catch {
            window.prompt("Copy this link:", url);
            setStatus("");
          }
          setTimeout(() => setStatus(""), 2500);
        }}
      >
        {status || children}
      </a>
      <span role="status" aria-live="polite" className="sr-only">{status}</span>
    </>
  );
}

/** Prints the page (each page has a print stylesheet). */
export function PrintButton({ className = LINK_STYLE }: { className?: string }) {
  return (
    <button type="button" onClick={() => drawAllCharts().then(() => window.print())} className={className}>
      Print
    </button>
  );
}
