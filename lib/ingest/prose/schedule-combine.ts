/**
 * Combining an arm's schedule mentions into one schedule: the mentions in close clusters, the
 * first cluster that counts wins; a list gives the days, an interval with a count or a duration
 * gives periodic days, months give a count, a count alone gives no days (a single one: day 0).
 */
import type { DoseUnstated, SchedulePhase } from "../../record/schema";
import { MAX_COUNT } from "./schedule-counts";
import { courseSchedule, phasedSchedule } from "./schedule-phases";
import type { ScheduleMention } from "./schedules";

export interface CombinedSchedule {
  infusions: number | null;
  /** Offsets from the first infusion (day 0). */
  dayOffsets: number[] | null;
  text: string;
  /** Set when the mentions disagree (a list and a count of a different length). */
  conflict: string | null;
  /** The mentions it was read from. */
  mentions: ScheduleMention[];
  /** A schedule that changes frequency: its phases in order (then no days are given). */
  phases?: SchedulePhase[];
  /** Why the infusions or days are not given as numbers ("schedule changes frequency: …"). */
  unstated?: DoseUnstated;
}

const offsets = (days: number[]) => {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  return sorted.map((d) => d - sorted[0]!);
};

/**
 * One schedule from the mentions that belong to one arm: a list gives the days; an
 * interval with a count or a duration gives periodic days (day 0 = first infusion);
 * months give a count and no days; a count alone gives no days (a single one: day 0).
 */
export function combineSchedules(all: ScheduleMention[]): CombinedSchedule | null {
  // "a single dose of X" says how much each dose is, not how many, when a count says how many.
  const counted = all.some((m) => m.kind === "count" && m.count > 1);
  const mentions = counted ? all.filter((m) => !(m.kind === "count" && m.sizeOnly)) : all;
  // Mentions far apart describe different things: the first close cluster that counts wins.
  const clusters: ScheduleMention[][] = [];
  for (const m of mentions) {
    const last = clusters[clusters.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && m.start >= prev.end && m.start - prev.end <= 120) last!.push(m);
    else clusters.push([m]);
  }
  if (clusters.length > 1) {
    const read = clusters.map(combineCluster);
    return read.find((r) => r && r.infusions !== null) ?? read.find((r) => r !== null) ?? null;
  }
  return combineCluster(mentions);
}

function combineCluster(mentions: ScheduleMention[]): CombinedSchedule | null {
  if (mentions.length === 0) return null;
  const text = mentions.map((m) => m.text).join(" … ");
  const list = mentions.find((m) => m.kind === "list");
  const phased = list ? null : phasedSchedule(mentions, text);
  if (phased) return phased;
  // "for the first month" spans a phase; alone it counts nothing.
  if (mentions.some((m) => m.kind === "duration" && m.first)) mentions = mentions.filter((m) => !(m.kind === "duration" && m.first));
  if (mentions.length === 0) return null;
  const perCourse = courseSchedule(mentions, text);
  if (perCourse) return perCourse;
  const counts = mentions.filter((m): m is Extract<ScheduleMention, { kind: "count" }> => m.kind === "count" && !m.ceiling);
  const base = counts.filter((c) => !c.more);
  const more = counts.filter((c) => c.more);
  let count: number | null = null;
  const totals = counts.filter((c) => c.total);
  const parts = base.filter((c) => !c.total);
  if (totals.length) {
    // The stated total of all administrations; parts that add up otherwise leave it unread.
    const t = totals[0]!.count;
    const sum = parts.length ? parts.reduce((a, c) => a + c.count, 0) + more.reduce((a, c) => a + c.count, 0) : t;
    count = totals.every((c) => c.count === t) && (sum === t || parts.length === 1 && parts[0]!.count === t) ? t : null;
  } else {
    const agree = base.every((c) => c.count === base[0]?.count);
    if (base.length) count = agree ? base[0]!.count : null;
    if (more.length && agree) count = (count ?? 0) + more.reduce((a, c) => a + c.count, 0) || null;
  }
  const interval = mentions.find((m): m is Extract<ScheduleMention, { kind: "interval" }> => m.kind === "interval");
  const duration = mentions.find((m): m is Extract<ScheduleMention, { kind: "duration" }> => m.kind === "duration");
  if (list && list.kind === "list") {
    const days = offsets(list.days);
    if (count !== null && count !== days.length) {
      return { infusions: count, dayOffsets: null, text, conflict: `${count} infusions but ${days.length} days listed ("${list.text}")`, mentions };
    }
    return { infusions: days.length, dayOffsets: days, text, conflict: null, mentions };
  }
  if (interval && count === null && duration) {
    if (interval.everyDays && duration.days && duration.days >= interval.everyDays) {
      count = Math.floor(duration.days / interval.everyDays);
    } else if (interval.everyMonths && duration.months) {
      count = Math.floor(duration.months / interval.everyMonths);
    } else if (interval.perPeriod > 1 && duration.days) {
      const period = /week/i.test(interval.text) ? 7 : /day|daily/i.test(interval.text) ? 1 : null;
      if (period) count = interval.perPeriod * Math.floor(duration.days / period);
    }
  }
  if (count === null) return counts.length || interval || duration ? { infusions: null, dayOffsets: null, text, conflict: null, mentions } : null;
  if (count === 1) return { infusions: 1, dayOffsets: [0], text, conflict: null, mentions };
  // More than any trial gives: kept, not listed day by day, for the plausibility check to refuse.
  if (count > MAX_COUNT) return { infusions: count, dayOffsets: null, text, conflict: null, mentions };
  if (interval?.everyDays && interval.perPeriod === 1) {
    return { infusions: count, dayOffsets: Array.from({ length: count }, (_, i) => i * interval.everyDays!), text, conflict: null, mentions };
  }
  return { infusions: count, dayOffsets: null, text, conflict: null, mentions };
}
