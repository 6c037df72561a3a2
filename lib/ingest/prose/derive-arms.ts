import { capitalize } from "../text";
import { readGroupsAndProducts } from "./attach";
import type { ProseArmInput } from "./input";

/**
 * Arms from prose when the record lists none: each group the prose names, in order of first
 * mention ("the low dose group", "Group B"), or one "MSC" arm when it names no group but
 * gives MSCs.
 */
export function deriveArms(trialText: string, knownLabels: string[]): ProseArmInput[] {
  // Only the groups and products are needed here: the amounts and schedules are read once, by the arms.
  const { groups, products } = readGroupsAndProducts(trialText, knownLabels);
  const byKey = new Map<string, string>();
  for (const g of groups) {
    const parts = g.keys.length > 1 ? g.keys.map((k) => labelOfKey(k, null)) : [labelOfKey(g.keys[0]!, g.text)];
    g.keys.forEach((k, j) => { if (!byKey.has(k)) byKey.set(k, parts[j]!); });
  }
  if (byKey.size === 0 && products.some((p) => p.product === "MSC" && !p.negated)) {
    return [{ label: "MSC", type: null, description: null, interventions: [] }];
  }
  return [...byKey.entries()].map(([, label]) => ({ label, type: null, description: null, interventions: [] }));
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
