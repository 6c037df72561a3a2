import type { Highlighted } from "@/lib/search/list-items";

/** Text with the matched words in <mark>; rendered as React text, never as HTML. */
export function HighlightedText({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="rounded bg-yellow-200 px-0.5 text-inherit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
