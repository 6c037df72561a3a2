import { wordsBefore } from "./types";

/**
 * Group mentions: "group A", "group II", "arm 2", "cohort 1", "low/medium/high dose
 * (group)", "the control group", "the placebo group", "the MSC group", "the experimental
 * group", and arm labels the record defines elsewhere (`knownLabels`). "Groups A and B",
 * "group A and group B" name two groups at once (one mention, two keys). Each key is
 * normalized so that the same group written differently compares equal: "middle dose",
 * "medium-dose group" → "level:medium"; "Group II" → "id:2"; "the placebo group" → "placebo".
 */
export interface GroupMention {
  kind: "group";
  start: number;
  end: number;
  text: string;
  keys: string[];
}

const MAX_GROUPS = 500;
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };
const LEVELS: Record<string, string> = {
  low: "low", lower: "low", medium: "medium", middle: "medium", mid: "medium", intermediate: "medium", moderate: "medium",
  high: "high", higher: "high",
};

export function idKey(id: string): string {
  const t = id.toLowerCase();
  if (/^\d{1,2}$/.test(t)) return `id:${Number(t)}`;
  if (ROMAN[t] && id === id.toUpperCase()) return `id:${ROMAN[t]}`;
  return `id:${t}`;
}

const HEAD_STOP = new Set([
  "the", "a", "an", "each", "every", "both", "this", "that", "these", "those", "to", "in", "into", "of", "two", "three",
  "four", "all", "per", "either", "other", "same", "one", "and", "or", "for", "from", "with", "as", "study", "patient", "patients",
  "age", "different", "randomized", "randomised", "assigned", "allocated", "divided", "separated", "enrolled", "treatment-naive",
  "then", "were", "was", "will", "be", "received", "receive", "receives", "are", "is", "at", "by", "on", "following", "parallel",
]);
const GENERIC_HEADS: Record<string, string> = {
  control: "control", placebo: "placebo", msc: "msc", mscs: "msc", experimental: "experimental", treatment: "experimental",
  intervention: "experimental", "stem-cell": "msc", cell: "msc", "cell-therapy": "msc", observation: "control", "standard-care": "control",
};

/** The normalized key of a group name ("Low dose", "control group", "Group B"). */
export function groupKey(words: string): string {
  const t = words.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  const level = /\b(low|lower|medium|middle|mid|intermediate|moderate|high|higher)\b(?= ?dose\b| group\b| arm\b|$)/.exec(t);
  if (level) return `level:${LEVELS[level[1]!]}`;
  const ordinal = /\b(first|second|third|fourth|fifth|sixth)\s(?:dose)\b/.exec(t);
  if (ordinal) return `level:${ORDINALS[ordinal[1]!]}`;
  const id = /^(?:group|arm|cohort)\s([a-z]|\d{1,2}|[ivx]{1,4})$/.exec(t) ?? /^([a-z]|\d{1,2})\s(?:group|arm|cohort)$/.exec(t);
  if (id) return idKey(words.trim().split(/\s+/).find((w) => w.toLowerCase() === id[1]) ?? id[1]!);
  const head = t.replace(/\b(?:the|group|arm|cohort)\b/g, " ").replace(/\s+/g, " ").trim();
  if (/\bplacebo\b/.test(head)) return "placebo";
  if (/^(?:control|conventional|standard|usual care|observation)\b|\bcontrol$/.test(head)) return "control";
  return GENERIC_HEADS[head.replace(/ /g, "-")] ?? GENERIC_HEADS[head] ?? `label:${head}`;
}

// "group 1A", "group 2B": a sub-group of group 1 or 2, a group of its own
const ID_GROUP = /\b([Gg]roups?|[Aa]rms?|[Cc]ohorts?|GROUPS?|ARMS?)\s{1,2}([A-Z]|\d{1,2}[A-Z]?|I{1,3}|IV|V|VI)\b(?!\s{0,2}(?:-|\.)\d)/g;
const ID_JOIN = /\s{0,2}(?:,\s{0,2}and|,|and|&|or)\s{0,2}(?:(?:[Gg]roup|[Aa]rm|[Cc]ohort)\s{1,2})?([A-Z]|\d{1,2}|I{1,3}|IV|V|VI)\b/y;
const LEVEL_GROUP = /\b(low|lower|medium|middle|mid|intermediate|moderate|high|higher|first|second|third|fourth|fifth|sixth)(?:[\s-]{1,2}dose)?(?:\s{1,2}(?:group|arm|cohort))?\b/gi;
const NAMED_GROUP = /\b(groups?|arms?|cohorts?)\b/gi;

