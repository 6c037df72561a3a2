import "server-only";
import { readComparison } from "../data";
import { splitIds } from "../url/ids";
import { readableCommas, toQuery, toSearchParams, type RawParams } from "../url/params";
import { compareHref, MIN_TRIALS, parseCompareParams, type CompareState } from "./params";
import { shapeComparison, type Comparison } from "./shape";

/**
 * Everything the comparison page needs from its query string: the state, messages for
 * what could not be used, the shaped comparison (null with fewer than two trials), and
 * the canonical address to redirect to when the query is a non-canonical spelling of it.
 */
export interface CompareView {
  state: CompareState;
  messages: string[];
  comparison: Comparison | null;
  redirectTo: string | null;
  /** For the "add trials" form: every trial, with its title. */
  available: { id: string; title: string | null }[];
}

export async function loadCompareView(sp: RawParams): Promise<CompareView> {
  const parsed = parseCompareParams(sp);
  const messages = parsed.problems.map((p) => p.message);
  // With too many ids nothing is compared, but the picker shows them ticked, to untick some.
  const asked = parsed.tooMany ? splitIds(sp.ids).ids : parsed.state.ids;
  // The ids, then the records or the picker's titles, from one snapshot.
  const { found, unknown, records, titles } = await readComparison(asked, (found) => (parsed.tooMany || found.length < MIN_TRIALS ? "titles" : "records"));
  if (unknown.length) {
    messages.push(`No trial in the registry has the id ${unknown.map((u) => `“${u}”`).join(", ")}. Check the id, or pick trials below.`);
  }
  const state: CompareState = { ...parsed.state, ids: found };
  // Case and duplicates are spelling, not errors: a valid view goes to its canonical address.
  if (messages.length === 0 && found.length >= MIN_TRIALS) {
    const canonical = compareHref(state);
    if (`/compare?${toQuery(sp)}` !== canonical) return { state, messages, comparison: null, available: [], redirectTo: canonical };
  }
  // The list page's GET form sends ?ids=A&ids=B. A valid view went to its canonical address
  // above; otherwise the one comma list is still the spelling to show the messages under.
  if (Array.isArray(sp.ids)) {
    const ids = sp.ids.map((s) => s.trim()).filter(Boolean).join(",");
    const rest = toSearchParams(sp, ["ids"]).toString();
    return { state, messages: [], comparison: null, available: [], redirectTo: `/compare?ids=${readableCommas(encodeURIComponent(ids))}${rest ? `&${rest}` : ""}` };
  }
  if (parsed.duplicates.length) messages.push(`Listed twice, shown once: ${parsed.duplicates.join(", ")}.`);
  if (parsed.tooMany || found.length < MIN_TRIALS) {
    return { state, messages, comparison: null, redirectTo: null, available: titles ?? [] };
  }
  return { state, messages, comparison: shapeComparison(records ?? [], state.weightKg), redirectTo: null, available: [] };
}
