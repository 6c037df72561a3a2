"use client";

import { useState } from "react";
import { BUTTON } from "./ui";

/** Copies the view's address (which holds the whole view) to the clipboard. */
export function CopyLinkButton() {
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setStatus("Link copied");
    } catch {
      setStatus(`Copy this address: ${window.location.href}`);
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} className={BUTTON} data-testid="copy-link">
        Copy link
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-700">{status}</span>
    </span>
  );
}

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className={BUTTON}>
      Print
    </button>
  );
}
