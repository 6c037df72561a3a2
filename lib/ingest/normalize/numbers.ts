/** Small counts ("three", "twice") and whole numbers ("1,200"). Cell counts: lib/ingest/prose/amounts.ts. */
const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, once: 1, twice: 2, thrice: 3, single: 1,
};

/**
 * `"3"`, `"three"`, `"twice"` → 3, 3, 2; null for anything else. Digits are read in full
 * ("1234" is 1234, not 123): whether a count is plausible is checked later, with a warning.
 */
export function parseSmallCount(word: string): number | null {
  const w = word.trim().toLowerCase();
  if (/^\d{1,9}$/.test(w)) return Number(w);
  return WORDS[w] ?? null;
}

/** `"96"`, `"1,200"` → 96, 1200; null if not a plain whole number. */
export function parseWholeNumber(text: string): number | null {
  // "2,000,000" as a whole: a pairwise replace left "2000,000", which read as no number.
  const trimmed = text.trim();
  const t = /^\d{1,3}(?:,\d{3})+$/.test(trimmed) ? trimmed.replaceAll(",", "") : trimmed;
  return /^\d+$/.test(t) ? Number(t) : null;
}
