import { findAmounts, isDoseAmount, type AmountMention } from "./amounts";
import { findGroups, type GroupMention } from "./groups";
import { findProducts, type ProductMention } from "./products";
import { findSchedules, type ScheduleMention } from "./schedules";
import { analyzeScopes, enclosing, sentenceAt, type Scopes } from "./scopes";

/**
 * Attachment: each amount, schedule and product joins the group it belongs to by the
 * smallest enclosing scope that names a group (parenthesis → clause → sentence), never
 * by a sentence shape. Several groups in one scope: amounts pair with groups in order
 * when the numbers agree ("the low (…), medium (…) and high (…) dose groups", "X to group
 * A and Y to group B"), otherwise the nearest group before (or after) wins. A sentence
 * naming no group continues the one group of the sentence before ("Group B receives MSCs.
 * The dose is …"), unless it speaks of all or each group. What stays unattached belongs
 * to whoever owns the text (the arm, the intervention's arms, the trial).
 */
export interface SameRef {
  kind: "same";
  start: number;
  end: number;
  text: string;
  /** What is repeated: the dose, the schedule (time points), or both (the regimen). */
  what: "amount" | "schedule" | "both";
}

export interface Mentions {
  amounts: AmountMention[];
  schedules: ScheduleMention[];
  products: ProductMention[];
  groups: GroupMention[];
  sames: SameRef[];
}

export interface Attached<T> {
  mention: T;
  /** Group keys, or null when the text names no group for it. */
  groups: string[] | null;
  /** How the group was found: by an enclosing scope or carried from an earlier sentence. */
  via: "scope" | "topic" | null;
  /** For amounts: the product the amount is of (null: none named near it). */
  product?: ProductMention | null;
}

export interface AttachedText {
  text: string;
  mentions: Mentions;
  scopes: Scopes;
  amounts: Attached<AmountMention>[];
  schedules: Attached<ScheduleMention>[];
  products: Attached<ProductMention>[];
  sames: Attached<SameRef>[];
}

const SAME = /\b(?:the\s{1,2})?same\s{1,2}(dose|dosage|amount|regimen|protocol|treatment|schedule|time\s{1,2}points?|times|frequency|way|manner|scheme)\b/gi;

function findSames(text: string): SameRef[] {
  return [...text.matchAll(SAME)].map((m) => {
    const w = m[1]!.toLowerCase();
    const what = /dose|dosage|amount/.test(w) ? "amount" : /regimen|protocol|treatment|scheme/.test(w) ? "both" : "schedule";
    return { kind: "same" as const, start: m.index, end: m.index + m[0].length, text: m[0], what };
  });
}

/** The groups a text names and the products it gives (a product word inside a group's name is the group's). */
export function readGroupsAndProducts(text: string, knownLabels: string[] = []): Pick<Mentions, "groups" | "products"> {
  const groups = findGroups(text, knownLabels);
  // A product word inside a group's name ("the MSC group", "the placebo group") names the group, not what is given.
  const inGroup = (p: { start: number; end: number }) => groups.some((g) => g.start <= p.start && p.end <= g.end);
  return { groups, products: findProducts(text).filter((p) => !inGroup(p)) };
}

export function readMentions(text: string, knownLabels: string[] = []): Mentions {
  return {
    amounts: findAmounts(text, { all: true }),
    schedules: findSchedules(text),
    ...readGroupsAndProducts(text, knownLabels),
    sames: findSames(text),
  };
}

const ALL_GROUPS = /\b(?:all|each|every|both|either)\s{1,2}(?:of\s{1,2}the\s{1,2})?(?:groups?|arms?|patients|participants|subjects|cohorts?|infusions?|doses?)\b|\bin\s{1,2}all\b|\bregardless\b/i;

const within = (span: [number, number]) => (m: { start: number; end: number }) => span[0] <= m.start && m.end <= span[1];

function groupFor(
  m: { start: number; end: number },
  peers: { start: number; end: number }[],
  groups: GroupMention[],
  scopes: Scopes,
): { keys: string[]; via: "scope" } | null {
  for (const scope of enclosing(scopes, m.start, m.end)) {
    const gs = groups.filter(within(scope.span));
    if (gs.length === 0) continue;
    if (gs.length === 1) return { keys: gs[0]!.keys, via: "scope" };
    const inScope = peers.filter(within(scope.span));
    const k = inScope.indexOf(m);
    if (inScope.length === gs.length && k >= 0) return { keys: gs[k]!.keys, via: "scope" };
    const before = gs.filter((g) => g.end <= m.start);
    const pick = before[before.length - 1] ?? gs.find((g) => g.start >= m.end) ?? gs[0]!;
    return { keys: pick.keys, via: "scope" };
  }
  return null;
}

/** The group of the nearest earlier sentence that names groups, if it names exactly one. */
function topicFor(text: string, m: { start: number }, groups: GroupMention[], scopes: Scopes, speaksOfAll: (k: number) => boolean): string[] | null {
  const k = sentenceAt(scopes.sentences, m.start);
  if (k < 0) return null;
  if (speaksOfAll(k)) return null;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const [s, e] = scopes.sentences[j]!;
    // A blank line starts a new topic.
    if (/\n\s{0,8}\n/.test(text.slice(e, scopes.sentences[j + 1]![0]))) return null;
    const gs = groups.filter((g) => g.start >= s && g.end <= e);
    // "Each group will receive …": what follows speaks of every group, not of one before it.
    if (gs.length === 0 && speaksOfAll(j)) return null;
    if (gs.length === 0) continue;
    return gs.length === 1 ? gs[0]!.keys : null;
  }
  return null;
}

