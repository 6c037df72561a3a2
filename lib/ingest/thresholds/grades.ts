import type { Limit } from "./limits";
import { parseGrade } from "./values";

/**
 * Hepatic encephalopathy grades: "Grade 3 or 4 hepatic encephalopathy", "hepatic
 * encephalopathy Grades 3 & 4", "Stages 3-4 (West Haven)", "(grade II or lower)".
 */
const HE = /hepatic\s+encephalopathy|\bHE\b/gi;
const GR = String.raw`(IV|III|II|I|[0-4])\b`;
const PAIR = String.raw`(?:grades?|stages?|score)\s*${GR}(?:\s*(?:or|&|and|-|–|to)\s*${GR})?(?:\s+or\s+(higher|above|more|greater|lower|below|less))?`;
const BEFORE = new RegExp(`${PAIR}\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:overt\\s+)?$`, "i");
const AFTER = new RegExp(String.raw`^\s*(?:\(\s*)?(?:,\s*)?(?:(?:West\s+Haven|according\s+to|criteria)\s*)*${PAIR}`, "i");

function toLimit(m: RegExpExecArray, start: number, end: number): Limit | null {
  const lo = parseGrade(m[1]!);
  const hi = m[2] ? parseGrade(m[2]) : null;
  if (lo === null || (m[2] && hi === null)) return null;
  if (m[3]) return { op: /higher|above|more|greater/i.test(m[3]) ? ">=" : "<=", value: lo, max: null, unit: null, relativeTo: null, start, end };
  if (hi !== null && hi < lo) return null;
  return { op: "between", value: lo, max: hi ?? lo, unit: null, relativeTo: null, start, end };
}

/** Each grade limit on hepatic encephalopathy in `text`. */
export function readGrades(text: string): Limit[] {
  const out: Limit[] = [];
  for (const he of text.matchAll(HE)) {
    const heEnd = he.index + he[0].length;
    const before = text.slice(Math.max(0, he.index - 60), he.index);
    const b = BEFORE.exec(before);
    if (b) {
      const start = he.index - before.length + b.index;
      const l = toLimit(b, start, heEnd);
      if (l) { out.push(l); continue; }
    }
    const a = AFTER.exec(text.slice(heEnd));
    if (a) {
      const l = toLimit(a, he.index, heEnd + a[0].length);
      if (l) out.push(l);
    }
  }
  return out;
}