export function findGroups(text: string, knownLabels: string[] = []): GroupMention[] {
  const out: GroupMention[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  // A cap keeps the overlap checks linear on pathological input (no record names 500 groups);
  // once it is reached, the scans stop instead of reading every further match for nothing.
  const full = () => out.length >= MAX_GROUPS;
  const add = (start: number, end: number, keys: string[]) => {
    if (full() || !free(start, end) || keys.length === 0) return;
    taken.push([start, end]);
    out.push({ kind: "group", start, end, text: text.slice(start, end), keys: [...new Set(keys)] });
  };
  // Labels the record defines: literal matches, longest first.
  const labels = [...new Set(knownLabels.map((l) => l.trim()).filter((l) => l.length >= 3 && usableLabel(l)))].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  for (const label of labels) {
    const needle = label.toLowerCase();
    let from = 0;
    for (let at = lower.indexOf(needle, from); at >= 0 && !full(); at = lower.indexOf(needle, from)) {
      from = at + needle.length;
      const okBefore = at === 0 || !/[a-z0-9]/i.test(text[at - 1]!);
      const okAfter = from >= text.length || !/[a-z0-9]/i.test(text[from]!);
      if (okBefore && okAfter) add(at, from, [groupKey(label)]);
    }
  }
  for (const m of text.matchAll(ID_GROUP)) {
    if (full()) break;
    const keys = [idKey(m[2]!)];
    let end = m.index + m[0].length;
    if (/s$/i.test(m[1]!)) {
      for (let guard = 0; guard < 6; guard++) {
        ID_JOIN.lastIndex = end;
        const j = ID_JOIN.exec(text);
        if (!j) break;
        keys.push(idKey(j[1]!));
        end = ID_JOIN.lastIndex;
      }
    }
    add(m.index, end, keys);
  }
  for (const m of text.matchAll(LEVEL_GROUP)) {
    if (full()) break;
    const grouped = /dose|group|arm|cohort/i.test(m[0]);
    // "the low (1 x 10^6 cells/kg), medium (…) and high (…) dose groups": the list ends in "dose"
    const bare = !grouped && /^\s{0,2}\(/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)) &&
      /\)[\s-]{0,3}(?:dose|doses|dosage)\b/i.test(text.slice(m.index, m.index + 300));
    if (!grouped && !bare) continue;
    if (/^(?:high|low)er$/i.test(m[1]!) && !/group|arm|cohort/i.test(m[0])) continue;
    const ordinal = ORDINALS[m[1]!.toLowerCase()];
    // An ordinal names a dose level only as "the first (…), second (…) … dose groups" or "the first dose group".
    if (ordinal && !bare && !/group|arm|cohort/i.test(m[0])) continue;
    add(m.index, m.index + m[0].length, [ordinal ? `level:${ordinal}` : `level:${LEVELS[m[1]!.toLowerCase()]}`]);
  }
  for (const m of text.matchAll(NAMED_GROUP)) {
    if (full()) break;
    if (/s$/i.test(m[1]!)) continue; // "two groups", "patient groups": not one group
    const clauseStart = Math.max(0, m.index - 40);
    const cut = text.slice(clauseStart, m.index).search(/[^\w\s-][^.,;:()/|\n]*$/);
    const words = wordsBefore(text.slice(cut >= 0 ? clauseStart + cut + 1 : clauseStart, m.index) , m.index - (cut >= 0 ? clauseStart + cut + 1 : clauseStart), 3, 40);
    const head: string[] = [];
    for (let k = words.length - 1; k >= 0; k--) {
      if (HEAD_STOP.has(words[k]!)) break;
      head.unshift(words[k]!);
    }
    // The words must be right before "group" (no punctuation in between).
    if (head.length === 0) continue;
    const phrase = head.join(" ");
    if (/^(?:(?:next|previous|last|later|earlier|same|that|this|each|any|one)\s)?dose$/i.test(phrase)) continue;
    const startGuess = lower.lastIndexOf(head[0]!, m.index);
    if (startGuess < 0 || /[^\w\s-]/.test(text.slice(startGuess, m.index))) continue;
    add(startGuess, m.index + m[0].length, [groupKey(`${phrase} group`)]);
  }
  return mergeCoordinated(text, out.sort((a, b) => a.start - b.start));
}

/** Labels that are product names ("Mesenchymal stem cell", "Placebo") are not looked for. */
function usableLabel(label: string): boolean {
  // Only names that read as a group's name: "Group MSC-1", "1-time injection group", "Low dose …".
  return /\b(group|arm|cohort)\b|\b(low|medium|middle|intermediate|high)[\s-]dose\b/i.test(label);
}

/** "group A and group B", "the control and placebo groups": one mention, both keys. */
function mergeCoordinated(text: string, mentions: GroupMention[]): GroupMention[] {
  const out: GroupMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    if (prev && /^\s{0,2}(?:,\s{0,2}and|,|and|&|as well as)\s{0,2}(?:the\s{1,2})?$/i.test(text.slice(prev.end, m.start))) {
      out[out.length - 1] = { ...prev, end: m.end, text: text.slice(prev.start, m.end), keys: [...new Set([...prev.keys, ...m.keys])] };
      continue;
    }
    out.push(m);
  }
  return out;
}
