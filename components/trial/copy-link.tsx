"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A link to this page's permalink (or one of its sections). Without JavaScript it is a
 * plain link a person can copy; with it, a click copies the full address.
 */
export function CopyLink({ href, children = "Copy link" }: { href: string; children?: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.dataset.ready = "true";
  }, []);
  return (
    <a
      ref={ref}
      href={href}
      className="no-print inline-flex items-center rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-800 no-underline hover:bg-slate-100"
      onClick={async (e) => {
        e.preventDefault();
        const url = new URL(href, location.href).toString();
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
