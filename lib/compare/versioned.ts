import { VERSION_SUFFIX } from "../url/ids";

/**
 * A trial of the comparison may be one of its versions: `NCT…@3` is version 3 of the trial
 * (`/compare?ids=NCT…@1,NCT…@3` puts a registered dose beside its amended one). Pure.
 */

/** The trial id and version of an id of the comparison (version null: the current record). */
export function splitVersion(id: string): { id: string; version: number | null } {
  const m = VERSION_SUFFIX.exec(id);
  return m ? { id: id.slice(0, m.index), version: Number(m[1]) } : { id, version: null };
}

/** The page of an id of the comparison: the trial's, or the version's permalink. */
export function trialHref(id: string): string {
  const { id: trial, version } = splitVersion(id);
  return `/trials/${encodeURIComponent(trial)}${version === null ? "" : `/versions/${version}`}`;
}
