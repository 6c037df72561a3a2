/**
 * Stages read from prose: allocation ratios ("randomized in a 2:2:1:1 ratio during Phase
 * IIb to receive either A, B, C, or D") and arms described only over stages with
 * re-randomisation ("At the second stage, the survived patients of the MSC short treatment
 * group would be further randomized …"), used by the veeva-prose layout (ratios also by the
 * veeva and ctgov-classic layouts). A staged regimen's amount is read with the mention
 * reader (amounts.ts); its schedule ("at week0, week1 and week2") by the schedule reader (schedules.ts).
 */
import type { ParsedArm, ParsedDose, Stage } from "../parsed-record";
import type { ArmType } from "../../record/vocabulary";
import { findAmounts, isDoseAmount, type AmountMention } from "./amounts";
import { SMALL_COUNT, parseSmallCount } from "../normalize/numbers";
import { combineSchedules, findSchedules } from "./schedules";
import { buildDose } from "./dose";
import { capitalize, sentences } from "../text";

const tokens = (s: string) =>
  new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !["the", "a", "an", "group", "arm", "of"].includes(w)));
const isControl = (s: string) => /\b(placebo|control|sham|no intervention)\b/i.test(s);

/** The arms a group phrase names: best word overlap, placebo/control agreeing with the arm. */
export function matchArms(phrase: string, arms: { label: string; type: ArmType | null }[]): number[] {
  const want = tokens(phrase);
  const control = isControl(phrase);
  let best = 0;
  let hits: number[] = [];
  arms.forEach((arm, i) => {
    const armControl = arm.type ? arm.type !== "EXPERIMENTAL" && arm.type !== "OTHER" : isControl(arm.label);
    if (armControl !== control) return;
    const have = tokens(arm.label);
    const score = [...want].filter((w) => have.has(w)).length;
    if (score > best) [best, hits] = [score, [i]];
    else if (score === best && score > 0) hits.push(i);
  });
  return hits;
}

function stripParentheticals(s: string): string {
  let prev = "";
  let out = s;
  while (out !== prev) [prev, out] = [out, out.replace(/\s*\([^()]*\)/g, "")];
  return out;
}

/**
 * Allocation ratios: "randomized in a 2:2:1:1 ratio during Phase IIb to receive either
 * A, B, C, or D"; "In Phase III, patients were randomized in a 1:1 ratio to the X or the Y".
 */
export function readRatioStages(text: string, arms: { label: string; type: ArmType | null }[]): { stages: Stage[]; warnings: string[] } {
  const stages: Stage[] = [];
  const warnings: string[] = [];
  for (const s of sentences(text)) {
    const ratio = /\brandomi[sz]ed\s+(?:\w+\s+){0,3}?in\s+a\s+(\d+(?:\s*:\s*\d+)+)\s+ratio\b/i.exec(s);
    if (!ratio) continue;
    const parts = ratio[1]!.split(":").map((x) => Number(x.trim()));
    const where = /\b(?:during|in)\s+((?:Phase|Stage|Part|Period)\s+[0-9IVX]+[ab]?)\b/i.exec(s);
    const plain = stripParentheticals(s);
    const list = /\bratio\b.*?\bto\s+(?:receive\s+)?(?:either\s+)?(.*?)\.?$/i.exec(plain.slice(plain.search(/\bratio\b/i)));
    const names = (list?.[1] ?? "")
      .split(/\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+/)
      .map((n) => n.replace(/^(?:either\s+)?(?:the|a|an)\s+/i, "").trim())
      .filter(Boolean);
    if (names.length !== parts.length) {
      warnings.push(`a ${ratio[1]} ratio names ${names.length} groups: "${s.slice(0, 120)}"`);
      continue;
    }
    stages.push({
      label: where ? capitalize(where[1]!) : `Randomisation ${stages.length + 1}`,
      description: `Randomised ${parts.join(":")}`,
      text: s,
      groups: names.map((name, i) => ({
        label: capitalize(name),
        ratio: parts[i]!,
        count: null,
        armOrdinals: matchArms(name, arms),
        fromGroup: null,
      })),
    });
  }
  return { stages, warnings };
}

