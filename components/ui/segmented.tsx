import Link from "next/link";
import { SEGMENT, SEGMENT_OFF, SEGMENT_ON } from "./buttons";

/** A row of links of which one is the current value (`on`): the comparison's scale, the landscape's switches. */
export function Segmented({ label, items }: { label: string; items: { href: string; text: string; on: boolean; testId: string }[] }) {
  return (
    <nav aria-label={label} className="inline-flex overflow-hidden rounded border border-slate-400">
      {items.map((it) => (
        <Link key={it.href} href={it.href} scroll={false} aria-current={it.on ? "true" : undefined} data-testid={it.testId} className={`${SEGMENT} ${it.on ? SEGMENT_ON : SEGMENT_OFF}`}>
          {it.text}
        </Link>
      ))}
    </nav>
  );
}
