/**
 * The prose reader: the doses of each arm, read from its own words, the interventions linked
 * to it and the trial's text. Named stages, each a module:
 *
 *   1. mentions (attach.ts over amounts.ts, schedules.ts, products.ts, groups.ts, scopes.ts):
 *      a text's amounts, schedules, products and group names, each attached to a group by
 *      its smallest enclosing scope;
 *   2. assignment (assign.ts): each text's mentions given to the arms they concern, at the
 *      text's level: the arm's `own` words, its `linked` interventions, the `trial` text
 *      (what an earlier or cited study gave, earlier.ts, and what follows a comparator's
 *      cross-over, crossover.ts, is no arm's); a trial text's count of doses that are the arms'
 *      dose levels is dropped (level-counts.ts);
 *   3. choice (choose.ts): per arm, the most specific level that states an amount and a schedule;
 *   4. doses (dose.ts): the ParsedDose built from an amount and a schedule.
 *
 *   readArmsFromProse({
 *     arms: [{ label, type, description, interventions: [{ name, description }] }],
 *     trialText,      // the trial's free text (brief summary + detailed description), or ""
 *     knownLabels,    // optional: more names of groups the record defines
 *     unlinked,       // optional: interventions linked to no arm, [{ name, description }]
 *   }) → { arms: [{ label, type, derived, description?, doses, evidence, scheduleWords }], warnings, notes, groupCount, malformed }
 *
 * One arm per input arm, in the same order. With `arms: []` (a record that lists none), each
 * group the prose names becomes an arm (derive-arms.ts), typed from what it receives and
 * marked `derived`. A linked intervention that describes a group the registry lists no arm
 * for is read as an arm of its own. Where the arm's own text and a linked intervention
 * disagree, the arm's own is kept and a warning names both.
 */
import { attachText, type AttachedText } from "./attach";
import { armTable, matchArms, type ArmTable } from "./arm-table";
import { assignText } from "./assign";
import { chooseForArm } from "./choose";
import { readGroupCount } from "./design";
import { deriveArms } from "./derive-arms";
import { givenEarlierOnly } from "./earlier";
import { dropDoseLevelCounts } from "./level-counts";
import { armDoses } from "./dose";
import { groupKey } from "./groups";
import type { Malformed, ProseArm, ProseArmInput, ProseInput, ProseIntervention, ProseResult } from "./input";
import { emptyLevels, mergeFacts, type ArmLevels, type Level } from "./levels";
import { findProducts } from "./products";

export { findAmounts, type AmountMention } from "./amounts";
export { findSchedules, combineSchedules, type ScheduleMention } from "./schedules";
export { findProducts, type ProductMention } from "./products";
export { findGroups, groupKey, type GroupMention } from "./groups";
export { attachText, readMentions } from "./attach";
export { analyzeScopes } from "./scopes";
export * from "./design";
export { readRatioStages } from "./stages";
export { readStagedArms } from "./staged-arms";
export type { Malformed, ProseArm, ProseArmInput, ProseInput, ProseIntervention, ProseResult } from "./input";