interface ProseGroup {
  label: string;
  stage: number;
  regimen: string;
  doses: { product: "MSC" | "PLACEBO"; amount: AmountMention | null; infusions: number | null; days: number[] | null; text: string }[];
}

/**
 * "3 times hUC-MSC (1.5×10^8, Peripheral IV, at week0, week1 and week2)", "2 times placebo
 * (at week4 and week5)", "4 infusions of hUC-MSC (…)".
 */
function readRegimen(regimen: string): ProseGroup["doses"] {
  const out: ProseGroup["doses"] = [];
  const re = new RegExp(String.raw`\b(${SMALL_COUNT})\s+(?:times|(?:infusions?|injections?|transfusions?|doses?)\s+of)\s+([\w-]+)\s*(?:\(([^()]*)\))?`, "gi");
  for (const m of regimen.matchAll(re)) {
    const details = m[3] ?? "";
    const product = /placebo|saline|solvent/i.test(m[2]!) ? "PLACEBO" : "MSC";
    // A later stage keeps the text's own timeline ("at week4 and week5" is days 28 and 35).
    const mentions = findSchedules(`${m[1]} times (${details})`);
    const listed = mentions.find((s) => s.kind === "list");
    out.push({
      product,
      amount: product === "MSC" ? oneAmount(details) : null,
      infusions: parseSmallCount(m[1]!),
      days: listed?.kind === "list" ? listed.days : combineSchedules(mentions)?.dayOffsets ?? null,
      text: m[0],
    });
  }
  return out;
}

/** The one cell amount a regimen's details state; null for none, a range, or two different ones. */
function oneAmount(details: string): AmountMention | null {
  const found = findAmounts(details);
  if (found.length === 0 || !found.every(isDoseAmount)) return null;
  return found.every((a) => a.value === found[0]!.value && a.perKg === found[0]!.perKg) ? found[0]! : null;
}

const ORDINAL_STAGE: Record<string, number> = { first: 1, second: 2, third: 3, "1": 1, "2": 2, "3": 3, one: 1, two: 2, three: 3 };

/**
 * Arms described only in prose, possibly over stages with re-randomisation (record 003):
 * "At the first stage … the placebo short control group would receive … 3 times placebo
 * (at week0, week1 and week2), while the MSC short treatment group would receive …; At the
 * second stage, the survived patients of the MSC short treatment group would be further
 * randomized … The MSC Prolonged treatment group would receive another 2 times hUC-MSC …".
 * The final arms are the groups no later stage splits; each inherits its parent's regimen.
 */
