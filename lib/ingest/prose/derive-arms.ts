import { capitalize } from "../../format";
import { readGroupsAndProducts } from "./attach";
import { earlierStudySpans, inSpans } from "./earlier";
import type { ProseArmInput } from "./input";
import { analyzeScopes } from "./scopes";

/**
 * Arms from prose when the record lists none: each group the prose names, in order of first
 * mention ("the low dose group", "Group B"), or one "MSC" arm when it names no group but
 * gives MSCs; and a "Placebo" arm beside them when it names a placebo or sham that no group
 * names. Cells an earlier or cited study gave (earlier.ts) make no arm.
 */
export function deriveArms(trialText: string, knownLabels: string[]): ProseArmInput[] {
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

/** A group's label: its words ("the low dose group" → "Low dose group"), or one made from its key. */
export function labelOfKey(key: string, text: string | null): string {
  if (text && key.startsWith("level:") && !/dose|group|arm|cohort/i.test(text)) return `${capitalize(text.trim())} dose`;
  if (text) return capitalize(text.replace(/^the\s+/i, "").trim());
  if (key.startsWith("id:")) return `Group ${key.slice(3).toUpperCase()}`;
  if (key.startsWith("level:")) return `${capitalize(key.slice(6))} dose`;
  if (key.startsWith("label:")) return capitalize(`${key.slice(6)} group`);
  return capitalize(`${key} group`);
}
