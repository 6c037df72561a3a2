import { isDoseAmount, type AmountMention } from "./amounts";
import type { AttachedText } from "./attach";
import { groupKey } from "./groups";
import type { ProseArmInput } from "./input";
import { LEVELS, type ArmLevels } from "./levels";
import { combineSchedules, type CombinedSchedule } from "./schedules";
import { enclosing, sentenceAt } from "./scopes";

/** Amounts are the same dose when per kg (or flat) and of the same value. */
export const amountKey = (m: AmountMention) => `${m.perKg ? "kg" : "flat"}:${m.value}`;

/** Whether a combined schedule says anything: a count or days. */
/** A schedule says something: a count, days, or phases of a changing frequency. */
export const says = (s: CombinedSchedule | null): s is CombinedSchedule => !!s && (s.infusions !== null || s.dayOffsets !== null || !!s.phases || !!s.unstated);

export function scheduleSig(s: CombinedSchedule | null): string {
  return s ? `${s.infusions ?? "?"}@${s.dayOffsets?.join(",") ?? "?"}` : "";
}

/**
 * The schedule stated with one amount: in each text the arm's schedules come from (its own,
 * its interventions', the trial's), the smallest scope around a mention of the same amount
 * that holds any of those schedules. Null when no text states one next to this amount.
 */
export function scheduleOfAmount(amount: AmountMention, levels: ArmLevels): CombinedSchedule | null {
  for (const f of LEVELS.map((l) => levels[l])) {
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
export function sourceWords(s: CombinedSchedule, levels: ArmLevels): string {
  for (const f of LEVELS.map((l) => levels[l])) {
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
export function armWords(amount: { m: AmountMention; at: AttachedText }, arm: ProseArmInput): string | null {
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
