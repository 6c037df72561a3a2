"use client";

import { useState } from "react";

/**
 * A link to this page (or one of its sections). Without JavaScript it is a plain link a
 * person can copy; with it, a click copies the full address.
 */
export function CopyLink({ hash = "", children = "Copy link" }: { hash?: string; children?: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <a
      href={hash || "#"}
      className="no-print inline-flex items-center rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 no-underline hover:bg-slate-100"
      onClick={async (e) => {
        e.preventDefault();
        const url = `${location.origin}${location.pathname}${location.search}${hash}`;
        try {
          await navigator.clipboard.writeText(url);
        } catch {
          window.prompt("Copy this link:", url);
        }
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? "Link copied" : children}
      <span aria-live="polite" className="sr-only">{copied ? "Link copied to the clipboard" : ""}</span>
    </a>
  );
}