export function readStagedArms(text: string): { arms: ParsedArm[]; stages: Stage[]; evidence: string[] } {
  const groups: ProseGroup[] = [];
  const stageText = new Map<number, string>();
  const splits = new Map<number, string>(); // stage → parent group label
  let stage = 1;
  for (const s of sentences(text)) {
    const marker = /\b(?:at|in|during)\s+the\s+(first|second|third)\s+stage\b|\bstage\s+(1|2|3|one|two|three)\b/i.exec(s);
    if (marker) {
      stage = ORDINAL_STAGE[(marker[1] ?? marker[2]!).toLowerCase()] ?? stage;
      if (!stageText.has(stage)) stageText.set(stage, s);
    }
    const split = /\bpatients\s+(?:of|in|from)\s+the\s+([\w\s-]{1,80}?)\s+group\s+would\s+be\s+(?:further\s+)?(?:re-?)?randomi[sz]ed/i.exec(s);
    if (split) splits.set(stage, split[1]!.trim());
    const re = /\b[Tt]he\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s+group\s+(?:would|will|shall)\s+(?:further\s+)?receive\s+(.*?)(?=,?\s+while\s+the\b|$)/g;
    for (const m of s.matchAll(re)) {
      const doses = readRegimen(m[2]!);
      if (doses.length) groups.push({ label: m[1]!.trim(), stage, regimen: m[0], doses });
    }
  }
  if (groups.length === 0) return { arms: [], stages: [], evidence: [] };

  const key = (l: string) => l.toLowerCase();
  const parentOf = (g: ProseGroup) => {
    const parent = splits.get(g.stage);
    return parent ? groups.find((p) => key(p.label) === key(parent) && p.stage < g.stage) ?? null : null;
  };
  const isSplit = (g: ProseGroup) => groups.some((c) => parentOf(c) === g);
  const finals = groups.filter((g) => !isSplit(g));

  const arms: ParsedArm[] = finals.map((g) => {
    const chain: ProseGroup[] = [];
    for (let x: ProseGroup | null = g; x; x = parentOf(x)) chain.unshift(x);
    const parts = chain.flatMap((x) => x.doses);
    const allDays = parts.every((p) => p.days) ? parts.flatMap((p) => p.days!) : null;
    const firstDay = allDays ? Math.min(...allDays) : 0;
    // One dose per product and amount: the MSC parts of both stages become one schedule.
    const merged: ParsedDose[] = [];
    for (const p of parts) {
      const dose = buildDose(p.product, p.amount, p.infusions, p.days && allDays ? p.days.map((d) => d - firstDay) : null, p.text);
      const same = merged.find((d) => d.product === dose.product && d.cellsPerKg === dose.cellsPerKg &&
        d.cellsPerInfusion === dose.cellsPerInfusion);
      if (!same) {
        merged.push(dose);
        continue;
      }
      same.infusions = same.infusions !== null && dose.infusions !== null ? same.infusions + dose.infusions : null;
      same.dayOffsets = same.dayOffsets && dose.dayOffsets
        ? [...new Set([...same.dayOffsets, ...dose.dayOffsets])].sort((a, b) => a - b) : null;
      same.text += ` … ${dose.text}`;
    }
    const type: ArmType = merged.some((d) => d.product === "MSC") ? "EXPERIMENTAL" : "PLACEBO_COMPARATOR";
    return { label: capitalize(g.label), type, description: chain.map((x) => x.regimen).join(" … "), doses: merged };
  });

  // Planned numbers per group: "100patients would be assigned to the MSC intervention group".
  const counts = [...text.matchAll(/\b(\d+)\s*(?:patients|participants|subjects)\s+would\s+be\s+assigned\s+to\s+the\s+([\w\s-]{1,80}?)\s+group/gi)]
    .map((m) => ({ count: Number(m[1]), label: m[2]! }));
  const stageNumbers = [...new Set(groups.map((g) => g.stage))].sort();
  const descendants = (g: ProseGroup): number[] =>
    finals.includes(g) ? [finals.indexOf(g)] : groups.filter((c) => parentOf(c) === g).flatMap(descendants);
  const stages: Stage[] = stageNumbers.map((n) => {
    const members = groups.filter((g) => g.stage === n);
    const withCounts = members.map((g) => {
      const c = counts.find((x) => matchArms(x.label, [{ label: g.label, type: null }]).length > 0 &&
        isControl(x.label) === isControl(g.label));
      return { g, count: n === 1 ? c?.count ?? null : null };
    });
    const known = withCounts.every((x) => x.count !== null) ? withCounts.map((x) => x.count!) : null;
    const unit = known ? known.reduce((a, b) => gcd(a, b)) : null;
    const parent = splits.get(n) ?? null;
    return {
      label: `Stage ${n}`,
      description: parent ? `Re-randomisation of the ${parent} group` : "Randomisation",
      text: stageText.get(n) ?? members[0]!.regimen,
      groups: withCounts.map(({ g, count }) => ({
        label: capitalize(g.label),
        ratio: unit && count ? count / unit : null,
        count,
        armOrdinals: descendants(g),
        fromGroup: parentOf(g) ? capitalize(parentOf(g)!.label) : null,
      })),
    };
  });
  return { arms, stages, evidence: groups.map((g) => g.regimen) };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
