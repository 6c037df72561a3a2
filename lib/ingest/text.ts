import { ImportError } from "./errors";

/** Line and sentence helpers shared by the layout parsers. */

export function toLines(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}

export function nonEmpty(lines: string[]): string[] {
  return lines.map((l) => l.trim()).filter(Boolean);
}

/** Sentences of a prose paragraph; "e.g." and decimals do not end one. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, " ")
    .split(/(?<=[.;!?])\s+(?=[A-Z(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** 1-based line number of the first line containing `needle`, for error messages. */
export function lineOf(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  return i < 0 ? undefined : text.slice(0, i).split("\n").length;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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
  const trimmed = text.replace(/[ \t]+$/gm, "");
  if (markers.some((m) => m.test(trimmed))) return;
  throw new ImportError(`the ${layout} ends before ${expected}: the file looks cut short`, { file });
}