export function readArmsFromProse(input: ProseInput): ProseResult {
  const warnings: string[] = [];
  const notes: string[] = [];
  const malformed: Malformed[] = [];
  const trialText = input.trialText ?? "";
  const derived = input.arms.length === 0;
  // An intervention whose text speaks of the cells only as given in an earlier study: its name gives nothing here.
  const unlinked = (input.unlinked ?? []).flatMap((iv) => [givenEarlierOnly(iv) ? "" : iv.name, iv.description ?? ""]).filter((t) => t.trim());
  const arms: ProseArmInput[] = derived ? deriveArms([...unlinked, trialText].join("\n\n"), input.knownLabels ?? []) : input.arms;
  const labels = [...arms.map((a) => a.label), ...(input.knownLabels ?? [])];
  const table = armTable(arms, derived);
  const cache = new Map<string, AttachedText>();
  const read = (t: string) => {
    let r = cache.get(t);
    if (!r) cache.set(t, (r = attachText(t, labels)));
    return r;
  };

  // 1–2: each text's mentions, assigned to the arms it concerns at its level.
  const levels: ArmLevels[] = arms.map(() => emptyLevels());
  const assign = (text: string, level: Level, owners: number[], ownText: boolean) => {
    if (!text.trim()) return;
    const got = assignText(table, read(text), level, owners, ownText);
    for (const [i, f] of got.facts) levels[i]![level] = mergeFacts(levels[i]![level], f);
    for (const m of got.malformed) if (!malformed.some((x) => x.arm === m.arm && x.text === m.text)) malformed.push(m);
    notes.push(...got.notes);
  };
  arms.forEach((arm, i) => {
    if (!derived) assign(arm.label, "own", [i], true);
    if (arm.description) assign(arm.description, "own", [i], true);
  });
  const orphans = readLinkedInterventions(table, read, assign, levels, notes);
  const single = derived && arms.length === 1 && arms[0]!.label === "MSC";
  const everyArm = arms.map((_, i) => i);
  for (const t of new Set(unlinked)) assign(t, derived ? "linked" : "trial", everyArm, derived ? everyArm.length === 1 : single);
  if (trialText) assign(trialText, "trial", everyArm, single);
  const doseLevels = dropDoseLevelCounts(levels);
  const titles = (input.titles ?? []).filter((t): t is string => !!t);

  // 3–4: per arm, the choice between its levels, then its doses.
  let out: ProseArm[] = arms.map((arm, i) => {
    const choice = chooseForArm(arm, levels[i]!, {
      derived, control: table.controlLike[i]!, unreadable: unreadableAt(malformed, i), others: levels.filter((_, j) => j !== i),
      texts: [arm.label, arm.description ?? "", ...(arm.interventions ?? []).flatMap((iv) => [iv.name, iv.description ?? ""]), ...unlinked, trialText, ...titles],
      doseLevels,
    }, warnings);
    const doses = armDoses(choice, arm.label);
    return {
      label: arm.label, type: choice.type, derived, ...(choice.description ? { description: choice.description } : {}),
      doses, evidence: [...choice.evidence, ...doses.map((d) => d.text)], scheduleWords: choice.perAmount ? null : choice.scheduleWords,
    };
  });
  if (derived) {
    // A dose level is an arm when the prose gives it its amount; one it only names ("enrollment
    // in the high dose group") with no amount of its own is not an arm.
    const level = arms.map((a) => groupKey(a.label).startsWith("level:"));
    const dosed = levels.map((f) => Object.values(f).some((lv) => lv.amounts.some((a) => a.named) || lv.stated.length > 0));
    out = out.filter((_, i) => !level[i] || dosed[i]);
    // The placebo arm beside the MSC groups ("placebo or one of two doses of MSCs") stands only
    // with an MSC arm: alone, it would show one arm of a trial whose MSC arms were not read.
    if (!out.some((a) => a.doses.some((d) => d.product === "MSC"))) out = out.filter((a) => !(a.label === "Placebo" && a.type === "PLACEBO_COMPARATOR"));
  }
  out.push(...orphanArms(orphans, warnings));

  if (derived) {
    const count = readGroupCount(trialText);
    if (count && count.value !== out.length) {
      warnings.push(`the prose announces ${count.value} groups ("${count.text}") but ${out.length} arms were read from it`);
    }
  }
  return { arms: out, warnings, notes, groupCount: readGroupCount(trialText)?.value ?? null, malformed };
}

type Orphan = { iv: ProseIntervention; warnings: string[] };

/**
 * Each linked intervention once (one linked to several arms is theirs together), assigned to
 * its arms; one whose text speaks only of another lettered group ("assigned to Group B",
 * linked to the arm "Group A", with no arm B) describes that group, not its arm: it is
 * returned to be read as an arm of its own.
 */
