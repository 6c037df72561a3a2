/**
 * The nested scopes of a text, each as spans [start, end): sentences, clauses inside a
 * sentence, and parentheses (with their brackets). A mention is attached to a group by
 * the smallest scope that contains both. One linear pass each; no regex backtracks.
 */
export interface Scopes {
  sentences: [number, number][];
  clauses: [number, number][];
  parens: [number, number][];
}

// Words after which a period does not end a sentence.
const ABBREVIATIONS = new Set(["e.g", "i.e", "approx", "vs", "dr", "no", "fig", "al", "etc", "mr", "mrs", "ca"]);

function isUpperOrOpen(c: string | undefined): boolean {
  return c !== undefined && (/[A-Z(\[0-9•·-]/.test(c));
}

export function splitSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push([s, e]);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      // A line break ends a sentence unless the next line continues it in lower case.
      let j = i + 1;
      while (j < text.length && (text[j] === " " || text[j] === "\t" || text[j] === "\r")) j++;
      const next = text[j];
      if (next === "\n" || next === undefined || !/[a-z]/.test(next)) {
        push(i);
        start = i + 1;
      }
      i++;
      continue;
    }
    if (c === "/" && text.startsWith("///", i)) {
      push(i);
      i += 3;
      start = i;
      continue;
    }
    if (c === "." || c === "!" || c === "?" || c === ";" || c === "。" || c === "；") {
      const next = text[i + 1];
      if (c === "。" || c === "；" || next === undefined) {
        push(i + 1);
        start = i + 1;
        i++;
        continue;
      }
      if (/\s/.test(next)) {
        let j = i + 1;
        while (j < text.length && /[ \t]/.test(text[j]!)) j++;
        const word = text.slice(Math.max(start, i - 8), i).toLowerCase().match(/[a-z.]{1,8}$/)?.[0] ?? "";
        if ((isUpperOrOpen(text[j]) || text[j] === "\n" || c === ";") && !ABBREVIATIONS.has(word)) {
          push(i + 1);
          start = i + 1;
        }
      }
    }
    i++;
  }
  push(text.length);
  return out;
}

const CLAUSE_BREAK = /;|,?\s{1,3}(?:while|whereas|but)\s|,\s{1,3}(?:and|or)\s{1,3}(?=(?:the|those|patients|participants|subjects|group|arm|in|for|a|an)\b)|,\s{1,3}(?=(?:the|group|arm|those)\s)/gi;

/** Clauses of each sentence: split at ";", "while", "whereas", "but", ", and the …". */
export function splitClauses(text: string, sentences: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [s, e] of sentences) {
    const part = text.slice(s, e);
    let last = 0;
    // Only breaks outside parentheses count.
    const depthAt = parenDepths(part);
    for (const m of part.matchAll(CLAUSE_BREAK)) {
      if (depthAt[m.index]! > 0) continue;
      if (m.index > last) out.push([s + last, s + m.index]);
      last = m.index + m[0].length;
    }
    if (e - s > last) out.push([s + last, e]);
  }
  return out;
}

function parenDepths(text: string): number[] {
  const depth: number[] = new Array(text.length);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "（" || c === "[") d++;
    depth[i] = d;
    if ((c === ")" || c === "）" || c === "]") && d > 0) d--;
  }
  return depth;
}

/** Balanced parentheses (round, full-width, square), innermost first in nesting order. */
export function findParens(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "（" || c === "[") stack.push(i);
    else if ((c === ")" || c === "）" || c === "]") && stack.length) out.push([stack.pop()!, i + 1]);
    else if (c === "\n" && text[i + 1] === "\n") stack.length = 0; // a paragraph closes what is open
  }
  return out.sort((a, b) => a[0] - b[0]);
}

export function analyzeScopes(text: string): Scopes {
  const sentences = splitSentences(text);
  return { sentences, clauses: splitClauses(text, sentences), parens: findParens(text) };
}

/** The scopes containing [start, end), smallest first: parentheses, clause, sentence. */
export function enclosing(scopes: Scopes, start: number, end: number): { level: "paren" | "clause" | "sentence"; span: [number, number] }[] {
  const inside = (sp: [number, number]) => sp[0] <= start && end <= sp[1];
  const out: { level: "paren" | "clause" | "sentence"; span: [number, number] }[] =
    scopes.parens.filter(inside).map((span) => ({ level: "paren" as const, span }));
  const clause = scopes.clauses.find(inside);
  const sentence = scopes.sentences.find(inside);
  if (clause) out.push({ level: "clause", span: clause });
  if (sentence && (!clause || sentence[0] !== clause[0] || sentence[1] !== clause[1])) out.push({ level: "sentence", span: sentence });
  // Smallest first; a parenthesis may be wider than the clause it starts in.
  return out.sort((a, b) => (a.span[1] - a.span[0]) - (b.span[1] - b.span[0]));
}
