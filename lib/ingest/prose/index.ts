/**
 * The prose reader: mentions, then attachment.
 *
 * Entry point, for every layout and for a ClinicalTrials.gov JSON importer:
 *
 *   readArmsFromProse({
 *     arms: [{ label, type, description, interventions: [{ name, description }] }],
 *     trialText,      // the trial's free text (brief summary + detailed description), or ""
 *     knownLabels,    // optional: more names of groups the record defines
 *     unlinked,       // optional: interventions linked to no arm, [{ name, description }]
 *   }) → { arms: [{ label, type, derived, description?, doses, evidence, scheduleWords }], warnings, notes, groupCount }
 *
 * - `arms` are the structured arms in the record's order, each with the interventions the
 *   record links to it (an intervention linked to several arms is listed under each; the
 *   reader recognises it by name and text). Pass `arms: []` when the record has no arm
 *   list: each group the prose names then becomes an arm, typed from what it receives and
 *   marked `derived: true`.
 * - The result has one arm per input arm, in the same order (same label and type), with
 *   `doses` in the intermediate record's shape (`ParsedDose`, lib/ingest/parsed-record.ts):
 *   a layout sets `arm.doses = result.arms[i].doses` and appends `warnings` to the record's.
 *   `evidence` holds the source words the doses were read from.
 *
 * How: each text (the arm's own description, each linked intervention, the trial text) is
 * read into mentions with spans (amounts.ts, schedules.ts, products.ts, groups.ts); each
 * amount, schedule and product is attached to a group by the smallest enclosing scope
 * (attach.ts, scopes.ts). For each arm the most specific text that says something wins:
 * the arm's own description, then its linked interventions, then the trial text. Where the
 * arm's own text and a linked intervention disagree, the arm's own is kept and a warning
 * names both. A schedule stated once for the whole trial applies to every arm without one.
 */
import type { ArmType } from "../../record/vocabulary";
import type { ParsedDose } from "../parsed-record";
import { isDoseAmount, notADose, type AmountMention } from "./amounts";
import { attachText, readGroupsAndProducts, type AttachedText } from "./attach";
import { findProducts as findProductsIn } from "./products";
import { readGroupCount } from "./design";
import { groupKey, idKey } from "./groups";
import { analyzeScopes, enclosing, sentenceAt } from "./scopes";
import { earlierStudySpans, inSpans } from "./earlier";
import { combineSchedules, type CombinedSchedule, type ScheduleMention } from "./schedules";

export { findAmounts, type AmountMention } from "./amounts";
export { findSchedules, combineSchedules, type ScheduleMention } from "./schedules";
export { findProducts, type ProductMention } from "./products";
export { findGroups, groupKey, type GroupMention } from "./groups";
export { attachText, readMentions } from "./attach";
export { analyzeScopes } from "./scopes";
export * from "./design";
export { readRatioStages, readStagedArms } from "./stages";

export interface ProseIntervention {
  name: string;
  description: string | null;
}
export interface ProseArmInput {
  label: string;
  type: ArmType | null;
  description: string | null;
  interventions?: ProseIntervention[];
}
export interface ProseInput {
  arms: ProseArmInput[];
  trialText?: string | null;
  knownLabels?: string[];
  /** Interventions the record links to no arm. With arms, they are read like the trial text;
   *  without, they are the derived arms' interventions (more specific than the trial text). */
  unlinked?: ProseIntervention[];
}
export interface ProseArm {
  label: string;
  type: ArmType | null;
  /** True for an arm read from prose because the record lists none. */
  derived: boolean;
  /** A derived arm's words: from the group's name to its amount ("low (1 x 10^6 cells/kg)"). */
  description?: string;
  doses: ParsedDose[];
  /** The source words the doses were read from. */
  evidence: string[];
  /** The words of the arm's schedule (one for all its doses), if it has one. */
  scheduleWords: string | null;
}
export interface ProseResult {
  arms: ProseArm[];
  /** Conflicts and doses that could not be read: shown with the record. */
  warnings: string[];
  /** How an ambiguity was resolved (an arm's description naming another arm, read as its own). */
  notes: string[];
  /** Groups the prose announces ("150 participants in 3 patient groups"), if it does. */
  groupCount: number | null;
  /**
   * Powers of ten that cannot be read ("4*10^", "10^999"), in the order of the arms whose
   * own text or linked intervention holds them (`arm` null: the trial text). A layout with
   * structured arms refuses the file, naming the arm; a prose layout warns.
   */
  malformed: { arm: number | null; text: string; problem: string }[];
}

