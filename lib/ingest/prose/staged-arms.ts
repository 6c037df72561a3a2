import type { ParsedArm, ParsedDose, Stage } from "../parsed-record";
import type { ArmType } from "../../record/vocabulary";
import { isDoseAmount, type AmountMention } from "./amounts";
import { readMentions, type Mentions } from "./attach";
import { buildDose } from "./dose";
import type { GroupMention } from "./groups";
import { combineSchedules, type ScheduleMention } from "./schedules";
import { analyzeScopes } from "./scopes";
import { isControl, matchArms } from "./stages";
import { capitalize } from "../../format";

/**
 * Arms described only in prose, possibly over stages with re-randomisation (record 003):
 * "At the first stage … the placebo short control group would receive … 3 times placebo
 * (at week0, week1 and week2), while the MSC short treatment group would receive …; At the
 * second stage, the survived patients of the MSC short treatment group would be further
 * randomized … The MSC Prolonged treatment group would receive another 2 times hUC-MSC …".
 * Read on the clause mentions of the arm reader (attach.ts, scopes.ts): "the <group> would
 * receive …" to the end of its clause is that group's regimen, each of its counts
 * ("3 times", "another 2 times") followed by a product and a parenthesis of details (amount,
 * route, time points) is one dose. The final arms are the groups no later stage splits;
 * each inherits its parent's regimen.
 */

interface Regimen {
  label: string;
  stage: number;
  /** The clause: "the placebo short control group would receive …". */
  words: string;
  doses: { product: "MSC" | "PLACEBO"; amount: AmountMention | null; infusions: number | null; days: number[] | null; text: string }[];
}

const ORDINAL_STAGE: Record<string, number> = { first: 1, second: 2, third: 3, "1": 1, "2": 2, "3": 3, one: 1, two: 2, three: 3 };
const STAGE = /\b(?:at|in|during)\s+the\s+(first|second|third)\s+stage\b|\bstage\s+(1|2|3|one|two|three)\b/i;
const RECEIVES = /^\s{1,2}(?:would|will|shall)\s{1,2}(?:further\s{1,2})?receive\b/i;
const SPLIT = /\bpatients\s{1,2}(?:of|in|from)\s{1,2}the\s{1,2}$/i;
const SPLIT_AFTER = /^\s{1,2}would\s{1,2}be\s{1,2}(?:further\s{1,2})?(?:re-?)?randomi[sz]ed/i;
const ASSIGNED = /\b(\d+)\s*(?:patients|participants|subjects)\s{1,2}would\s{1,2}be\s{1,2}assigned\s{1,2}to\s{1,2}the\s{1,2}$/i;

/** "the MSC short treatment group" → "MSC short treatment". */
const groupName = (g: GroupMention) => g.text.replace(/^the\s+/i, "").replace(/\s+group$/i, "").trim();

export function readStagedArms(text: string): { arms: ParsedArm[]; stages: Stage[]; evidence: string[] } {
  const scopes = analyzeScopes(text);
  const mentions = readMentions(text);
  const within = <T extends { start: number; end: number }>(xs: T[], [a, b]: [number, number]) => xs.filter((x) => x.start >= a && x.end <= b);
  const regimens: Regimen[] = [];
  const stageText = new Map<number, string>();
  const splits = new Map<number, string>(); // stage → parent group label
  const counts: { count: number; label: string }[] = [];
  let stage = 1;
  for (const sentence of scopes.sentences) {
    const words = text.slice(...sentence);
    const marker = STAGE.exec(words);
    if (marker) {
      stage = ORDINAL_STAGE[(marker[1] ?? marker[2]!).toLowerCase()] ?? stage;
      if (!stageText.has(stage)) stageText.set(stage, words);
    }
    for (const clause of scopes.clauses.filter(([a, b]) => a >= sentence[0] && b <= sentence[1])) {
      for (const g of within(mentions.groups, clause)) {
        const before = text.slice(clause[0], g.start);
        const after = text.slice(g.end, clause[1]);
        if (SPLIT.test(before) && SPLIT_AFTER.test(after)) splits.set(stage, groupName(g));
        const assigned = ASSIGNED.exec(before);
        if (assigned) counts.push({ count: Number(assigned[1]), label: groupName(g) });
        const the = /\bthe\s{1,2}$/i.exec(before);
        if (the && RECEIVES.test(after)) {
          const doses = readDoses(text, clause, within(mentions.schedules, clause), mentions, scopes.parens);
          const start = clause[0] + the.index;
          if (doses.length) regimens.push({ label: groupName(g), stage, words: text.slice(start, clause[1]), doses });
        }
      }
    }
  }
  if (regimens.length === 0) return { arms: [], stages: [], evidence: [] };
  return assemble(regimens, splits, stageText, counts);
}

