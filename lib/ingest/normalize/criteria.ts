/**
 * Criteria lists → one string per criterion, numbering and bullets removed, sub-items
 * (`<1>`, `a)`) kept inside their parent.
 */

const NUMBERED = /^\s*(\d{1,3})[.)、]\s*(.*)$/;
const BULLET = /^\s*[-*•·]\s*(?:\.\s*)?(.*)$/;

function clean(item: string): string {
  return item.replace(/\s+/g, " ").replace(/(?<![;,])[;,]+\s*$/, "").trim();
}

// "Those who meet any of the following conditions will not be included:" introduces the
// list; it is not itself a criterion.
const LEAD_IN = /\b(any of the following|the following (criteria|conditions)|will not be included|will be excluded|are eligible|excluded if|included if)\b.*:\s*$/i;

/**
 * Splits "… ranging from 17-30,; 4.18-65 years of age." where item 4 ran into item 3:
 * a number that is exactly the next item's, after a semicolon or full stop.
 */
function splitRunIn(items: string[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    let rest = item;
    for (;;) {
      const next = out.length + 2;
      const m = new RegExp(String.raw`[;.]\s*${next}\s*[.)、]\s*(?=\S)`).exec(rest);
      if (!m) break;
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(rest);
  }
  return out;
}

/** Numbered ("1. …") or bulleted ("- …") lines; continuation lines join their item. */
export function splitCriteria(lines: string[]): { items: string[]; leadIns: string[] } {
  const items: string[] = [];
  const leadIns: string[] = [];
  let numbered = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const n = NUMBERED.exec(line);
    const b = n ? null : BULLET.exec(line);
    if (n) {
      numbered = true;
      items.push(n[2]!);
    } else if (b && !numbered) {
      items.push(b[1]!);
    } else if (items.length > 0 && items[items.length - 1] !== "") {
      items[items.length - 1] += ` ${line}`;
    } else if (items.length > 0) {
      items[items.length - 1] = line; // a bullet with its text on the next line
    } else {
      items.push(line);
    }
  }
  const kept: string[] = [];
  for (const [i, item] of items.entries()) {
    const text = clean(item);
    if (!text) continue;
    if (i <= 1 && kept.length === 0 && LEAD_IN.test(text)) {
      leadIns.push(text);
      continue;
    }
    kept.push(text);
  }
  return { items: numbered ? splitRunIn(kept).map(clean).filter(Boolean) : kept, leadIns };
}
