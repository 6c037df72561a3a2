import { RUN_IN_ITEM } from "./traps";

/**
 * A criterion's clauses and how its thresholds combine. Clauses end at ";", at a list
 * marker ("<2>", "3.") and at a sentence end. In an inclusion criterion limits joined by
 * "or" are alternatives (one group) and the others must all hold (a group each); in an
 * exclusion criterion any limit met keeps the patient out (one group), except two limits
 * joined by a bare "and" ("platelets ≤50,000/mm3 and INR ≥1.5"), which must both hold.
 * A list introduced by "any of the following" is one group of alternatives, save limits
 * joined by a bare "and" within one item.
 */

const BOUNDARY = /[;；。]|<\d{1,2}>|\.\s+(?=[A-Z<(\d])|\s(?=\d{1,2}[.)]\s*[A-Za-z])|\s(?=\d{1,2}\s*-\s*[A-Za-z])/g;

/** The criterion with list markers blanked out (same length, so positions hold) and its clause starts. */
export function maskAndSplit(text: string): { masked: string; clauseStarts: number[] } {
  const masked = text.split(""); // UTF-16 code units, as positions in a JS string count
  const starts = [0];
  for (const m of text.matchAll(BOUNDARY)) starts.push(m.index + m[0].length);
  for (const m of text.matchAll(/<\d{1,2}>/g)) for (let k = m.index; k < m.index + m[0].length; k++) masked[k] = " ";
  for (const s of starts) {
    const m = RUN_IN_ITEM.exec(text.slice(s));
    if (m) for (let k = s + m[1]!.length; k < s + m[0].length; k++) masked[k] = " ";
  }
  return { masked: masked.join(""), clauseStarts: starts };
}

/** The clause `pos` is in: the last start at or before it (binary search: called once per threshold). */
export function clauseIndex(clauseStarts: number[], pos: number): number {
  let lo = 0;
  let hi = clauseStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (clauseStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const ANY_OF = /\b(?:any|one|either)\s+of\s+the\s+following\b|\bat\s+least\s+one\s+of\b/i;

/** How a threshold joins the one before it, when its reading already knows. */
export type Link = "or" | "and" | null;

export interface Placed {
  start: number;
  end: number;
  link: Link;
}

/**
 * Group numbers for a criterion's thresholds (in text order): alternatives share one.
 */
export function assignGroups(text: string, list: "inclusion" | "exclusion", items: Placed[], clauseStarts: number[]): number[] {
  const anyOf = ANY_OF.test(text);
  const groups: number[] = [];
  let g = 0;
  items.forEach((t, i) => {
    if (i === 0) return groups.push(0);
    const prev = items[i - 1]!;
    const sameClause = clauseIndex(clauseStarts, prev.start) === clauseIndex(clauseStarts, t.start);
    const gap = text.slice(prev.end, Math.max(prev.end, t.start));
    let alternative: boolean;
    if (t.link) alternative = t.link === "or";
    // The items of "any of the following" are alternatives, but two limits joined by a bare
    // "and" inside one item ("3. platelet ≤50,000/mm3 and INR ≥1.5") must both hold.
    else if (anyOf) alternative = !(sameClause && /^\s*and\s*$/i.test(gap));
    else if (list === "inclusion") alternative = sameClause && /^\W*(?:or|and\/or)\W*$/i.test(gap.trim() ? gap : "x");
    else alternative = !(sameClause && /^\s*and\s*$/i.test(gap));
    if (!alternative) g++;
    groups.push(g);
  });
  return groups;
}

/**
 * An inclusion limit joined by "or" to words that are not a readable limit ("TB ≥171
 * μmol/L or ascend ≥17.1 μmol/L per day", "Child-Pugh B or MELD >10") is half of an
 * alternative: holding or failing it alone decides nothing, so its group is not read.
 */
export function unreadableAlternative(text: string, items: Placed[], i: number, clauseStarts: number[]): boolean {
  const t = items[i]!;
  const c = clauseIndex(clauseStarts, t.start);
  const clauseStart = clauseStarts[c]!;
  const clauseEnd = clauseStarts[c + 1] ?? text.length;
  const prevEnd = i > 0 && items[i - 1]!.end > clauseStart ? items[i - 1]!.end : clauseStart;
  const before = text.slice(Math.min(prevEnd, t.start), t.start);
  const orBefore = /\bor\s*[(]?\s*$/i.exec(before);
  if (orBefore && /[A-Za-z\d]{2,}/.test(before.slice(0, orBefore.index).split(/[,;(:]/).pop() ?? "")) return true;
  const nextStart = i + 1 < items.length ? Math.min(items[i + 1]!.start, clauseEnd) : clauseEnd;
  const after = text.slice(t.end, Math.max(t.end, nextStart));
  const orAfter = /^\s*(?:\([^)]{0,60}\))?\s*,?\s*(?:and\/)?or\b(?!\s+(?:more|less|higher|lower|above|below|older|younger|greater)\b)/i.exec(after);
  if (orAfter && /[A-Za-z\d]{3,}/.test(after.slice(orAfter[0].length).split(/[,;)]/)[0] ?? "")) return true;
  return false;
}