type Level = "arm" | "intervention" | "trial";
interface Facts {
  level: Level;
  sources: string[];
  /** `named`: attached to this arm by a group it names (not only because it owns the text). */
  amounts: { m: AmountMention; source: string; named: boolean; at: AttachedText }[];
  stated: AmountMention[]; // ranges, lists, concentrations: a dose was stated but is not one number
  schedules: ScheduleMention[];
  /** The text each schedule was read from (same order as `schedules`). */
  scheduleTexts: AttachedText[];
  msc: boolean;
  placebo: boolean;
  mscWords: string[];
  /** A non-MSC treatment (a drug, plasma exchange, other cells) is given. */
  other: boolean;
  placeboWords: string[];
  sames: { what: "amount" | "schedule" | "both"; pos: number; text: AttachedText; words: string }[];
  /** Schedules a text gives to sub-groups of the arm ("Group A: … on D0 and D2; Group B: …"): no one schedule is the arm's. */
  subgroupSchedules: string[];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The keys an arm answers to: its label's key, "group A" inside it, its level, its role. */
function armKeys(arm: ProseArmInput, experimentalCount: number): Set<string> {
  const keys = new Set<string>([groupKey(arm.label)]);
  const id = /\b(?:group|arm|cohort)\s{0,1}([A-Z]|\d{1,2}|I{1,3}|IV)\b(?![-\d])/i.exec(arm.label) ?? /^\s{0,2}([A-Z]|\d{1,2}|I{1,3}|IV)\s{0,2}$/.exec(arm.label);
  if (id) keys.add(idKey(/^[a-z]$/.test(id[1]!) ? id[1]!.toUpperCase() : id[1]!));
  const level = /\b(low|lower|medium|middle|mid|intermediate|moderate|high|higher)[\s-]{0,2}dose/i.exec(arm.label);
  if (level) keys.add(groupKey(`${level[1]} dose`));
  const label = arm.label.toLowerCase();
  if (arm.type === "PLACEBO_COMPARATOR" || arm.type === "SHAM_COMPARATOR" || /placebo|sham/.test(label)) keys.add("placebo").add("control");
  if (arm.type === "NO_INTERVENTION" || /\bcontrol\b/.test(label)) keys.add("control");
  if (arm.type === "ACTIVE_COMPARATOR" && !/msc|stem|mesenchymal/i.test(label)) keys.add("control");
  if (arm.type === "EXPERIMENTAL" && experimentalCount === 1) keys.add("experimental").add("msc");
  if (/msc|stem cell|mesenchymal/i.test(label) && !keys.has("control")) keys.add("msc");
  return keys;
}

function emptyFacts(level: Level): Facts {
  return { level, sources: [], amounts: [], stated: [], schedules: [], scheduleTexts: [], msc: false, placebo: false, other: false, mscWords: [], placeboWords: [], sames: [], subgroupSchedules: [] };
}

const amountKey = (m: AmountMention) => `${m.perKg ? "kg" : "flat"}:${m.value}`;

function scheduleSig(s: CombinedSchedule | null): string {
  return s ? `${s.infusions ?? "?"}@${s.dayOffsets?.join(",") ?? "?"}` : "";
}

export function readArmsFromProse(input: ProseInput): ProseResult {
  const warnings: string[] = [];
  const notes: string[] = [];
  const malformed: ProseResult["malformed"] = [];
  const trialText = input.trialText ?? "";
  const derived = input.arms.length === 0;
  const unlinked = (input.unlinked ?? []).flatMap((iv) => [givenEarlierOnly(iv) ? "" : iv.name, iv.description ?? ""]).filter((t) => t.trim());
  const arms: ProseArmInput[] = derived ? deriveArms([...unlinked, trialText].join("\n\n"), input.knownLabels ?? []) : input.arms;
  const labels = [...arms.map((a) => a.label), ...(input.knownLabels ?? [])];
  const experimentalCount = arms.filter((a) => a.type === "EXPERIMENTAL").length;
  const keys = arms.map((a) => armKeys(a, experimentalCount));
  const cache = new Map<string, AttachedText>();
  const read = (t: string) => {
    let r = cache.get(t);
    if (!r) cache.set(t, (r = attachText(t, labels)));
    return r;
  };
  const single = derived && arms.length === 1 && arms[0]!.label === "MSC";
  const matchArms = (groupKeys: string[]) => arms.map((_, i) => i).filter((i) => groupKeys.some((k) => keys[i]!.has(k)));
  const controlLike = arms.map((a, i) =>
    a.type === "PLACEBO_COMPARATOR" || a.type === "SHAM_COMPARATOR" || a.type === "NO_INTERVENTION" ||
    (keys[i]!.has("control") && !keys[i]!.has("msc")));
  const hardControl = arms.map((a) => a.type === "PLACEBO_COMPARATOR" || a.type === "SHAM_COMPARATOR" || a.type === "NO_INTERVENTION");
  const placeboLike = arms.map((a, i) => keys[i]!.has("placebo") || /placebo|saline|sham/i.test(a.description ?? ""));

  // Interventions shared by several arms: the same name and text under each.
  const sharers = new Map<string, number[]>();
  arms.forEach((a, i) => (a.interventions ?? []).forEach((iv) => {
    const k = `${iv.name}\u0000${iv.description ?? ""}`;
    sharers.set(k, [...(sharers.get(k) ?? []), i]);
  }));

  const facts: Facts[][] = arms.map(() => [emptyFacts("arm"), emptyFacts("intervention"), emptyFacts("trial")]);

  /** Distributes what one text says to the arms it concerns. `owners`: who gets what names no group. */
  const distribute = (text: string, level: Level, owners: number[], ownText: boolean) => {
    if (!text.trim()) return;
    const at = read(text);
    const li = level === "arm" ? 0 : level === "intervention" ? 1 : 2;
    const named = new Set(at.mentions.groups.flatMap((g) => matchArms(g.keys)));
    // An arm's own text names other arms only when it describes several ("… while the control group …").
    const useGroups = !ownText || named.size >= 2;
    const specific = at.mentions.groups.some((g) => g.keys.some((k) => /^(?:id|label|level):/.test(k)) && matchArms(g.keys).some((i) => !owners.includes(i)));
    if (ownText && level === "arm" && specific && named.size === 1 && !named.has(owners[0]!) && text !== arms[owners[0]!]!.label) {
      notes.push(`arm "${arms[owners[0]!]!.label}": its description names "${arms[[...named][0]!]!.label}"; read as its own`);
    }
    // Amounts given to groups that are not arms ("low (…) or high (…) dose" in one arm): dose levels, not one dose.
    const toSubgroups = at.amounts.filter((a) => a.groups && matchArms(a.groups).length === 0);
    // … unless every such group is given the same amount ("Groups 1 and 2 receive 5 x 10^7 cells once; groups 3 and 4 …").
    const subgroups = new Set(new Set(toSubgroups.map((a) => amountKey(a.mention))).size >= 2 ? toSubgroups.map((a) => a.groups!.join()) : []);
    const targets = (groups: string[] | null, via: string | null, product: "MSC" | "PLACEBO" | null): number[] => {
      if (groups && useGroups) {
        const hit = matchArms(groups);
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
    const crossAt = ownText && level === "arm" && owners.length === 1 && hardControl[owners[0]!] ? crossOverAt(at) : Infinity;
    // What an earlier study gave ("patients who received MSCs in the parent study") is no one's dose here.
    const earlier = earlierStudySpans(at.text, at.scopes.sentences);
    for (const a of at.amounts) {
      if (a.mention.start >= crossAt || inSpans(earlier, a.mention.start)) continue;
      if (a.mention.problem) {
        const arm = li === 2 ? null : owners[0]!;
        if (!malformed.some((x) => x.arm === arm && x.text === a.mention.text)) malformed.push({ arm, text: a.mention.text, problem: a.mention.problem });
        continue;
      }
      const p = a.product?.product ?? null;
      if (p === "OTHER" || p === "PLACEBO") continue; // not cells of an MSC product
      const level = subgroups.size >= 2 && a.groups && matchArms(a.groups).length === 0;
      for (const i of targets(a.groups, a.via, "MSC")) {
        if (!ownText && hardControl[i]) continue;
        const f = facts[i]![li]!;
        const named = !!a.groups && useGroups && matchArms(a.groups).includes(i);
        if (isDoseAmount(a.mention) && !level) f.amounts.push({ m: a.mention, source: text, named, at });
        else if (!a.mention.concentration) f.stated.push(a.mention);
        if (!f.sources.includes(text)) f.sources.push(text);
      }
    }
    for (const p of at.products) {
      if (p.mention.negated || p.mention.start >= crossAt || inSpans(earlier, p.mention.start)) continue;
      if (p.mention.product === "OTHER") {
        if (p.groups) for (const i of matchArms(p.groups)) facts[i]![li]!.other = true;
        continue;
      }
      for (const i of targets(p.groups, p.via, p.mention.product)) {
        if (!ownText && hardControl[i] && p.mention.product === "MSC") continue;
        const f = facts[i]![li]!;
        if (p.mention.product === "MSC") (f.msc = true), f.mscWords.push(p.mention.text);
        else (f.placebo = true), f.placeboWords.push(p.mention.text);
      }
    }
    // Lettered or numbered groups the text names that are no arm of the record: sub-groups of its arm(s).
    const subIds = new Set(at.mentions.groups.flatMap((g) => g.keys).filter((k) => k.startsWith("id:") && matchArms([k]).length === 0));
    for (const s of at.schedules) {
      if (s.mention.start >= crossAt || inSpans(earlier, s.mention.start)) continue;
      // "5 million MSCs, then conditioned medium 2 cc, twice": another product's schedule, not the cells'.
      if (s.product?.product === "OTHER") continue;
      // A schedule given to one of several sub-groups is that sub-group's, not the whole arm's.
      if (subIds.size >= 2 && s.groups && s.groups.some((k) => subIds.has(k)) && matchArms(s.groups).length === 0) {
        for (const i of owners) facts[i]![li]!.subgroupSchedules.push(s.mention.text);
        continue;
      }
      const hit = s.groups && useGroups ? matchArms(s.groups) : [];
      const to = hit.length ? hit : s.groups && useGroups && !ownText && owners.length > 1 ? [] : owners;
      for (const i of to) facts[i]![li]!.schedules.push(s.mention), facts[i]![li]!.scheduleTexts.push(at);
    }
    for (const s of at.sames) {
      for (const i of targets(s.groups, s.via, null)) facts[i]![li]!.sames.push({ what: s.mention.what, pos: s.mention.start, text: at, words: s.mention.text });
    }
  };

  arms.forEach((arm, i) => {
    if (!derived) distribute(arm.label, "arm", [i], true);
    if (arm.description) distribute(arm.description, "arm", [i], true);
  });
  /**
   * A linked intervention whose text speaks only of another lettered group ("assigned to
   * Group B", linked to the arm "Group A", with no arm B) describes that group, not its arm.
   */
  const otherGroup = (text: string, owners: number[]): { group: string; stated: string } | null => {
    if (derived) return null;
    const at = read(text);
    const ids = at.mentions.groups.flatMap((g) => g.keys).filter((k) => k.startsWith("id:"));
    const ownIds = owners.flatMap((i) => [...keys[i]!].filter((k) => k.startsWith("id:")));
    if (!ids.length || !ownIds.length || ids.some((k) => ownIds.includes(k)) || matchArms(ids).length > 0) return null;
    const stated = [...new Set(at.amounts.filter((a) => a.mention.value !== null || a.mention.range).map((a) => `"${a.mention.text}"`))];
    return { group: at.mentions.groups.find((g) => g.keys.some((k) => k.startsWith("id:")))!.text, stated: stated.length ? ` (${stated.join(", ")})` : "" };
  };
  const seen = new Set<string>();
  /** Interventions that describe a group the registry lists no arm for: read as arms of their own. */
  const orphans: { iv: ProseIntervention; warnings: string[] }[] = [];
  arms.forEach((arm) => (arm.interventions ?? []).forEach((iv) => {
    const k = `${iv.name}\u0000${iv.description ?? ""}`;
    if (seen.has(k)) return;
    seen.add(k);
    let owners = sharers.get(k)!;
    // An MSC intervention shared by several arms: an arm whose own label and description tell its
    // treatment without any MSC, while another sharer's own words name the MSCs, does not get it.
    if (owners.length > 1 && namesCells(iv)) {
      const saysMsc = (i: number) => facts[i]![0]!.msc || facts[i]![0]!.amounts.length > 0 || facts[i]![0]!.stated.length > 0;
      const without = owners.filter((i) => !saysMsc(i) && !!arms[i]!.description?.trim() && !facts[i]![0]!.placebo);
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
    // An intervention whose text says the cells were given in an earlier study: its name gives nothing here.
    if (!givenEarlierOnly(iv)) distribute(iv.name, "intervention", owners, owners.length === 1);
    // "Drug: Entecavir" / "0.5 mg orally once daily": another treatment's text says nothing of the cells.
    if (iv.description && !(namesOnlyOther(iv.name) && !namesCellsOrPlacebo(iv.description))) {
      distribute(iv.description, "intervention", owners, owners.length === 1);
    }
  }));
  const everyArm = arms.map((_, i) => i);
  for (const t of new Set(unlinked)) distribute(t, derived ? "intervention" : "trial", everyArm, derived ? everyArm.length === 1 : single);
  if (trialText) distribute(trialText, "trial", everyArm, single);

  // "the administration of 3 doses of MSCs" in the trial text of a record with three arms of three
  // different amounts, and nothing saying when: the doses are the arms' dose levels, not a number
  // of administrations.
  const levelKeys = new Set(facts.flatMap(([own, linked]) => {
    const ks = new Set([...own!.amounts, ...linked!.amounts].map((a) => a.m.value));
    return ks.size === 1 ? [...ks] : [];
  }));
  if (levelKeys.size >= 2) {
    for (const f of facts) {
      const t = f[2]!;
      // Only a bare count: doses stated with an interval or days next to them are administrations.
      const near = (j: number) => t.schedules.some((o, k) => k !== j && o.kind !== "count" && t.scheduleTexts[k] === t.scheduleTexts[j] &&
        Math.max(o.start - t.schedules[j]!.end, t.schedules[j]!.start - o.end) <= 120);
      const keep = t.schedules.map((m, j) => !(m.kind === "count" && m.count === levelKeys.size && /\bdos(?:e|es|ages?)\b/i.test(m.text) && !near(j)));
      if (keep.every(Boolean)) continue;
      t.schedules = t.schedules.filter((_, j) => keep[j]);
      t.scheduleTexts = t.scheduleTexts.filter((_, j) => keep[j]);
    }
  }

  // A schedule stated once for the trial or a shared text (no group) applies to every arm without one.
  let out: ProseArm[] = arms.map((arm, i) => buildArm(arm, i, facts[i]!, controlLike[i]!, derived, warnings, facts));
  if (derived) {
    // A dose level is an arm when the prose gives it its amount; one it only names ("enrollment
    // in the high dose group") with no amount of its own is not an arm.
    const level = arms.map((a) => groupKey(a.label).startsWith("level:"));
    const dosed = facts.map((f) => f.some((lv) => lv.amounts.some((a) => a.named) || lv.stated.length > 0));
    out = out.filter((_, i) => !level[i] || dosed[i]);
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

/**
 * An intervention that describes a group the registry lists no arm for ("Group 1: … assigned
 * to Group B … (2×105/Kg, once a week, 4 times)", linked to the arm "Group A") is read on its
 * own, and becomes a derived arm named after it when it gives MSC cells; the warning names
 * what happened either way, so the dose is neither given to the wrong arm nor lost.
 */
function orphanArms(orphans: { iv: ProseIntervention; warnings: string[] }[], warnings: string[]): ProseArm[] {
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

/** Where the sentence that first speaks of crossing over starts (Infinity: none does). */
function crossOverAt(at: AttachedText): number {
  const m = /\bcross(?:es|ed|ing)?[\s-]{0,2}over\b|\bcrossover\b/i.exec(at.text);
  if (!m) return Infinity;
  const k = sentenceAt(at.scopes.sentences, m.index);
  return k >= 0 ? at.scopes.sentences[k]![0] : m.index;
}

const namesOnlyOther = (text: string) => {
  const p = findProductsIn(text).filter((x) => !x.negated);
  return p.length > 0 && p.every((x) => x.product === "OTHER");
};
/** The intervention's text speaks of the cells only as given in an earlier study. */
function givenEarlierOnly(iv: ProseIntervention): boolean {
  const text = iv.description ?? "";
  const earlier = earlierStudySpans(text, analyzeScopes(text).sentences);
  return earlier.length > 0 && findProductsIn(text).every((p) => p.negated || p.product !== "MSC" || inSpans(earlier, p.start));
}

const namesCells = (iv: ProseIntervention) => findProductsIn(`${iv.name}\n${iv.description ?? ""}`).some((x) => !x.negated && x.product === "MSC");
const namesCellsOrPlacebo = (text: string) => findProductsIn(text).some((x) => !x.negated && x.product !== "OTHER");

function buildArm(arm: ProseArmInput, i: number, f: Facts[], control: boolean, derived: boolean, warnings: string[], all: Facts[][]): ProseArm {
  const [own, linked, trial] = f as [Facts, Facts, Facts];
  const evidence: string[] = [];
  const noIntervention = arm.type === "NO_INTERVENTION";
  let msc = !noIntervention && (own.msc || linked.msc || own.amounts.length > 0 || linked.amounts.length > 0 ||
    (derived && (trial.msc || trial.amounts.length > 0)) ||
    (!control && arm.type === "EXPERIMENTAL" && (own.stated.length > 0 || linked.stated.length > 0)) ||
    // "Low dose (total of 600 million cells)": cells the arm's own words give, though not as one dose
    (arm.type !== "PLACEBO_COMPARATOR" && arm.type !== "SHAM_COMPARATOR" && own.stated.some((s) => s.total || s.ceiling || s.per)));
  let placebo = !msc && !noIntervention && (own.placebo || linked.placebo || (derived && trial.placebo) ||
    arm.type === "PLACEBO_COMPARATOR" && (trial.placebo || own.schedules.length + linked.schedules.length > 0));

  // Amounts: the most specific level that states one.
  type Found = Facts["amounts"][number];
  // A dose stated for this arm by name wins over amounts its text states for no group.
  const distinct = (all: Found[]) => {
    const xs = all.some((x) => x.named) ? all.filter((x) => x.named) : all;
    const m = new Map<string, Found>();
    for (const x of xs) if (!m.has(amountKey(x.m))) m.set(amountKey(x.m), x);
    return [...m.values()];
  };
  // "1 million of MSC" (the label) and "1 million of MSC/kg" (its description): one number, its unit said once.
  const perKgValues = new Set([...own.amounts, ...linked.amounts].filter((x) => x.m.perKg).map((x) => x.m.value));
  const unitOnce = (xs: Found[]) => xs.filter((x) => x.m.perKg || !perKgValues.has(x.m.value));
  const ownAmounts = distinct(unitOnce(own.amounts));
  const linkedAmounts = distinct(unitOnce(linked.amounts));
  const trialAmounts = distinct(trial.amounts);
  let amounts: Found[] = ownAmounts.length ? ownAmounts : linkedAmounts.length ? linkedAmounts : own.stated.length || linked.stated.length ? [] : trialAmounts.length === 1 || derived ? trialAmounts : [];
  if (ownAmounts.length && linkedAmounts.length && ownAmounts.map((a) => amountKey(a.m)).sort().join() !== linkedAmounts.map((a) => amountKey(a.m)).sort().join()) {
    warnings.push(`arm "${arm.label}": its description states ${ownAmounts.map((a) => `"${a.m.text}"`).join(", ")} but a linked intervention states ${linkedAmounts.map((a) => `"${a.m.text}"`).join(", ")}; the arm's own is kept`);
  }
  if (amounts.length > 1 && new Set(amounts.map((a) => a.source)).size > 1) {
    warnings.push(`arm "${arm.label}": different texts state different doses (${amounts.map((a) => `"${a.m.text}"`).join(", ")}); none is kept`);
    amounts = [];
  }
  // "0.5, 1.0, or 1.5 million cells/kg" in one text, "1.5 million cells per kg" in another: one of the levels, not the arm's dose.
  const levelValues = new Set([...own.stated, ...linked.stated].flatMap((s) => s.alternatives ?? []));
  if (amounts.length && amounts.every((a) => levelValues.has(a.m.value!))) {
    warnings.push(`arm "${arm.label}": ${amounts.map((a) => `"${a.m.text}"`).join(", ")} is one of the dose levels it states; none is kept`);
    amounts = [];
  }
  const stated = [...own.stated, ...(ownAmounts.length ? [] : linked.stated)];
  if (msc && amounts.length === 0 && stated.length) {
    // Why, for the kinds the words alone do not show (a count per vial, a total, a maximum).
    const why = (s: AmountMention) => (s.per || s.total || s.ceiling || s.floor ? ` (${notADose(s)})` : "");
    warnings.push(`arm "${arm.label}": the dose is stated as ${[...new Set(stated.map((s) => `"${s.text}"${why(s)}`))].join(", ")}, not as one amount`);
    evidence.push(...stated.map((s) => s.text));
  }

  // Schedule: the arm's own, else its interventions', else the trial's.
  const ownS = combineSchedules(own.schedules);
  const linkedS = combineSchedules(linked.schedules);
  const trialS = combineSchedules(trial.schedules);
  const says = (s: CombinedSchedule | null) => !!s && (s.infusions !== null || s.dayOffsets !== null);
  // Sub-groups of this arm with their own schedules: the trial's one schedule is not this arm's either.
  const split = [...own.subgroupSchedules, ...(says(ownS) ? [] : linked.subgroupSchedules)];
  let schedule = says(ownS) ? ownS : says(linkedS) ? linkedS : says(trialS) && !split.length ? trialS : null;
  if (split.length && !says(ownS) && !says(linkedS) && msc) {
    warnings.push(`arm "${arm.label}": its groups have schedules of their own (${[...new Set(split)].map((w) => `"${w}"`).join(", ")}); no one schedule is the arm's`);
  }
  // The same number of administrations, days stated in only one text: one schedule, told more fully there.
  if (says(ownS) && says(linkedS) && ownS!.infusions !== null && ownS!.infusions === linkedS!.infusions && !ownS!.dayOffsets && linkedS!.dayOffsets) {
    schedule = linkedS;
  } else if (says(ownS) && says(linkedS) && scheduleSig(ownS) !== scheduleSig(linkedS) &&
    !(ownS!.infusions !== null && ownS!.infusions === linkedS!.infusions && ownS!.dayOffsets && !linkedS!.dayOffsets)) {
    warnings.push(`arm "${arm.label}": its description gives the schedule "${ownS!.text}" but a linked intervention gives "${linkedS!.text}"; the arm's own is kept`);
  }
  for (const s of [ownS, linkedS]) if (s?.conflict) warnings.push(`arm "${arm.label}": ${s.conflict}`);
  // "up to 10 doses" in any of the arm's texts: the number given is not stated, whatever another text counts.
  const ceiling = [...own.schedules, ...linked.schedules].find((s) => s.kind === "count" && s.ceiling);
  if (ceiling && schedule && (schedule.infusions !== null || schedule.dayOffsets !== null)) {
    warnings.push(`arm "${arm.label}": "${ceiling.text}" is a maximum, not the number of administrations given`);
    schedule = { ...schedule, infusions: null, dayOffsets: null };
  }

  // "the same dose", "at the same time points": inherit from the regimen stated before.
  for (const same of [...own.sames, ...linked.sames, ...(derived ? trial.sames : [])]) {
    if ((same.what === "amount" || same.what === "both") && amounts.length === 0) {
      const before = same.text.amounts.filter((a) => a.mention.end <= same.pos && isDoseAmount(a.mention) && a.product?.product !== "PLACEBO");
      const last = before[before.length - 1];
      if (last && !noIntervention && !(own.placebo || linked.placebo)) {
        amounts = [{ m: last.mention, source: same.text.text, named: false, at: same.text }];
        evidence.push(same.words);
        msc = true;
      }
    }
    if ((same.what === "schedule" || same.what === "both") && (!schedule || !says(schedule) || hasMoreOnly(f))) {
      const donor = all.find((other, j) => j !== i && other.some((lv) => lv.schedules.length && lv.sources.concat([same.text.text]).includes(same.text.text)));
      const donorS = donor ? combineSchedules(donor[0]!.schedules.length ? donor[0]!.schedules : donor[1]!.schedules.length ? donor[1]!.schedules : donor[2]!.schedules) : null;
      if (donorS && says(donorS)) (schedule = donorS), evidence.push(same.words);
    }
  }
  // "the same dose twice more": the earlier regimen's count plus the new ones
  if (schedule && schedule.infusions === null) schedule = null;

  const doses: ParsedDose[] = [];
  const schedText = schedule && says(schedule) ? sourceWords(schedule, f) : null;
  // Several amounts (by two routes, say), each with its own schedule in its own smallest scope.
  const perAmount = amounts.length > 1 ? amounts.map((a) => scheduleOfAmount(a.m, [own, linked, trial])) : [];
  const ownSchedules = perAmount.length > 0 && perAmount.every((s) => s !== null) && new Set(perAmount.map(scheduleSig)).size > 1;
  // Several amounts in one arm with one (or no) schedule: dose levels or cohorts of the arm
  // ("the first three patients 1 million cells/kg, the next three 3 million …"), not several doses of one regimen.
  if (amounts.length > 1 && !ownSchedules) {
    warnings.push(`arm "${arm.label}": it states several amounts (${amounts.map((a) => `"${a.m.text}"`).join(", ")}) with no schedule of their own: dose levels, none is kept`);
    evidence.push(...amounts.map((a) => a.m.text));
    amounts = [];
  }
  if (msc) {
    const base = amounts.length ? amounts : [null];
    base.forEach((a, k) => {
      const s = ownSchedules ? perAmount[k]! : schedule;
      const sText = ownSchedules ? sourceWords(perAmount[k]!, f) : schedText;
      const text = [a?.m.text ?? null, sText].filter(Boolean).join(" … ") || [...own.mscWords, ...linked.mscWords, ...trial.mscWords][0] || arm.label;
      doses.push({
        product: "MSC",
        cellsPerKg: a?.m.perKg ? a.m.value : null,
        cellsPerInfusion: a && !a.m.perKg ? a.m.value : null,
        infusions: s?.infusions ?? null,
        dayOffsets: s?.dayOffsets ?? null,
        text,
      });
      evidence.push(text);
    });
  } else if (placebo) {
    const text = [[...own.placeboWords, ...linked.placeboWords, ...trial.placeboWords][0] ?? "placebo", schedText].filter(Boolean).join(" … ");
    doses.push({ product: "PLACEBO", cellsPerKg: null, cellsPerInfusion: null, infusions: schedule?.infusions ?? null, dayOffsets: schedule?.dayOffsets ?? null, text });
    evidence.push(text);
  }
  let type = arm.type;
  if (derived) type = msc ? "EXPERIMENTAL" : placebo ? "PLACEBO_COMPARATOR" : trial.other ? "ACTIVE_COMPARATOR" : "NO_INTERVENTION";
  void placebo;
  const description = derived && amounts.length ? armWords(amounts[0]!, arm) : null;
  return { label: arm.label, type, derived, ...(description ? { description } : {}), doses, evidence, scheduleWords: ownSchedules ? null : schedText };
}

/**
 * The schedule stated with one amount: in each text the arm's schedules come from (its own,
 * its interventions', the trial's), the smallest scope around a mention of the same amount
 * that holds any of those schedules. Null when no text states one next to this amount.
 */
function scheduleOfAmount(amount: AmountMention, levels: Facts[]): CombinedSchedule | null {
  for (const f of levels) {
    const texts = [...new Set(f.scheduleTexts)];
    for (const at of texts) {
      const mine = f.schedules.filter((_, j) => f.scheduleTexts[j] === at);
      for (const a of at.mentions.amounts) {
        if (!isDoseAmount(a) || amountKey(a) !== amountKey(amount)) continue;
        for (const scope of enclosing(at.scopes, a.start, a.end)) {
          const inScope = mine.filter((s) => scope.span[0] <= s.start && s.end <= scope.span[1]);
          if (!inScope.length) continue;
          const c = combineSchedules(inScope);
          if (c && (c.infusions !== null || c.dayOffsets !== null)) return c;
          break;
        }
      }
    }
  }
  return null;
}

/** A schedule's source words: first mention to last when one sentence of one text holds them all. */
function sourceWords(s: CombinedSchedule, levels: Facts[]): string {
  for (const f of levels) {
    const j = f.schedules.indexOf(s.mentions[0]!);
    if (j < 0) continue;
    const at = f.scheduleTexts[j]!;
    const first = s.mentions[0]!;
    const last = s.mentions[s.mentions.length - 1]!;
    const k = sentenceAt(at.scopes.sentences, first.start);
    const all = s.mentions.every((m) => at.mentions.schedules.includes(m));
    if (all && k >= 0 && last.end <= at.scopes.sentences[k]![1] && last.end > first.start) return at.text.slice(first.start, last.end);
  }
  return s.text;
}

/** A derived arm's words: its group's name (the nearest mention before its amount) through the amount. */
function armWords(amount: { m: AmountMention; at: AttachedText }, arm: ProseArmInput): string | null {
  const key = groupKey(arm.label);
  const { m, at } = amount;
  const attached = at.amounts.find((a) => a.mention === m);
  if (!attached?.groups || attached.via !== "scope") return null;
  const names = at.mentions.groups.filter((g) => g.end <= m.start && g.keys.some((k) => attached.groups!.includes(k)));
  const name = names[names.length - 1];
  if (!name || !name.keys.some((k) => k === key || attached.groups!.includes(k))) return null;
  const end = at.text[m.end] === ")" ? m.end + 1 : m.end;
  return at.text.slice(name.start, end);
}

function hasMoreOnly(f: Facts[]): boolean {
  return f.some((lv) => lv.schedules.some((s) => s.kind === "count" && s.more));
}

/** Arms from prose when the record lists none: each group the prose names, in order of first mention. */
function deriveArms(trialText: string, knownLabels: string[]): ProseArmInput[] {
  // Only the groups and products are needed here: the amounts and schedules are read once, by the arms.
  const { groups, products: all } = readGroupsAndProducts(trialText, knownLabels);
  const earlier = earlierStudySpans(trialText, analyzeScopes(trialText).sentences);
  const products = all.filter((p) => !inSpans(earlier, p.start));
  const byKey = new Map<string, string>();
  for (const g of groups) {
    const parts = g.keys.length > 1 ? g.keys.map((k) => labelOfKey(k, null)) : [labelOfKey(g.keys[0]!, g.text)];
    g.keys.forEach((k, j) => { if (!byKey.has(k)) byKey.set(k, parts[j]!); });
  }
  // "compares placebo with MSCs": a placebo (or sham) named as such is an arm of its own when no group names it.
  const mscGiven = products.some((p) => p.product === "MSC" && !p.negated);
  // (Not when lettered or named groups are listed: one of them is the placebo's.)
  const placeboArm = mscGiven && ![...byKey.keys()].some((k) => k === "placebo" || k === "control" || /^(?:id|label):/.test(k)) &&
    products.some((p) => p.product === "PLACEBO" && !p.negated && /^(?:placebo|sham)$/i.test(p.text));
  const extra: ProseArmInput[] = placeboArm ? [{ label: "Placebo", type: null, description: null, interventions: [] }] : [];
  if (byKey.size === 0 && mscGiven) {
    return [{ label: "MSC", type: null, description: null, interventions: [] }, ...extra];
  }
  return [...[...byKey.entries()].map(([, label]) => ({ label, type: null, description: null, interventions: [] })), ...extra];
}

function labelOfKey(key: string, text: string | null): string {
  if (text && key.startsWith("level:") && !/dose|group|arm|cohort/i.test(text)) return `${cap(text.trim())} dose`;
  if (text) return cap(text.replace(/^the\s+/i, "").trim());
  if (key.startsWith("id:")) return `Group ${key.slice(3).toUpperCase()}`;
  if (key.startsWith("level:")) return `${cap(key.slice(6))} dose`;
  if (key.startsWith("label:")) return cap(`${key.slice(6)} group`);
  return cap(`${key} group`);
}

/** A warning per power of ten the reader could not read, for a layout that reads its arms from prose. */
export function malformedWarnings(result: Pick<ProseResult, "malformed">): string[] {
  return result.malformed.map((m) => `cannot read the number "${m.text}" in the description: ${m.problem}`);
}
