/**
 * User text → an FTS5 MATCH expression that cannot fail. The text is cut into words
 * (letters and digits only), each word is quoted, so nothing the user types (quotes,
 * NEAR(, *, -, AND, emoji) is ever FTS syntax. Quoted phrases stay phrases. Known
 * abbreviations of the field expand both ways: `hbv` also finds "hepatitis B".
 */

const SYNONYMS: string[][] = [
  ["hbv", "hepatitis b", "hepatitis b virus"],
  ["hcv", "hepatitis c", "hepatitis c virus"],
  ["aclf", "acute on chronic liver failure"],
  ["alf", "acute liver failure"],
  ["msc", "mscs", "mesenchymal stem cell", "mesenchymal stem cells", "mesenchymal stromal cells"],
  ["uc msc", "uc mscs", "huc msc", "huc mscs", "umbilical cord mesenchymal stem cells"],
  ["meld", "model for end stage liver disease"],
  ["inr", "international normalized ratio"],
  ["tbil", "total bilirubin"],
  ["hcc", "hepatocellular carcinoma"],
];

const MAX_TERMS = 24;
const MAX_TERM_LENGTH = 64;

export interface ParsedQuery {
  /** Groups of alternatives; every group must match. Each alternative is a list of words (a phrase). */
  groups: string[][][];
  /** Words and phrases ("hepatitis b"), for highlighting. */
  words: string[];
}

export function words(text: string): string[] {
  // NFKC folds ligatures and full-width forms; ASCII text (most of it) has none to fold.
  const folded = /[^\x00-\x7f]/.test(text) ? text.normalize("NFKC") : text;
  return (folded.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_TERM_LENGTH));
}

const synonymPhrases = SYNONYMS.map((set) => set.map(words));

/** Splits user text into phrase groups, expanding synonyms. */
export function parseUserQuery(text: string): ParsedQuery {
  const units: string[][] = [];
  // "quoted phrases" first; everything else is single words.
  const parts = text.slice(0, 5000).split(/"([^"]*)"/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const w = words(part);
      if (w.length) units.push(w);
      return;
    }
    // A chunk joined by punctuation ("MSC-ACLF-1", "acute-on-chronic") is a phrase.
    for (const chunk of part.split(/\s+/)) {
      const w = words(chunk);
      if (w.length) units.push(w);
    }
  });
  const groups: string[][][] = [];
  for (let i = 0; i < units.length && groups.length < MAX_TERMS; ) {
    // The longest synonym phrase starting at this word, if any ("hepatitis b virus").
    let matched: { len: number; set: string[][] } | null = null;
    for (const set of synonymPhrases) {
      for (const phrase of set) {
        const len = phrase.length;
        if (len <= (matched?.len ?? 0) || i + len > units.length) continue;
        const slice = units.slice(i, i + len);
        if (slice.every((u, k) => u.length === 1 && u[0] === phrase[k])) matched = { len, set };
      }
      if (units[i]!.length > 1 && set.some((p) => p.join(" ") === units[i]!.join(" "))) matched = { len: 1, set };
    }
    if (matched) {
      groups.push(withoutSubsumed(matched.set));
      i += matched.len;
    } else {
      groups.push([units[i]!]);
      i += 1;
    }
  }
  return { groups, words: [...new Set(groups.flat(1).map((phrase) => phrase.join(" ")))] };
}

/**
 * Drops alternatives that contain a shorter one ("hepatitis b virus" when "hepatitis b"
 * is there): they match nothing more and make every search slower.
 */
function withoutSubsumed(alternatives: string[][]): string[][] {
  const contains = (long: string[], short: string[]) =>
    long.length > short.length && long.some((_, i) => short.every((w, k) => long[i + k] === w));
  return alternatives.filter((a) => !alternatives.some((b) => contains(a, b)));
}

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

/**
 * The MATCH expression, or null when the text has no searchable words. The last word
 * also matches as a prefix ("hepat" finds hepatitis) when it is 3 letters or more.
 */
export function toFtsMatch(parsed: ParsedQuery): string | null {
  if (parsed.groups.length === 0) return null;
  return parsed.groups
    .map((alternatives, gi) => {
      const last = gi === parsed.groups.length - 1;
      const alts = alternatives.map((phrase) => {
        const q = quote(phrase.join(" "));
        return last && alternatives.length === 1 && phrase.length === 1 && phrase[0]!.length >= 3 ? `${q}*` : q;
      });
      return alts.length === 1 ? alts[0]! : `(${alts.join(" OR ")})`;
    })
    .join(" AND ");
}

export type Part = { text: string; hit: boolean };

/**
 * A highlighter for the query's words and phrases, compiled once per search: a phrase
 * matches across spaces and punctuation ("hepatitis B", "HBV-related"); a word of 3
 * letters or more also matches as a prefix, a shorter one only whole.
 */
export function makeHighlighter(terms: string[]): { highlight(text: string): Part[]; snippet(text: string, size?: number): Part[] | null } {
  const list = terms.filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  const patterns = list.map((t) => {
    const parts = t.split(" ").map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const tail = (t.split(" ").pop() ?? "").length >= 3 ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])";
    return `${parts.join("[^\\p{L}\\p{N}]+")}${tail}`;
  });
  const re = list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join("|")})`, "giu") : null;

  const highlight = (text: string): Part[] => {
    if (!re) return [{ text, hit: false }];
    const out: Part[] = [];
    let at = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > at) out.push({ text: text.slice(at, m.index), hit: false });
      out.push({ text: m[0], hit: true });
      at = m.index + m[0].length;
    }
    if (at < text.length) out.push({ text: text.slice(at), hit: false });
    return out;
  };

  /** A window of about `size` characters around the first hit, or null without one. */
  const snippet = (text: string, size = 220): Part[] | null => {
    if (!re) return null;
    re.lastIndex = 0;
    const m = re.exec(text);
    re.lastIndex = 0;
    if (!m) return null;
    const start = Math.max(0, m.index - Math.floor(size / 3));
    return [
      ...(start > 0 ? [{ text: "…", hit: false }] : []),
      ...highlight(text.slice(start, start + size)),
      ...(start + size < text.length ? [{ text: "…", hit: false }] : []),
    ];
  };
  return { highlight, snippet };
}

/** Splits `text` into plain and highlighted parts for the query's words (no HTML). */
export function highlight(text: string, terms: string[]): Part[] {
  return makeHighlighter(terms).highlight(text);
}

/** A window of `text` around its first hit, about `size` characters. */
export function snippet(text: string, terms: string[], size = 220): Part[] | null {
  return makeHighlighter(terms).snippet(text, size);
}
