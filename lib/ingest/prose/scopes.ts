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

const RUN_ON = /^(?:For|In)\s{1,2}(?:the\s{1,2})?(?:[a-z][a-z-]{0,20}\s{1,2})?(?:group|arm)s?\b/;

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
    // "… Tianjin, China For control group, placebo …": a line break lost when the text was
    // registered; a capitalised "For/In the … group" with no punctuation before it starts a sentence.
    if (c === " " && (text[i + 1] === "F" || text[i + 1] === "I") && i > start && /[A-Za-z0-9)]/.test(text[i - 1]!) && RUN_ON.test(text.slice(i + 1, i + 48))) {
      push(i);
      start = i + 1;
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

/** Index of the last span starting at or before `pos` in spans sorted by start, or -1. */
function lastStartingAt(spans: [number, number][], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= pos) (found = mid), (lo = mid + 1);
    else hi = mid - 1;
  }
  return found;
}

/** The index of the sentence containing `pos`, or -1 (sentences are sorted and disjoint). */
export function sentenceAt(sentences: [number, number][], pos: number): number {
  const k = lastStartingAt(sentences, pos);
  return k >= 0 && pos < sentences[k]![1] ? k : -1;
}

/** Each parenthesis's nearest enclosing parenthesis (its index), or -1: computed once per Scopes. */
const parentsOf = new WeakMap<Scopes, number[]>();
function parenParents(scopes: Scopes): number[] {
  let parents = parentsOf.get(scopes);
  if (parents) return parents;
  parents = [];
  const open: number[] = [];
  scopes.parens.forEach(([s, e], i) => {
    while (open.length && scopes.parens[open[open.length - 1]!]![1] <= s) open.pop();
    parents!.push(open.length ? open[open.length - 1]! : -1);
    if (open.length === 0 || e <= scopes.parens[open[open.length - 1]!]![1]) open.push(i);
  });
  parentsOf.set(scopes, parents);
  return parents;
}

/** Parentheses nested deeper than this around one mention are not told apart (no registry text nests 8). */
const MAX_PAREN_DEPTH = 16;

/** The scopes containing [start, end), smallest first: parentheses, clause, sentence. */
export function enclosing(scopes: Scopes, start: number, end: number): { level: "paren" | "clause" | "sentence"; span: [number, number] }[] {
  const inside = (sp: [number, number]) => sp[0] <= start && end <= sp[1];
  // Binary search, then up the nesting: every parenthesis that contains the mention is an
  // ancestor of the last one opening before it (balanced parentheses nest).
  const out: { level: "paren" | "clause" | "sentence"; span: [number, number] }[] = [];
  const parents = parenParents(scopes);
  const found: [number, number][] = [];
  for (let p = lastStartingAt(scopes.parens, start), depth = 0; p >= 0 && depth < MAX_PAREN_DEPTH; p = parents[p]!, depth++) {
    if (inside(scopes.parens[p]!)) found.push(scopes.parens[p]!);
  }
  for (const span of found.reverse()) out.push({ level: "paren", span });
  const c = lastStartingAt(scopes.clauses, start);
  const clause = c >= 0 && inside(scopes.clauses[c]!) ? scopes.clauses[c] : undefined;
  const k = lastStartingAt(scopes.sentences, start);
  const sentence = k >= 0 && inside(scopes.sentences[k]!) ? scopes.sentences[k] : undefined;
  if (clause) out.push({ level: "clause", span: clause });
  if (sentence && (!clause || sentence[0] !== clause[0] || sentence[1] !== clause[1])) out.push({ level: "sentence", span: sentence });
  // Smallest first; a parenthesis may be wider than the clause it starts in.
  return out.sort((a, b) => (a.span[1] - a.span[0]) - (b.span[1] - b.span[0]));
}
