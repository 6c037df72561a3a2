import type { ReferenceType, TrialRecord } from "@/lib/record/schema";
import { SectionFrame } from "./section-frame";

/** The registry's reference types in plain words. */
export const REFERENCE_WORDS: Record<ReferenceType, string> = {
  RESULT: "reports this trial's results",
  BACKGROUND: "background",
  DERIVED: "linked by the registry",
};

export const pubmedUrl = (pmid: string) => `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;

function ResultsStatus({ results }: { results: TrialRecord["results"] }) {
  if (!results) return <p className="text-sm text-slate-700">Results status: not stated in this record.</p>;
  if (!results.posted) return <p className="text-sm">No results posted in the registry.</p>;
  return <p className="text-sm">Results posted in the registry{results.firstPosted ? <> on {results.firstPosted}</> : " (date not stated)"}.</p>;
}

/** The record's publications, each typed and linked to PubMed by its id; the registry's results status. Nothing guessed. */
export function PublicationsSection({ t }: { t: TrialRecord }) {
  const refs = t.references;
  return (
    <SectionFrame trialId={t.id} id="publications" title="Publications">
      <ResultsStatus results={t.results} />
      {refs === undefined ? (
        <p className="mt-2 text-sm">No publications listed in the registry record (this copy of the record does not include its references).</p>
      ) : refs.length === 0 ? (
        <p className="mt-2 text-sm">No publications listed in the registry record.</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm">
          {refs.map((r, i) => (
            <li key={i} className="wrap-break-word">
              <span className="mr-1 rounded bg-slate-100 px-1 text-xs font-medium text-slate-800">{r.type ? REFERENCE_WORDS[r.type] : "type not stated"}</span>
              {r.citation ?? "Citation not given"}
              {r.pmid && <> <a href={pubmedUrl(r.pmid)} className="underline" aria-label={`PubMed ${r.pmid}${r.citation ? `: ${r.citation.slice(0, 80)}` : ""}`}>PubMed {r.pmid}</a></>}
            </li>
          ))}
        </ol>
      )}
    </SectionFrame>
  );
}
