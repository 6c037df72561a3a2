import type { ArmLevels } from "./levels";

/**
 * "the administration of 3 doses of MSCs" in the trial text of a record whose three arms state
 * three different amounts, and nothing saying when: the doses are the arms' dose levels, not a
 * number of administrations. Such a bare count (no interval or day list within 120 characters of
 * the same text) is removed from every arm's trial level; "2 doses of MSCs, four weeks apart" stays.
 */
export function dropDoseLevelCounts(levels: ArmLevels[]): number {
  const levelKeys = new Set(levels.flatMap(({ own, linked }) => {
    const ks = new Set([...own.amounts, ...linked.amounts].map((a) => a.m.value));
    return ks.size === 1 ? [...ks] : [];
  }));
  if (levelKeys.size < 2) return 0;
  for (const lv of levels) {
    const t = lv.trial;
    const near = (j: number) => t.schedules.some((o, k) => k !== j && o.kind !== "count" && t.scheduleTexts[k] === t.scheduleTexts[j] &&
      Math.max(o.start - t.schedules[j]!.end, t.schedules[j]!.start - o.end) <= 120);
    const keep = t.schedules.map((m, j) => !(m.kind === "count" && m.count === levelKeys.size && /\bdos(?:e|es|ages?)\b/i.test(m.text) && !near(j)));
    if (keep.every(Boolean)) continue;
    t.schedules = t.schedules.filter((_, j) => keep[j]);
    t.scheduleTexts = t.scheduleTexts.filter((_, j) => keep[j]);
  }
  return levelKeys.size;
}
