/**
 * Allocation ratios read from prose ("randomized in a 2:2:1:1 ratio during Phase IIb to
 * receive either A, B, C, or D"), for the stages enricher (enrich/stages.ts). Arms described
 * only over stages with re-randomisation are read by staged-arms.ts.
 */
import type { Stage } from "../parsed-record";
import type { ArmType } from "../../record/vocabulary";
import { capitalize } from "../../format";
import { sentences } from "../text";

const tokens = (s: string) =>
  new Set(s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !["the", "a", "an", "group", "arm", "of"].includes(w)));
export const isControl = (s: string) => /\b(placebo|control|sham|no intervention)\b/i.test(s);

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
