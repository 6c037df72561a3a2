import type { EvidenceMap } from "@/lib/record/schema";
import { Mark } from "@/components/ui/badges";

/**
 * A labelled value; if it did not come straight from the source text, a mark says where
 * it came from (curation or the prose), with the words behind it in the tooltip.
 */
export function Field({ name, path, evidence, children }: {
  name: string; path?: string | string[]; evidence: EvidenceMap; children: React.ReactNode;
}) {
  const paths = path === undefined ? [] : Array.isArray(path) ? path : [path];
  const ev = paths.map((p) => evidence[p]).find((e) => e && e.origin !== "source");
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-2 border-b border-slate-100 py-1.5 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="text-slate-600">{name}</dt>
      <dd className="min-w-0 wrap-anywhere">
        {children}
        {ev && (
          <Mark
            kind={ev.origin as "curated" | "derived"}
            title={ev.origin === "curated" ? `From the curation file: ${ev.text ?? ""}` : `Derived from the record's prose: “${ev.text ?? ""}”`}
          />
        )}
      </dd>
    </div>
  );
}
