import { NumberFormatError } from "../errors";

/**
 * Cell counts as registries write them: `2.0×10^6`, `2.0×10\^6` (Markdown-escaped),
 * `4*10^5`, `12*10^5`, `1 x 1000000`, `1.5×10^8`, `1×100000000`, `10^6`, `2.0 × 10⁶`,
 * `2e6`, `2.5 million`. Values are built from the decimal text (`Number("1.2e6")`), so
 * they are exact, never 1.2 × 1e6 with a floating-point tail.
 */

const SUPERSCRIPT: Record<string, string> = {
  "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-", "⁺": "+",
};
const TIMES = String.raw`[×xX*·✕]`;
const MANTISSA = String.raw`\d+(?:[.,]\d+)?`;
const CARET = String.raw`(?:\\?\^|\*\*)`; // ^, \^ (escaped), **
const EXPONENT = String.raw`[-+]?\d+`;

const PATTERNS: { re: RegExp; value: (m: RegExpExecArray) => string }[] = [
  // 2.0×10^6, 4*10^5, 2 x 10^6, 10^6 (mantissa 1)
  {
    re: new RegExp(String.raw`(?:(${MANTISSA})\s*${TIMES}\s*)?10\s*${CARET}\s*(${EXPONENT})(?![\d.])`, "y"),
    value: (m) => `${m[1] ?? "1"}e${m[2]}`,
  },
  // 1 x 1000000, 1×100000000: a mantissa times a power of ten written out
  {
    re: new RegExp(String.raw`(${MANTISSA})\s*${TIMES}\s*(10{2,})(?![\d.])`, "y"),
    value: (m) => `${m[1]}e${m[2]!.length - 1}`,
  },
  // 2e6, 1.5E8
  { re: new RegExp(String.raw`(${MANTISSA})[eE]([-+]?\d+)(?![\d.])`, "y"), value: (m) => `${m[1]}e${m[2]}` },
  // 2.5 million, 1 billion
  {
    re: new RegExp(String.raw`(${MANTISSA})\s*(million|billion)\b`, "iy"),
    value: (m) => `${m[1]}e${m[2]!.toLowerCase() === "million" ? 6 : 9}`,
  },
];

const MANTISSA_AT = new RegExp(MANTISSA, "y");
const NEXT_AFTER_MANTISSA = /^[×xX*·✕eEmMbB]$/;

// A power of ten whose exponent is missing or not a number: `4*10^`, `10^x`.
const BROKEN_POWER = new RegExp(String.raw`(?:${MANTISSA}\s*${TIMES}\s*)?10\s*${CARET}(?!\s*${EXPONENT})`, "y");

const RANGE_BEFORE = /(?:\d|\^\s*\d+)\s*(?:-|–|~|to)\s*$/;
// What stands between the two ends of a range of cell counts.
const RANGE_JOIN = /^\s*(?:cells?\s*)?(?:-|–|~|to)\s*$/;

export interface CellCount {
  value: number;
  /** The words the number was read from. */
  text: string;
  index: number;
  /** Set on both ends of a range ("1-2×10^6", "1×10^6 to 2×10^6"): neither is a dose. */
  inRange?: true;
}

/**
 * The text with superscripts spelled out (10⁶ → 10^6), and for each of its positions (and
 * its end) the position in `input` it came from, so that what is found can be reported in
 * the source's own words and positions: "10⁶" is shorter than "10^6".
 */
function normalizeSpelling(input: string): { text: string; from: (i: number) => number } {
  // Most records have no superscripts: no per-character position table then.
  if (!/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]/.test(input)) return { text: input, from: (i) => i };
  let text = "";
  const from: number[] = [];
  let last = 0;
  for (const m of input.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+/g)) {
    for (let k = last; k < m.index; k++) (text += input[k]), from.push(k);
    const digits = [...m[0]].map((c) => SUPERSCRIPT[c]).join("");
    // A superscript right after "10" is an exponent.
    const spelled = input.slice(Math.max(0, m.index - 2), m.index) === "10" ? `^${digits}` : digits;
    const extra = spelled.length - m[0].length;
    for (let k = 0; k < spelled.length; k++) from.push(m.index + Math.max(0, k - extra));
    text += spelled;
    last = m.index + m[0].length;
  }
  for (let k = last; k < input.length; k++) (text += input[k]), from.push(k);
  from.push(input.length);
  return { text, from: (i) => from[i]! };
}

