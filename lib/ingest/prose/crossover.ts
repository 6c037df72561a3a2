import type { AttachedText } from "./attach";
import { sentenceAt } from "./scopes";

/**
 * Where a text's first sentence that speaks of crossing over starts (Infinity: none does). In a
 * comparator arm's own words, what follows it ("participants will then cross over to receive 75
 * million MSCs") is given after the comparison, not that arm's treatment.
 */
export function crossOverAt(at: AttachedText): number {
  const m = /\bcross(?:es|ed|ing)?[\s-]{0,2}over\b|\bcrossover\b/i.exec(at.text);
  if (!m) return Infinity;
  const k = sentenceAt(at.scopes.sentences, m.index);
  return k >= 0 ? at.scopes.sentences[k]![0] : m.index;
}
