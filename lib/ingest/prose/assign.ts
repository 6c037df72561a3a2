import { isDoseAmount } from "./amounts";
import type { AttachedText } from "./attach";
import { matchArms, type ArmTable } from "./arm-table";
import { crossOverAt } from "./crossover";
import { earlierStudySpans, inSpans } from "./earlier";
import type { Malformed } from "./input";
import { emptyFacts, type Level, type LevelFacts } from "./levels";
import { amountKey } from "./words";

/** What one text gives the arms it concerns: plain data, merged into the arms' levels by the caller. */
export interface TextAssignment {
  /** By arm index: what the text says of that arm, at the text's level. */
  facts: Map<number, LevelFacts>;
  malformed: Malformed[];
  /** How an ambiguity was resolved (an arm's description naming another arm, read as its own). */
  notes: string[];
}

/**
 * Assignment: the mentions of one text (attach.ts) given to the arms they concern. A
 * mention attached to a group goes to the arms that group names; one that names no group
 * goes to the text's `owners` (the arm, the arms an intervention is linked to, every arm
 * for the trial's text), the cells to the arms that are not comparators, a placebo to the
 * arms that may take one. `ownText`: the text is one arm's own (or the only arm's): it names
 * other arms only when it describes several ("… while the control group …").
 */
export function assignText(table: ArmTable, at: AttachedText, level: Level, owners: number[], ownText: boolean): TextAssignment {
  const { arms, controlLike, hardControl, placeboLike, derived } = table;
  const match = (keys: string[]) => matchArms(table, keys);
  const facts = new Map<number, LevelFacts>();
  const of = (i: number) => {
    let f = facts.get(i);
    if (!f) facts.set(i, (f = emptyFacts()));
    return f;
  };
  const malformed: Malformed[] = [];
  const notes: string[] = [];
  const named = new Set(at.mentions.groups.flatMap((g) => match(g.keys)));
  const useGroups = !ownText || named.size >= 2;
  const specific = at.mentions.groups.some((g) => g.keys.some((k) => /^(?:id|label|level):/.test(k)) && match(g.keys).some((i) => !owners.includes(i)));
  if (ownText && level === "own" && specific && named.size === 1 && !named.has(owners[0]!) && at.text !== arms[owners[0]!]!.label) {
    notes.push(`arm "${arms[owners[0]!]!.label}": its description names "${arms[[...named][0]!]!.label}"; read as its own`);
  }
  // Amounts given to groups that are not arms ("low (…) or high (…) dose" in one arm): dose levels, not one dose …
  const toSubgroups = at.amounts.filter((a) => a.groups && match(a.groups).length === 0);
  // … unless every such group is given the same amount ("Groups 1 and 2 receive 5 x 10^7 cells once; groups 3 and 4 …").
  const subgroups = new Set(new Set(toSubgroups.map((a) => amountKey(a.mention))).size >= 2 ? toSubgroups.map((a) => a.groups!.join()) : []);
  const targets = (groups: string[] | null, via: string | null, product: "MSC" | "PLACEBO" | null): number[] => {
    if (groups && useGroups) {
      const hit = match(groups);
      if (hit.length) {
        if (via === "topic" && product === "MSC") return hit.filter((i) => !controlLike[i]);
        return hit;
      }
      if (!ownText && owners.length > 1) return [];
    }
    let out = owners;
    if (product === "MSC" && owners.length > 1) out = owners.filter((i) => !controlLike[i]);
    if (product === "PLACEBO" && owners.length > 1) out = owners.filter((i) => placeboLike[i]);
    return out;
  };

  // A comparator arm's own text: what follows its cross-over ("participants will then cross over to
  // receive 75 million MSCs") is given after the comparison, not this arm's treatment.
  const crossAt = ownText && level === "own" && owners.length === 1 && hardControl[owners[0]!] ? crossOverAt(at) : Infinity;
  // What an earlier study gave ("patients who received MSCs in the parent study"), or a cited one, is no one's dose here.
  const earlier = earlierStudySpans(at.text, at.scopes.sentences);
  const elsewhere = (pos: number) => pos >= crossAt || inSpans(earlier, pos);

  for (const a of at.amounts) {
    if (elsewhere(a.mention.start)) continue;
    if (a.mention.problem) {
      // Assigned like any amount: in an arm's own words or linked intervention, the arm it
      // falls to gets no amount from that text or a more general one.
      const holders = level === "trial" || derived ? [null] : targets(a.groups, a.via, "MSC");
      for (const arm of holders) {
        malformed.push({ arm, label: arm === null ? null : arms[arm]!.label, level: level === "own" ? "arm" : "intervention", text: a.mention.text, problem: a.mention.problem });
      }
      continue;
    }
    const p = a.product?.product ?? null;
    if (p === "OTHER" || p === "PLACEBO") continue; // not cells of an MSC product
    const doseLevel = subgroups.size >= 2 && a.groups && match(a.groups).length === 0;
    for (const i of targets(a.groups, a.via, "MSC")) {
      if (!ownText && hardControl[i]) continue;
      const f = of(i);
      const byName = !!a.groups && useGroups && match(a.groups).includes(i);
      if (isDoseAmount(a.mention) && !doseLevel) f.amounts.push({ m: a.mention, source: at.text, named: byName, at });
      else if (!a.mention.concentration) f.stated.push(a.mention);
      if (!f.sources.includes(at.text)) f.sources.push(at.text);
    }
  }
  for (const p of at.products) {
    if (p.mention.negated || elsewhere(p.mention.start)) continue;
    if (p.mention.product === "OTHER") {
      if (p.groups) for (const i of match(p.groups)) of(i).other = true;
      continue;
    }
    for (const i of targets(p.groups, p.via, p.mention.product)) {
      if (!ownText && hardControl[i] && p.mention.product === "MSC") continue;
      const f = of(i);
      if (p.mention.product === "MSC") (f.msc = true), f.mscWords.push(p.mention.text);
      else (f.placebo = true), f.placeboWords.push(p.mention.text);
    }
  }
  // Lettered or numbered groups the text names that are no arm of the record: sub-groups of its arm(s).
  const subIds = new Set(at.mentions.groups.flatMap((g) => g.keys).filter((k) => k.startsWith("id:") && match([k]).length === 0));
  for (const s of at.schedules) {
    if (elsewhere(s.mention.start)) continue;
    // "5 million MSCs, then conditioned medium 2 cc, twice": another product's schedule, not the cells'.
    if (s.product?.product === "OTHER") continue;
    // A schedule given to one of several sub-groups is that sub-group's, not the whole arm's.
    if (subIds.size >= 2 && s.groups && s.groups.some((k) => subIds.has(k)) && match(s.groups).length === 0) {
      for (const i of owners) of(i).subgroupSchedules.push(s.mention.text);
      continue;
    }
    const hit = s.groups && useGroups ? match(s.groups) : [];
    const to = hit.length ? hit : s.groups && useGroups && !ownText && owners.length > 1 ? [] : owners;
    for (const i of to) of(i).schedules.push(s.mention), of(i).scheduleTexts.push(at);
  }
  for (const s of at.sames) {
    for (const i of targets(s.groups, s.via, null)) of(i).sames.push({ what: s.mention.what, pos: s.mention.start, text: at, words: s.mention.text });
  }
  return { facts, malformed, notes };
}