/** Each count of a regimen clause with the product after it and the parenthesis of its details: one dose. */
function readDoses(
  text: string, clause: [number, number], schedules: ScheduleMention[], mentions: Mentions, parens: [number, number][],
): Regimen["doses"] {
  const out: Regimen["doses"] = [];
  for (const c of schedules) {
    if (c.kind !== "count") continue;
    const product = mentions.products.find((p) => p.start >= c.end && p.end <= clause[1] && /^\s{1,2}(?:of\s{1,2})?$/.test(text.slice(c.end, p.start)));
    if (!product) continue;
    const paren = parens.find(([a]) => /^\s{0,2}$/.test(text.slice(product.end, a)) && a >= product.end);
    const span: [number, number] = paren ?? [product.end, product.end];
    // The parenthesis's own mentions: "(1.5×10^8, Peripheral IV, at week0, week1 and week2)".
    const details = readMentions(text.slice(...span));
    // A count's number, not "another": "2 times hUC-MSC (…)".
    const numberAt = c.start + c.text.search(/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i);
    const listed = details.schedules.find((s) => s.kind === "list");
    const isPlacebo = product.product === "PLACEBO";
    out.push({
      product: isPlacebo ? "PLACEBO" : "MSC",
      amount: isPlacebo ? null : oneAmount(details.amounts),
      infusions: c.count,
      days: listed?.kind === "list" ? listed.days : combineSchedules([{ ...c, more: false }, ...details.schedules])?.dayOffsets ?? null,
      text: text.slice(numberAt, span[1]),
    });
  }
  return out;
}

/** The one cell amount a regimen's details state; null for none, a range, or two different ones. */
function oneAmount(found: AmountMention[]): AmountMention | null {
  if (found.length === 0 || !found.every(isDoseAmount)) return null;
  return found.every((a) => a.value === found[0]!.value && a.perKg === found[0]!.perKg) ? found[0]! : null;
}

/** The regimens as final arms (each with its parents' doses) and the stages that split them. */
function assemble(groups: Regimen[], splits: Map<number, string>, stageText: Map<number, string>, counts: { count: number; label: string }[]) {
  const key = (l: string) => l.toLowerCase();
  const parentOf = (g: Regimen) => {
    const parent = splits.get(g.stage);
    return parent ? groups.find((p) => key(p.label) === key(parent) && p.stage < g.stage) ?? null : null;
  };
  const isSplit = (g: Regimen) => groups.some((c) => parentOf(c) === g);
  const finals = groups.filter((g) => !isSplit(g));

  const arms: ParsedArm[] = finals.map((g) => {
    const chain: Regimen[] = [];
    for (let x: Regimen | null = g; x; x = parentOf(x)) chain.unshift(x);
    const parts = chain.flatMap((x) => x.doses);
    const allDays = parts.every((p) => p.days) ? parts.flatMap((p) => p.days!) : null;
    const firstDay = allDays ? Math.min(...allDays) : 0;
    // One dose per product and amount: the MSC parts of both stages become one schedule.
    const merged: ParsedDose[] = [];
    for (const p of parts) {
      const dose = buildDose(p.product, p.amount, p.infusions, p.days && allDays ? p.days.map((d) => d - firstDay) : null, p.text);
      const same = merged.find((d) => d.product === dose.product && d.cellsPerKg === dose.cellsPerKg && d.cellsPerInfusion === dose.cellsPerInfusion);
      if (!same) {
        merged.push(dose);
        continue;
      }
      same.infusions = same.infusions !== null && dose.infusions !== null ? same.infusions + dose.infusions : null;
      same.dayOffsets = same.dayOffsets && dose.dayOffsets ? [...new Set([...same.dayOffsets, ...dose.dayOffsets])].sort((a, b) => a - b) : null;
      same.text += ` … ${dose.text}`;
    }
    const type: ArmType = merged.some((d) => d.product === "MSC") ? "EXPERIMENTAL" : "PLACEBO_COMPARATOR";
    return { label: capitalize(g.label), type, description: chain.map((x) => x.words).join(" … "), doses: merged };
  });

  const stageNumbers = [...new Set(groups.map((g) => g.stage))].sort();
  const descendants = (g: Regimen): number[] =>
    finals.includes(g) ? [finals.indexOf(g)] : groups.filter((c) => parentOf(c) === g).flatMap(descendants);
  const stages: Stage[] = stageNumbers.map((n) => {
    const members = groups.filter((g) => g.stage === n);
    // Planned numbers per group: "100patients would be assigned to the MSC intervention group".
    const withCounts = members.map((g) => {
      const c = counts.find((x) => matchArms(x.label, [{ label: g.label, type: null }]).length > 0 && isControl(x.label) === isControl(g.label));
      return { g, count: n === 1 ? c?.count ?? null : null };
    });
    const known = withCounts.every((x) => x.count !== null) ? withCounts.map((x) => x.count!) : null;
    const unit = known ? known.reduce((a, b) => gcd(a, b)) : null;
    const parent = splits.get(n) ?? null;
    return {
      label: `Stage ${n}`,
      description: parent ? `Re-randomisation of the ${parent} group` : "Randomisation",
      text: stageText.get(n) ?? members[0]!.words,
      groups: withCounts.map(({ g, count }) => ({
        label: capitalize(g.label),
        ratio: unit && count ? count / unit : null,
        count,
        armOrdinals: descendants(g),
        fromGroup: parentOf(g) ? capitalize(parentOf(g)!.label) : null,
      })),
    };
  });
  return { arms, stages, evidence: groups.map((g) => g.words) };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
