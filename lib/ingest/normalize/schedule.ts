import { SMALL_COUNT, parseSmallCount } from "./numbers";

/**
 * An infusion schedule read from words. `days` are on the text's own timeline (week N is
 * day 7N, "day 4" is day 4); callers turn them into offsets from the arm's first infusion
 * with `toDayOffsets`, so that "at week4 and week5" can continue "at week0, week1 and week2".
 */
export interface Schedule {
  infusions: number | null;
  days: number[] | null;
  /** The words the schedule was read from. */
  text: string;
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7 };
const N = SMALL_COUNT;

function listNumbers(s: string): number[] {
  return [...s.matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** More infusions than this are not listed day by day (the count itself is checked later). */
const MAX_LISTED = 100;

function periodic(count: number, everyDays: number | null): number[] | null {
  if (everyDays === null || count > MAX_LISTED) return null;
  return Array.from({ length: count }, (_, i) => i * everyDays);
}

function unitDays(unit: string): number | null {
  return UNIT_DAYS[unit.toLowerCase().replace(/s$/, "")] ?? null;
}

type Rule = (t: string) => Schedule | null;

// Between the numbers of a list: "1, 8 and 15", "1, 8, and 15" (serial comma), "1 & 8".
const SEP = String.raw`\s*(?:,\s*(?:and\b|&)|,|\band\b|&)\s*`;
const WEEK_LIST = new RegExp(String.raw`\b(?:at|on|in)\s+(weeks?\s*\d+(?:${SEP}(?:weeks?\s*)?\d+)*)`, "i");
const DAY_LIST = new RegExp(String.raw`\b(?:(?:on|at)\s+(?:the\s+)?)?days?\s*(\d+(?:${SEP}(?:days?\s*)?\d+)+)`, "i");
const ORDINAL_DAY_LIST = new RegExp(String.raw`\bon\s+the\s+(\d+(?:st|nd|rd|th)?(?:${SEP}\d+(?:st|nd|rd|th)?)+)\s+days?\b`, "i");

// A list of days that follows these words is a visit schedule, not infusions:
// "follow-up at days 7, 30 and 90", "evaluated on days 7, 14 and 28".
const NOT_INFUSIONS = /\b(?:follow(?:ed)?[- ]?up|visits?|evaluat\w*|assess\w*|examin\w*|measur\w*|sampl\w*|collect\w*|review\w*|observ\w*|record\w*|tested|testing)(?:\s+\w+){0,2}\s*$/i;

/** The first match of a day or week list that is not a list of visits. */
function infusionList(re: RegExp, t: string): RegExpExecArray | null {
  const global = new RegExp(re.source, `${re.flags.replace("g", "")}g`);
  for (const m of t.matchAll(global)) {
    if (!NOT_INFUSIONS.test(t.slice(Math.max(0, m.index - 40), m.index))) return m as RegExpExecArray;
  }
  return null;
}

/** Distinct days in order: "days 1, 1 and 8" is two infusion days, not three. */
const distinct = (days: number[]) => [...new Set(days)];

const RULES: Rule[] = [
  // "at week0, week1 and week2", "at weeks 0, 1 and 2", "at week 4 and week 5"
  (t) => {
    const m = infusionList(WEEK_LIST, t);
    if (!m) return null;
    const days = distinct(listNumbers(m[1]!).map((w) => w * 7));
    return { infusions: days.length, days, text: m[0] };
  },
  // "on days 1, 4, 7 and 10", "days 1, 4, 7 and 10", "on day 1, day 8 and day 15", "on the 1, 4, 7 and 10 days"
  (t) => {
    const m = infusionList(DAY_LIST, t) ?? infusionList(ORDINAL_DAY_LIST, t);
    if (!m) return null;
    const days = distinct(listNumbers(m[1]!));
    return { infusions: days.length, days, text: m[0] };
  },
  // "one infusion every 4 weeks, for a total of three infusions", "every 2 weeks for 3 times",
  // "4 infusions at 2-week intervals", "three infusions 4 weeks apart"
  (t) => {
    const every =
      new RegExp(String.raw`\bevery\s+(${N})?\s*(days?|weeks?|months?)`, "i").exec(t) ??
      new RegExp(String.raw`\b(${N})[- ](days?|weeks?|months?)\s+intervals?\b`, "i").exec(t) ??
      new RegExp(String.raw`\b(${N})\s+(days?|weeks?|months?)\s+apart\b`, "i").exec(t);
    if (!every) return null;
    const total =
      new RegExp(String.raw`\b(?:a total of|total of|totally|in total)\s+(${N})\s+(?:infusions?|injections?|doses?|times)`, "i").exec(t) ??
      new RegExp(String.raw`\bfor\s+(${N})\s+(?:infusions?|injections?|doses?|times)`, "i").exec(t) ??
      // not "1 infusion every week": that is the rate, not the total
      new RegExp(String.raw`\b(${N})\s+(?:infusions?|injections?|doses?)\b(?!\s+every\b)`, "i").exec(t);
    if (!total) return null;
    const count = parseSmallCount(total[1]!);
    if (!count) return null;
    const interval = every[1] ? parseSmallCount(every[1]) : 1;
    const unit = unitDays(every[2]!);
    const days = interval && unit ? periodic(count, interval * unit) : null;
    const from = Math.min(every.index, total.index);
    const to = Math.max(every.index + every[0].length, total.index + total[0].length);
    return { infusions: count, days, text: t.slice(from, to) };
  },
  // "once a week for 8 weeks", "weekly for 4 weeks", "once weekly for 4 times", "weekly x 4"
  (t) => {
    const m = new RegExp(
      String.raw`\b(once|twice|${N} times)?\s*(?:a|per|every)?\s*(week|day)(?:ly)?\s*(?:for|x|×)\s*(${N})\s*(weeks?|days?|times|infusions?|consecutive weeks?)?`,
      "i",
    ).exec(t) ?? new RegExp(String.raw`\b(once|twice)?\s*(week|dai)ly\s*(?:for|x|×)\s*(${N})\s*(weeks?|days?|times)?`, "i").exec(t);
    if (!m) return null;
    const perPeriod = m[1] ? parseSmallCount(m[1].replace(/\s*times$/i, "")) : 1;
    const n = parseSmallCount(m[3]!);
    if (!perPeriod || !n) return null;
    const period = m[2]!.toLowerCase().startsWith("week") ? 7 : 1;
    const countIsPeriods = !m[4] || /weeks?|days?/i.test(m[4]);
    const infusions = countIsPeriods ? n * perPeriod : n;
    // Twice a week for 4 weeks: 8 infusions, but on which days the text does not say.
    const days = perPeriod === 1 ? periodic(infusions, period) : null;
    return { infusions, days, text: m[0].trim() };
  },
  // "3 times hUC-MSC", "3 times placebo", "received 4 infusions": a count, no timing
  (t) => {
    const m =
      new RegExp(String.raw`\b(${N})\s+(?:times|infusions|injections|doses)\b`, "i").exec(t) ??
      new RegExp(String.raw`\b(?:a total of|total of)\s+(${N})\b`, "i").exec(t);
    if (!m) return null;
    const n = parseSmallCount(m[1]!);
    return n ? { infusions: n, days: null, text: m[0] } : null;
  },
  // "a single infusion": one infusion, on day 0 of the arm's timeline
  (t) => {
    const m = /\ba\s+single\s+(?:intravenous\s+)?(?:infusion|injection|transfusion)\b/i.exec(t);
    return m ? { infusions: 1, days: [0], text: m[0] } : null;
  },
];

/**
 * Reads the first rule that matches. The week and day lists come first because they
 * state the days exactly; the count-only rule last, since it says nothing of timing.
 * Counts from a day list win over a stated count only when the two agree.
 */
export function parseSchedule(text: string): Schedule | null {
  const t = text.replace(/\s+/g, " ");
  const results = RULES.map((rule) => rule(t)).filter((s): s is Schedule => s !== null);
  if (results.length === 0) return null;
  const dated = results.filter((s) => s.days !== null);
  if (new Set(dated.map((s) => toDayOffsets(s.days!).join(","))).size > 1) {
    // Two readings disagree on the days: the text says something this reader does not
    // understand, so the days stay unknown (a count both agree on is kept).
    const counts = new Set(results.map((s) => s.infusions));
    return { infusions: counts.size === 1 ? results[0]!.infusions : null, days: null, text: results.map((s) => s.text).join(" … ") };
  }
  const exact = dated[0];
  const counted = results.find((s) => s.infusions !== null);
  if (exact && counted && exact.infusions !== counted.infusions && counted.days === null) {
    // "3 times placebo (at week0, week1 and week2)" agrees; a disagreement means the text
    // is inconsistent, so keep the stated count and no days rather than guess.
    return { infusions: counted.infusions, days: null, text: counted.text };
  }
  return exact ?? results[0]!;
}

/** Days on a timeline → offsets from the first infusion: [1, 4, 7, 10] → [0, 3, 6, 9]. */
export function toDayOffsets(days: number[]): number[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  return sorted.map((d) => d - first);
}
