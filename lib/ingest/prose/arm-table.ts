import { groupKey, idKey } from "./groups";
import type { ProseArmInput } from "./input";

/**
 * The arms a text's group mentions can name: each arm's keys (its label, "group A" inside
 * it, its dose level, its role) and its role as a comparator. Plain data, read once per record.
 */
export interface ArmTable {
  arms: ProseArmInput[];
  keys: Set<string>[];
  /** A comparator: placebo, sham, no intervention, or a control that is not the MSC arm. */
  controlLike: boolean[];
  /** A comparator by its registered type (placebo, sham, no intervention). */
  hardControl: boolean[];
  /** An arm that may receive a placebo: named so, or its words say placebo, saline or sham. */
  placeboLike: boolean[];
  /** True when the record lists no arms and these are the groups its prose names. */
  derived: boolean;
}

export function armTable(arms: ProseArmInput[], derived: boolean): ArmTable {
  const experimentalCount = arms.filter((a) => a.type === "EXPERIMENTAL").length;
  const keys = arms.map((a) => armKeys(a, experimentalCount));
  return {
    arms, keys, derived,
    controlLike: arms.map((a, i) =>
      a.type === "PLACEBO_COMPARATOR" || a.type === "SHAM_COMPARATOR" || a.type === "NO_INTERVENTION" ||
      (keys[i]!.has("control") && !keys[i]!.has("msc"))),
    hardControl: arms.map((a) => a.type === "PLACEBO_COMPARATOR" || a.type === "SHAM_COMPARATOR" || a.type === "NO_INTERVENTION"),
    placeboLike: arms.map((a, i) => keys[i]!.has("placebo") || /placebo|saline|sham/i.test(a.description ?? "")),
  };
}

/** The arms (indexes) any of `groupKeys` names. */
export function matchArms(table: ArmTable, groupKeys: string[]): number[] {
  return table.arms.map((_, i) => i).filter((i) => groupKeys.some((k) => table.keys[i]!.has(k)));
}

/** The keys an arm answers to: its label's key, "group A" inside it, its level, its role. */
export function armKeys(arm: ProseArmInput, experimentalCount: number): Set<string> {
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