function toNumber(decimal: string, text: string): number {
  const value = Number(decimal.replace(",", "."));
  if (!Number.isFinite(value)) throw new NumberFormatError(text, "it is out of range");
  if (value <= 0) throw new NumberFormatError(text, "a cell count must be positive");
  if (value > 1e15) throw new NumberFormatError(text, "it is larger than any plausible cell count");
  // `1×10^-3` is not a number of cells; storing 0.001 would pass for a dose.
  if (!Number.isInteger(value)) throw new NumberFormatError(text, "a cell count must be a whole number");
  return value;
}

/**
 * Reads one scientific-notation cell count starting at `index`, or null if none starts
 * there. `source(start, end)` gives the input's words for a stretch of `text`, for errors.
 */
function readAt(text: string, index: number, source: (start: number, end: number) => string): { value: number; end: number } | null {
  // Every form starts with "10" or has, after its mantissa and any blanks, a times sign,
  // an "e" or a "million"/"billion": a plain number ("3 times", a long list of digits) is
  // passed over without trying each pattern.
  if (!text.startsWith("10", index)) {
    MANTISSA_AT.lastIndex = index;
    MANTISSA_AT.exec(text);
    let k = MANTISSA_AT.lastIndex;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (!NEXT_AFTER_MANTISSA.test(text[k] ?? "")) return null;
  }
  for (const { re, value } of PATTERNS) {
    re.lastIndex = index;
    const m = re.exec(text);
    if (m) return { value: toNumber(value(m), source(index, re.lastIndex)), end: re.lastIndex };
  }
  BROKEN_POWER.lastIndex = index;
  const broken = BROKEN_POWER.exec(text);
  if (broken) {
    const shown = source(index, BROKEN_POWER.lastIndex).trim();
    throw new NumberFormatError(shown, "the power of ten has no exponent");
  }
  return null;
}

/**
 * Every cell count written in scientific notation (or as a multiple of a written-out
 * power of ten) in `text`, in order. Plain integers ("3 times", "10 ml") are not cell
 * counts and are skipped. Throws NumberFormatError for a malformed power of ten.
 */
export function findCellCounts(input: string): CellCount[] {
  const { text, from } = normalizeSpelling(input);
  const source = (start: number, end: number) => input.slice(from(start), from(end));
  const found: CellCount[] = [];
  let previousEnd = 0;
  // Token starts (a digit not preceded by a digit, "." or ","), found by one regex scan
  // rather than a test per character.
  const starts = /(?<![\d.,])\d/g;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const i = m.index;
    const hit = readAt(text, i, source);
    if (!hit) continue;
    // "1-2×10^6 cells/kg" and "1.0×10^6 to 2.0×10^6 cells/kg" are ranges, not one dose:
    // both ends are marked, and no reader takes either as the dose.
    const before = text.slice(Math.max(0, i - 12), i);
    const inRange = RANGE_BEFORE.test(before);
    const previous = found[found.length - 1];
    if (inRange && previous && RANGE_JOIN.test(text.slice(previousEnd, i))) previous.inRange = true;
    found.push({ value: hit.value, text: source(i, hit.end), index: from(i), ...(inRange ? { inRange: true as const } : {}) });
    previousEnd = hit.end;
    starts.lastIndex = hit.end;
  }
  return found;
}

/** Reads `text` as exactly one cell count (`"4*10^5"` → 400000); throws if it is not one. */
export function parseCellCount(text: string): number {
  const trimmed = text.trim();
  const counts = findCellCounts(trimmed);
  if (counts.length !== 1 || counts[0]!.text.length !== trimmed.length) {
    if (/^\d+$/.test(trimmed)) return toNumber(trimmed, trimmed);
    throw new NumberFormatError(trimmed, "it is not a cell count");
  }
  return counts[0]!.value;
}

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

/** A regex source matching a small count written as digits or as a word. */
export const SMALL_COUNT = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

/** `"96"`, `"1,200"` → 96, 1200; null if not a plain whole number. */
export function parseWholeNumber(text: string): number | null {
  // "2,000,000" as a whole: a pairwise replace left "2000,000", which read as no number.
  const trimmed = text.trim();
  const t = /^\d{1,3}(?:,\d{3})+$/.test(trimmed) ? trimmed.replaceAll(",", "") : trimmed;
  return /^\d+$/.test(t) ? Number(t) : null;
}
