"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/**
 * Progressive enhancement for a GET form: with JavaScript, changing a filter applies it
 * at once and navigation stays client-side; without, the form's own button submits.
 */
export function AutoSubmit({ formId }: { formId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    if (!form) return;
    const formQuery = () => {
      const params = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "") params.append(k, v);
      params.delete("page");
      // A unit says nothing without its value ("tbil_unit" without "tbil"): keep the address clean.
      for (const k of [...params.keys()]) if (k.endsWith("_unit") && !params.has(k.slice(0, -"_unit".length))) params.delete(k);
      return params;
    };
    const go = () => {
      const qs = formQuery().toString();
      const path = new URL(form.action).pathname;
      startTransition(() => router.push(qs ? `${path}?${qs}` : path, { scroll: false }));
    };
    // Filters sit outside the <form> element (joined by form="…"), so their change
    // events bubble to the document, not to the form.
    const onChange = (e: Event) => {
      const target = e.target as HTMLInputElement;
      if (target.form !== form) return;
      if (target.type === "search" || target.type === "text") return; // typed text waits for Enter
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(go, target.type === "number" ? 400 : 0);
    };
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      go();
    };
    document.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    // A filter ticked before the page was interactive fired no handler: apply it now.
    // (Typed search text is left alone until the person presses Enter.)
    const current = new URLSearchParams(location.search);
    const wanted = formQuery();
    wanted.delete("q");
    current.delete("q");
    current.delete("page");
    if (wanted.get("sort") === "relevance" && !current.has("sort")) wanted.delete("sort");
    const norm = (p: URLSearchParams) => [...p.entries()].map(([k, v]) => `${k}=${v}`).sort().join("&");
    if (norm(wanted) !== norm(current)) go();
    form.dataset.enhanced = "true";
    return () => {
      document.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formId, router]);

  return (
    <p aria-live="polite" className="sr-only">
      {pending ? "Updating results…" : ""}
    </p>
  );
}
