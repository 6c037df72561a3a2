import { TRIAL_ID } from "../record/id";
import { all } from "./params";

/**
 * A list of trial ids in a URL (`?ids=A,B` or `?ids=A&ids=B`): the comparison's address, the
 * landscape's "compare these" form and the screen's API. An id is the record's (lib/record/id.ts),
 * at most 64 characters here, and may name one of the trial's versions: `NCT…@3`.
 */
export const MAX_ID_LENGTH = 64;
/** `@n`, a version of the trial: `NCT…@3` is version 3. */
export const VERSION_SUFFIX = /@([1-9]\d{0,8})$/;

/** A comparison takes 2 to 6 distinct trials (its address, and the landscape's form that links to it). */
export const MIN_TRIALS = 2;
export const MAX_TRIALS = 6;

/** Whether a string can be an id of the list: a trial id, optionally with a version. */
export function isListedId(s: string): boolean {
  const m = VERSION_SUFFIX.exec(s);
  const id = m ? s.slice(0, m.index) : s;
  return id.length <= MAX_ID_LENGTH && TRIAL_ID.test(id);
}

/** Ids from `?ids=A,B` or the list page's `?ids=A&ids=B`, in order, duplicates (case-insensitively) removed. */
export function splitIds(raw: string | string[] | undefined): { ids: string[]; duplicates: string[]; malformed: string[] } {
  const seen = new Set<string>();
  const ids: string[] = [];
  const duplicates: string[] = [];
  const malformed: string[] = [];
  for (const part of all(raw).flatMap((v) => v.split(/[\s,]+/))) {
    const id = part.trim();
    if (!id) continue;
    if (!isListedId(id)) {
      malformed.push(id);
      continue;
    }
    const key = id.toUpperCase();
    if (seen.has(key)) duplicates.push(id);
    else {
      seen.add(key);
      ids.push(id);
    }
  }
  return { ids, duplicates, malformed };
}
