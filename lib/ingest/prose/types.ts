export const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

/** A regex source for a small count in digits or words (bounded, so linear to scan). */
export const COUNT_WORD = String.raw`(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

/** `"3"`, `"three"` → 3; null for anything else. */
export function countValue(word: string): number | null {
  const w = word.trim().toLowerCase();
  if (/^\d{1,3}$/.test(w)) return Number(w);
  return WORD_NUMBERS[w] ?? null;
}

/** Up to `n` word tokens just before `pos` (lower case), nearest last. */
export function wordsBefore(text: string, pos: number, n: number, window = 60): string[] {
  const slice = text.slice(Math.max(0, pos - window), pos);
  const words = slice.toLowerCase().match(/[a-z][a-z-]{0,30}/g) ?? [];
  return words.slice(-n);
}

/** Up to `n` word tokens just after `pos` (lower case). */
export function wordsAfter(text: string, pos: number, n: number, window = 60): string[] {
  const words = text.slice(pos, pos + window).toLowerCase().match(/[a-z][a-z-]{0,30}/g) ?? [];
  return words.slice(0, n);
}
