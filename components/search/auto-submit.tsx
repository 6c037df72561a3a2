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
    const go = () => {
      const params = new URLSearchParams();
      for (const [k, v] of new FormData(form)) if (typeof v === "string" && v !== "") params.append(k, v);
      params.delete("page");
      const qs = params.toString();
      const path = new URL(form.action).pathname;
      startTransition(() => router.push(qs ? `${path}?${qs}` : path, { scroll: false }));
    };
    const onChange = (e: Event) => {
      const target = e.target as HTMLInputElement;
      if (target.type === "search" || target.type === "text") return; // typed text waits for Enter
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(go, target.type === "number" ? 400 : 0);
    };
    const onSubmit = (e: SubmitEvent) => {
      e.preventDefault();
      go();
    };
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    form.dataset.enhanced = "true";
    return () => {
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
    };
  }, [formId, router]);

  return (
    <p aria-live="polite" className="sr-only">
      {pending ? "Updating results…" : ""}
    </p>
  );
}
