/**
 * Schedules that are no single rhythm: a changing frequency ("weekly for the first month, then
 * monthly for five months (9 doses in all)"), read as phases with a stated total or none; and
 * administrations per course ("2 times / course, a total of 2 courses").
 */
import type { DoseUnstated, SchedulePhase } from "../../record/schema";
import type { CombinedSchedule } from "./schedule-combine";
import type { ScheduleMention } from "./schedules";

type Interval = Extract<ScheduleMention, { kind: "interval" }>;
const rhythm = (i: Interval) => `${i.everyDays}:${i.everyMonths}:${i.perPeriod}`;

/**
 * "weekly for the first month, then monthly for five months (9 doses in all)": intervals of
 * different rhythms are phases. The stated total is kept, each phase with its words, its
 * interval and its count where the phase states one (or its span is a whole number of its
 * intervals); the days are not given, since the record does not state where a phase ends.
 */
export function phasedSchedule(mentions: ScheduleMention[], text: string): CombinedSchedule | null {
  const intervals = mentions.filter((m): m is Interval => m.kind === "interval");
  if (new Set(intervals.map(rhythm)).size < 2) return null;
  let total: number | null = null;
  type Count = Extract<ScheduleMention, { kind: "count" }>;
  const phaseCount = (m: ScheduleMention): m is Count => m.kind === "count" && !m.total && !m.ceiling;
  // "Four infusions 1 week apart followed by 4 infusions 1 month apart": each phase's count before its
  // interval (a count before the first interval is then that phase's, not the total).
  const countFirst = mentions.some((m) => phaseCount(m) && m.start < intervals[0]!.start) &&
    mentions.some((m) => phaseCount(m) && m.start > intervals[0]!.end && m.start < intervals[intervals.length - 1]!.start);
  const phases: SchedulePhase[] = intervals.map((iv, k) => {
    const next = intervals[k + 1]?.start ?? Infinity;
    const inPhase = mentions.filter((m) => m !== iv && m.start > iv.start && m.start < next);
    const duration = inPhase.find((m): m is Extract<ScheduleMention, { kind: "duration" }> => m.kind === "duration");
    const prevEnd = k > 0 ? intervals[k - 1]!.end : -Infinity;
    const count = countFirst
      ? mentions.filter((m): m is Count => phaseCount(m) && m.start >= prevEnd && m.start < iv.start).pop()
      : inPhase.find((m): m is Count => phaseCount(m) && !m.more);
    let infusions = count?.count ?? null;
    if (infusions === null && duration && iv.perPeriod === 1) {
      if (iv.everyDays && duration.days && duration.days % iv.everyDays === 0) infusions = duration.days / iv.everyDays;
      else if (iv.everyMonths && duration.months && duration.months % iv.everyMonths === 0) infusions = duration.months / iv.everyMonths;
    }
    const words = [iv, ...(duration ? [duration] : []), ...(count ? [count] : [])].sort((a, b) => a.start - b.start).map((m) => m.text).join(" ");
    return { text: words, everyDays: iv.perPeriod === 1 ? iv.everyDays : null, infusions };
  });
  const totals = mentions.filter((m): m is Extract<ScheduleMention, { kind: "count" }> =>
    m.kind === "count" && !m.more && !m.ceiling && (!!m.total || (!countFirst && m.start < intervals[0]!.start)));
  if (totals.length && totals.every((c) => c.count === totals[0]!.count)) total = totals[0]!.count;
  const unstated: DoseUnstated = total !== null
    ? { dayOffsets: `schedule changes frequency: ${total} infusions, days not stated` }
    : {
      infusions: `schedule changes frequency (${phases.map((p) => p.text).join(", then ")}): the total number of infusions is not stated`,
      dayOffsets: "schedule changes frequency: days not stated",
    };
  return { infusions: total, dayOffsets: null, text, conflict: null, mentions, phases, unstated };
}

type Count = Extract<ScheduleMention, { kind: "count" }>;
const COURSES = /\b(?:courses?|cycles?)\b/i;

/**
 * "2 times / course, a total of 2 courses": administrations per course times a stated total
 * of courses is the number given (the days are not: the gap between courses is not stated);
 * "twice / course" with no total of courses states no number of administrations.
 */
export function courseSchedule(mentions: ScheduleMention[], text: string): CombinedSchedule | null {
  const per = mentions.filter((m): m is Count => m.kind === "count" && !!m.perCourse);
  if (!per.length) return null;
  const each = per[0]!.count;
  const words = per[0]!.text;
  if (per.some((c) => c.count !== each)) {
    return { infusions: null, dayOffsets: null, text, conflict: null, mentions, unstated: { infusions: `different numbers of administrations per course: ${per.map((c) => `"${c.text}"`).join(", ")}`, dayOffsets: "days not stated" } };
  }
  const courses = mentions.filter((m): m is Count => m.kind === "count" && !m.perCourse && !m.ceiling && COURSES.test(m.text));
  const totals = courses.filter((c) => c.total);
  if (totals.length && totals.every((c) => c.count === totals[0]!.count)) {
    const n = totals[0]!.count;
    return {
      infusions: each * n, dayOffsets: n * each === 1 ? [0] : null, text, conflict: null, mentions,
      ...(n * each === 1 ? {} : { unstated: { dayOffsets: `${each} per course ("${words}"), ${n} courses ("${totals[0]!.text}"): the days between courses are not stated` } }),
    };
  }
  const why = courses.length
    ? `${each} per course ("${words}"); the courses ("${courses.map((c) => c.text).join('", "')}") are not stated as a total`
    : `${each} per course ("${words}"); the number of courses is not stated`;
  return { infusions: null, dayOffsets: null, text, conflict: null, mentions, unstated: { infusions: why, dayOffsets: "days not stated (administrations per course only)" } };
}
