import { ImportError } from "./errors";

/** Line and sentence helpers shared by the layout parsers. */

export function toLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

/** Sentences of a prose paragraph; "e.g." and decimals do not end one. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.;!?])\s+(?=[A-Z(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * `value |` and `value | |` (a table cell copied with its rule) → `value`: up to `pipes`
 * trailing "|" with the white space around them removed. Written without a regex: an
 * unanchored `\s*\|\s*$` retries from every space of a long run (quadratic time).
 */
export function trimTrailingPipes(s: string, pipes = 1): string {
  let t = s.trimEnd();
  for (let i = 0; i < pipes && t.endsWith("|"); i++) t = t.slice(0, -1).trimEnd();
  return t;
}

/**
 * The text with every "(…)" removed (each up to its first ")", as `/\(.*?\)/g` would),
 * in linear time: once no ")" follows an "(", no later "(" can be closed either.
 */
export function removeParenthesized(text: string, by = " "): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = text.indexOf("(", at);
    if (open < 0) break;
    const close = text.indexOf(")", open + 1);
    const newline = text.indexOf("\n", open + 1);
    if (close < 0) break;
    if (newline >= 0 && newline < close) { // "." does not cross a line
      out += text.slice(at, newline + 1);
      at = newline + 1;
      continue;
    }
    out += text.slice(at, open) + by;
    at = close + 1;
  }
  return out + text.slice(at);
}

/** 1-based line number of the first line containing `needle`, for error messages. */
export function lineOf(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : text.slice(0, i).split("\n").length;
}

/** `"Umbilical … for Treating ACLF (MSCTACLF)"` → title and acronym. */
export function splitAcronym(title: string): { title: string; acronym: string | null } {
  const m = /^(.*\S)\s*\(([A-Z0-9][A-Z0-9-]{1,19})\)$/.exec(title.trim());
  return m ? { title: m[1]!, acronym: m[2]! } : { title: title.trim(), acronym: null };
}

/**
 * Throws unless one of `markers` (parts that stand at the end of a complete page) is in
 * `text`: a file that stops before them was cut short, and importing it would store half
 * a trial.
 */
export function requireComplete(text: string, file: string, layout: string, markers: RegExp[], expected: string): void {
  // Text copied from a browser often keeps trailing spaces; they do not make a page short.
  // The look-behind starts a match only at the first blank of a run: linear time.
  const trimmed = text.replace(/(?<![ \t])[ \t]+$/gm, "");
  if (markers.some((m) => m.test(trimmed))) return;
  throw new ImportError(`the ${layout} ends before ${expected}: the file looks cut short`, { file });
}

/**
 * Throws when a section heading stands twice in `lines` (a block pasted twice): read
 * whole, both copies would be stored (criteria counted twice), and which copy is right
 * cannot be told when they differ. `headingOf` names a line's section, or null.
 */
export function refuseRepeatedSections(lines: string[], file: string, headingOf: (line: string) => string | null): void {
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const heading = headingOf(raw.trim());
    if (heading === null) return;
    const first = seen.get(heading);
    if (first !== undefined) {
      throw new ImportError(`the section "${heading}" appears twice (lines ${first} and ${i + 1}): a block pasted twice? Keep one copy`, { file, line: i + 1, field: "sections" });
    }
    seen.set(heading, i + 1);
  });
}
