import { findProducts, type ProductMention } from "../prose/products";

/**
 * Words of a fact (a route, a tissue, autologous/allogeneic) found in a text, and whether
 * they are said of the MSCs. Shared by the arm-fact readers: each gives its patterns, this
 * finds them and decides whose they are.
 */
export interface FactPattern<V extends string> { value: V; re: RegExp }
/** A reader's patterns, and on which side of its words the product they qualify stands. */
export interface FactReader<V extends string> { patterns: readonly FactPattern<V>[]; reads: "before" | "after" }
export interface FactMention<V extends string> { value: V; start: number; end: number; text: string }

/** Every match of the patterns, earlier patterns winning where two overlap. */
export function findFactMentions<V extends string>(text: string, patterns: readonly FactPattern<V>[]): FactMention<V>[] {
  const out: FactMention<V>[] = [];
  for (const { value, re } of patterns) {
    for (const m of text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))) {
      const start = m.index!, end = start + m[0].length;
      if (out.some((o) => start < o.end && o.start < end)) continue;
      out.push({ value, start, end, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// A sentence ends at . ; ! ? before a space and a capital or an opening bracket, or at a line break.
const SENTENCE_END = /[.;!?](?=\s+[A-Z(（])|\n+/g;

function sentences(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  let at = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    out.push({ start: at, text: text.slice(at, m.index! + m[0].length) });
    at = m.index! + m[0].length;
  }
  out.push({ start: at, text: text.slice(at) });
  return out;
}

/**
 * Whether a mention is said of the MSCs: the product it overlaps ("bone marrow" inside
 * "bone marrow mononuclear cells") or else the product it belongs to in its sentence
 * decides: for a route the nearest product before it ("hepatocytes through the portal
 * vein"), for a tissue or origin word the nearest after it ("autologous bone marrow
 * MSCs"), else the nearest on the other side. A sentence naming no product counts only
 * when `bare` says so (an MSC arm's own words) and the text names no other treatment.
 */
export function saidOfMsc(text: string, mention: { start: number; end: number }, bare: boolean, reads: "before" | "after"): boolean {
  const sentence = sentences(text).findLast((s) => s.start <= mention.start)!;
  const start = mention.start - sentence.start, end = mention.end - sentence.start;
  const products = findProducts(sentence.text).filter((p) => !p.negated);
  if (products.length === 0) return bare && !findProducts(text).some((p) => !p.negated && p.product !== "MSC");
  const overlapping = products.find((p) => p.start < end && start < p.end);
  const before = products.filter((p) => p.end <= start).at(-1);
  const after = products.find((p) => p.start >= end);
  const owner = overlapping ?? (reads === "before" ? before ?? after : after ?? before);
  return owner?.product === "MSC";
}

/** A fact as the record holds it: the value and the source words it was read from. */
export interface ArmFact<V extends string> { value: V; text: string }

/**
 * The fact stated for the MSCs in the first scope that states one (the arm's words, its
 * interventions' words, then the trial's title and intervention names). Two different
 * values in the arm's own scope are `several` (OTHER, or null where there is no OTHER);
 * in the trial's scope they are left unread, since the trial may name every arm's product.
 */
export function readFact<V extends string>(
  scopes: { texts: string[]; bare: boolean; ambiguous: "several" | "none" }[],
  reader: FactReader<V>,
  several: V | null,
): ArmFact<V> | null {
  for (const scope of scopes) {
    const found = scope.texts.flatMap((t) => findFactMentions(t, reader.patterns).filter((m) => saidOfMsc(t, m, scope.bare, reader.reads)));
    if (found.length === 0) continue;
    const values = [...new Set(found.map((m) => m.value))];
    // The words once each, as first spelled ("Umbilical Cord" in the title, "umbilical cord" in the arm).
    const words = [...new Map(found.map((m) => [m.text.toLowerCase(), m.text])).values()].join(" … ");
    if (values.length === 1) return { value: values[0]!, text: words };
    if (scope.ambiguous === "none" || several === null) return null;
    return { value: several, text: words };
  }
  return null;
}
