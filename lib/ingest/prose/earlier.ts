/**
 * Sentences that tell what was given in another, earlier study ("patients who received MSCs
 * in the parent study NCT01234567", "were treated with 1 x 10^6 MSCs/kg in the previous trial"):
 * a follow-up record's words about doses it does not give; and sentences that cite other work
 * ("[21]", "et al."). Their mentions are no arm's dose.
 */
import { findProducts } from "./products";
import { analyzeScopes } from "./scopes";

const EARLIER_STUDY = /\b(?:parent|previous|prior|earlier|original|preceding|feeder|core|initial|index)\s{1,2}(?:clinical\s{1,2}|phase\s{1,2}[0-9IV/]{1,5}\s{1,2})?(?:study|trial|protocol)\b/i;
const GIVEN_BEFORE = /\b(?:received|had\s{1,2}(?:received|been)|have\s{1,2}(?:received|been)|were\s{1,2}(?:given|treated|infused|injected|administered|dosed|transplanted)|was\s{1,2}(?:given|infused|injected|administered|transplanted)|completed)\b/i;

// "… now receive 1 x 10^6 MSCs/kg", "will be given": this study gives something too
const GIVEN_NOW = /\b(?:receives?|will\s{1,2}(?:receive|be\s{1,2}(?:given|treated|infused|injected|administered))|are\s{1,2}(?:given|treated|infused|injected|administered)|is\s{1,2}(?:given|infused|injected|administered))\b/i;

// "… who received two intravenous infusions of MSCs [21]", "Smith et al. gave …": a cited study's doses
const CITATION = /\[\d{1,3}(?:\s{0,2}[,–-]\s{0,2}\d{1,3}){0,6}\]|\bet\s{1,2}al\b/i;

export function earlierStudySpans(text: string, sentences: [number, number][]): [number, number][] {
  return sentences.filter(([s, e]) => {
    const t = text.slice(s, e);
    return (EARLIER_STUDY.test(t) && GIVEN_BEFORE.test(t) && !GIVEN_NOW.test(t)) || CITATION.test(t);
  });
}

export const inSpans = (spans: [number, number][], pos: number) => spans.some(([s, e]) => s <= pos && pos < e);

/** An intervention whose text speaks of the cells only as given in an earlier study: its name gives nothing here. */
export function givenEarlierOnly(iv: { description?: string | null }): boolean {
  const text = iv.description ?? "";
  const earlier = earlierStudySpans(text, analyzeScopes(text).sentences);
  return earlier.length > 0 && findProducts(text).every((p) => p.negated || p.product !== "MSC" || inSpans(earlier, p.start));
}