function readLinkedInterventions(
  table: ArmTable, read: (t: string) => AttachedText, assign: (text: string, level: Level, owners: number[], ownText: boolean) => void,
  levels: ArmLevels[], notes: string[],
): Orphan[] {
  const { arms, derived } = table;
  const sharers = new Map<string, number[]>();
  arms.forEach((a, i) => (a.interventions ?? []).forEach((iv) => {
    const k = `${iv.name}\u0000${iv.description ?? ""}`;
    sharers.set(k, [...(sharers.get(k) ?? []), i]);
  }));
  const otherGroup = (text: string, owners: number[]): { group: string; stated: string } | null => {
    if (derived) return null;
    const at = read(text);
    const ids = at.mentions.groups.flatMap((g) => g.keys).filter((k) => k.startsWith("id:"));
    const ownIds = owners.flatMap((i) => [...table.keys[i]!].filter((k) => k.startsWith("id:")));
    if (!ids.length || !ownIds.length || ids.some((k) => ownIds.includes(k)) || matchArms(table, ids).length > 0) return null;
    const stated = [...new Set(at.amounts.filter((a) => a.mention.value !== null || a.mention.range).map((a) => `"${a.mention.text}"`))];
    return { group: at.mentions.groups.find((g) => g.keys.some((k) => k.startsWith("id:")))!.text, stated: stated.length ? ` (${stated.join(", ")})` : "" };
  };
  const seen = new Set<string>();
  const orphans: Orphan[] = [];
  arms.forEach((arm) => (arm.interventions ?? []).forEach((iv) => {
    const k = `${iv.name}\u0000${iv.description ?? ""}`;
    if (seen.has(k)) return;
    seen.add(k);
    let owners = sharers.get(k)!;
    // An MSC intervention shared by several arms: an arm whose own label and description tell its
    // treatment without any MSC, while another sharer's own words name the MSCs, does not get it.
    if (owners.length > 1 && namesCells(iv)) {
      const saysMsc = (i: number) => levels[i]!.own.msc || levels[i]!.own.amounts.length > 0 || levels[i]!.own.stated.length > 0;
      const without = owners.filter((i) => !saysMsc(i) && !!arms[i]!.description?.trim() && !levels[i]!.own.placebo);
      if (without.length && owners.some(saysMsc)) {
        for (const i of without) notes.push(`arm "${arms[i]!.label}": its own words give no MSCs, so the MSC intervention "${iv.name}" it shares with other arms is not read as its own`);
        owners = owners.filter((i) => !without.includes(i));
      }
    }
    const other = iv.description ? otherGroup(iv.description, owners) : null;
    if (other) {
      orphans.push({ iv, warnings: owners.map((i) => `arm "${arms[i]!.label}": its linked intervention "${iv.name}" describes ${other.group}, not this arm${other.stated}`) });
      return;
    }
    if (!givenEarlierOnly(iv)) assign(iv.name, "linked", owners, owners.length === 1);
    // "Drug: Entecavir" / "0.5 mg orally once daily": another treatment's text says nothing of the cells.
    if (iv.description && !(namesOnlyOther(iv.name) && !namesCellsOrPlacebo(iv.description))) {
      assign(iv.description, "linked", owners, owners.length === 1);
    }
  }));
  return orphans;
}

/**
 * An intervention that describes a group the registry lists no arm for ("Group 1: … assigned
 * to Group B … (2×105/Kg, once a week, 4 times)", linked to the arm "Group A") is read on its
 * own, and becomes a derived arm named after it when it gives MSC cells; the warning names
 * what happened either way, so the dose is neither given to the wrong arm nor lost.
 */
function orphanArms(orphans: Orphan[], warnings: string[]): ProseArm[] {
  if (!orphans.length) return [];
  const read = readArmsFromProse({ arms: orphans.map(({ iv }) => ({ label: iv.name, type: null, description: iv.description })) });
  warnings.push(...read.warnings);
  return orphans.flatMap(({ iv, warnings: own }, k) => {
    const arm = read.arms[k]!;
    const cells = arm.doses.some((d) => d.product === "MSC");
    warnings.push(...own.map((w) => `${w}; ${cells ? `read as an arm of its own, "${iv.name}", which the registry does not list` : "it is not read as this arm's"}`));
    return cells ? [{ ...arm, type: "EXPERIMENTAL" as const, derived: true, description: iv.description ?? undefined }] : [];
  });
}

const namesOnlyOther = (text: string) => {
  const p = findProducts(text).filter((x) => !x.negated);
  return p.length > 0 && p.every((x) => x.product === "OTHER");
};
const namesCells = (iv: ProseIntervention) => findProducts(`${iv.name}\n${iv.description ?? ""}`).some((x) => !x.negated && x.product === "MSC");
const namesCellsOrPlacebo = (text: string) => findProducts(text).some((x) => !x.negated && x.product !== "OTHER");

/** The most specific text of arm `i` that states a number that cannot be read, if any. */
function unreadableAt(malformed: Malformed[], i: number): "arm" | "intervention" | null {
  const mine = malformed.filter((m) => m.arm === i);
  return mine.some((m) => m.level === "arm") ? "arm" : mine.length ? "intervention" : null;
}

/** A warning per power of ten the reader could not read, naming the arm it concerns. */
export function malformedWarnings(result: Pick<ProseResult, "malformed">): string[] {
  return result.malformed.map((m) => m.label === null
    ? `cannot read the number "${m.text}" in the description: ${m.problem}`
    : `arm "${m.label}": cannot read the number "${m.text}" in ${m.level === "arm" ? "its own words" : "a linked intervention"}: ${m.problem}; no amount is read for this arm from it or a more general text`);
}
