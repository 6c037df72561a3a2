import Link from "next/link";
import { SEGMENT, SEGMENT_OFF, SEGMENT_ON } from "./buttons";

/**
 * A row of links of which one is the current value (`on`): the comparison's scale, the
 * landscape's switches. Not prefetched: each is the same page in another state, and a
 * prefetch of a dynamic page brings only its route tree (which the page has already),
 * while costing a request and main-thread work at load for every link on the screen.
 */
export function Segmented({ label, items }: { label: string; items: { href: string; text: string; on: boolean; testId: string }[] }) {
  return (
    <nav aria-label={label} className="inline-flex overflow-hidden rounded border border-slate-400">
      {items.map((it) => (
        <Link key={it.href} href={it.href} scroll={false} prefetch={false} aria-current={it.on ? "true" : undefined} data-testid={it.testId} className={`${SEGMENT} ${it.on ? SEGMENT_ON : SEGMENT_OFF}`}>
          {it.text}
        </Link>
      ))}
    </nav>
  );
}
