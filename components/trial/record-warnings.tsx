/**
 * What the importer could not read, or read and refused as implausible, for this record:
 * a reader should know that a "not reported" value may be stated, but unreadably, in the
 * source. Nothing is shown for a record read cleanly.
 */
export function RecordWarnings({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <aside aria-label="Import warnings" data-testid="record-warnings" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium">Notes from the import of this record ({warnings.length}): a value named here is shown as not reported</p>
      <ul className="mt-1 list-disc pl-5 text-slate-800">
        {warnings.map((w, i) => <li key={i}>{w}</li>)}
      </ul>
    </aside>
  );
}