/** The product an amount is of: one named inside its words, else the nearest in the smallest scope. */
function productFor(a: AmountMention, products: ProductMention[], scopes: Scopes, text: string): ProductMention | null {
  const usable = products.filter((p) => !p.negated);
  const inside = usable.find((p) => p.start >= a.start && p.end <= a.end);
  if (inside) return inside;
  // "autologous MSCs (1x10^6/kg) or placebo": an amount in brackets right after a product is that product's
  const open = /\(\s{0,2}$/.exec(text.slice(Math.max(0, a.start - 3), a.start));
  if (open) {
    const at = a.start - open[0].length;
    const named = usable.find((p) => p.end <= at && at - p.end <= 2);
    if (named) return named;
  }
  // The enclosing scopes, then the whole text (where only an MSC named anywhere counts); a
  // one-sentence text's sentence is a scope like any other, though it spans the whole text.
  const spans = [...enclosing(scopes, a.start, a.end).map((s) => ({ span: s.span, whole: false })), { span: [0, text.length] as [number, number], whole: true }];
  for (const { span, whole } of spans) {
    const ps = usable.filter(within(span)).filter((p) => !whole || p.product === "MSC");
    if (ps.length === 0) continue;
    const strong = ps.some((p) => !p.weak) ? ps.filter((p) => !p.weak) : ps;
    const dist = (p: ProductMention) => (p.start >= a.end ? p.start - a.end : a.start - p.end + 5);
    return strong.reduce((best, p) => (dist(p) < dist(best) ? p : best));
  }
  return null;
}

/**
 * The product a schedule is of: the nearest product named before it in its sentence (else the
 * nearest after it), skipping a product named only as a time point ("after plasma exchange") or
 * as what the cells are in ("in albumin solution").
 * Null when the sentence names none.
 */
function scheduleProductFor(s: ScheduleMention, products: ProductMention[], scopes: Scopes, text: string): ProductMention | null {
  const k = sentenceAt(scopes.sentences, s.start);
  if (k < 0) return null;
  const [a, b] = scopes.sentences[k]!;
  const usable = products.filter((p) => !p.negated && p.start >= a && p.end <= b &&
    !/\b(?:after|following|before|prior\s{1,2}to|post|in)\s{1,2}(?:the\s{1,2}|each\s{1,2}|every\s{1,2})?$/i.test(text.slice(Math.max(0, p.start - 20), p.start)));
  const before = usable.filter((p) => p.end <= s.start);
  const nearest = before[before.length - 1] ?? usable.find((p) => p.start >= s.end) ?? null;
  // "a mixture of 40 million MSCs and 0.5 million cardiac cells, injected once": given together, the cells' schedule too
  // "collagen scaffolds loaded with 15,000,000 MSCs", "HA and 10 million MSCs": the cells come with it
  if (nearest?.product === "OTHER") {
    const gap = (p: ProductMention) => (p.end <= nearest.start ? text.slice(p.end, nearest.start) : text.slice(nearest.end, p.start));
    const joined = usable.find((p) => p.product === "MSC" && gap(p).length <= 40 && !/,(?!\d)|;|\.(?!\d)/.test(gap(p)) &&
      /\b(?:and|plus|with|containing|loaded|seeded|combined)\b/i.test(gap(p)));
    if (joined) return joined;
  }
  return nearest;
}

export function attachText(text: string, knownLabels: string[] = []): AttachedText {
  const mentions = readMentions(text, knownLabels);
  const scopes = analyzeScopes(text);
  // Whether each sentence speaks of all or each group: read once per sentence, not once per mention.
  const allMemo = new Map<number, boolean>();
  const speaksOfAll = (k: number) => {
    let v = allMemo.get(k);
    if (v === undefined) allMemo.set(k, (v = ALL_GROUPS.test(text.slice(scopes.sentences[k]![0], scopes.sentences[k]![1]))));
    return v;
  };
  const doseAmounts = mentions.amounts.filter((a) => isDoseAmount(a) || a.range !== null || a.alternatives !== null);
  const resolve = <T extends { start: number; end: number }>(m: T, peers: { start: number; end: number }[]): Attached<T> => {
    const g = groupFor(m, peers, mentions.groups, scopes);
    if (g) return { mention: m, groups: g.keys, via: "scope" };
    const topic = topicFor(text, m, mentions.groups, scopes, speaksOfAll);
    return topic ? { mention: m, groups: topic, via: "topic" } : { mention: m, groups: null, via: null };
  };
  return {
    text,
    mentions,
    scopes,
    amounts: mentions.amounts.map((a) => ({ ...resolve(a, doseAmounts), product: productFor(a, mentions.products, scopes, text) })),
    schedules: mentions.schedules.map((s) => ({
      ...(/\b(?:each|both|all)\b[^.;]{0,36}$/i.test(text.slice(Math.max(0, s.start - 40), s.start))
        ? { mention: s, groups: null, via: null }
        : resolve(s, [])),
      product: scheduleProductFor(s, mentions.products, scopes, text),
    })),
    products: mentions.products.map((p) => resolve(p, [])),
    sames: mentions.sames.map((s) => resolve(s, [])),
  };
}
