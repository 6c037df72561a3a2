import { COUNT_WORD, countValue } from "./types";
import { notInfusion, notInfusionBefore, notInfusionRhythm } from "./schedule-context";
import { addCounts } from "./schedule-counts";

/**
 * Schedule mentions in prose, each with its words and span: counts ("four times", "twice",
 * "a single infusion", "3 doses", "another 2 times"), intervals ("once a week", "weekly",
 * "every 3 days", "q4w", "at 3-week intervals"), day or week lists ("on days 1, 3 and 7",
 * "at week 0, 1 and 2", "Day 0, Day 5 (±1) and Day 13 (±1)") and durations ("for 8 weeks",
 * "within 12 weeks"). Follow-up visits and assessments are not infusions and are skipped.
 * Every pattern has bounded quantifiers; lists are read by a token loop.
 */
export type ScheduleMention =
  | { kind: "count"; start: number; end: number; text: string; count: number; more: boolean; sizeOnly?: boolean; ceiling?: boolean; total?: boolean; perCourse?: boolean }
  | { kind: "interval"; start: number; end: number; text: string; everyDays: number | null; everyMonths: number | null; perPeriod: number }
  | { kind: "list"; start: number; end: number; text: string; days: number[] }
  | { kind: "duration"; start: number; end: number; text: string; days: number | null; months: number | null; first?: boolean };

/** No registry text has more; a cap keeps the overlap checks linear on pathological input. */
const MAX_MENTIONS = 500;
const N = COUNT_WORD;
const UNIT = String.raw`(day|week|wk|month)s?`;
const unitDays = (u: string) => (/^d/i.test(u) ? 1 : /^w/i.test(u) ? 7 : null);
const isMonth = (u: string) => /^m/i.test(u);

// "once / week", "1 time / week", "2 times / day": a rate written with a slash (ChiCTR's way)
const SLASH_RATE = new RegExp(String.raw`\b(once|twice|thrice|(${N})\s{0,2}times?)\s{0,2}\/\s{0,2}${UNIT}\b`, "gi");
// "twice / course", "2 times / course", "2 times per cycle": administrations in each course, not in all
const PER_COURSE = new RegExp(String.raw`\b(once|twice|thrice|(${N})\s{0,2}times?)\s{0,2}(?:\/|per|each|every|a)\s{0,2}(?:treatment\s{1,2})?(?:course|cycle)\b`, "gi");
const SINGLE = /\b(?:a\s{1,2})?single[\s-]{1,2}(?:(?:intravenous|iv|i\.v\.|peripheral|intra-?arterial|hepatic|intrathecal|intra-?articular|intramuscular|intracoronary|ic|subcutaneous|intradermal|intralesional|local|intracerebral|intravitreal|intradiscal|intranasal|intramyocardial|transendocardial|endoscopic|intraosseous|intrauterine|bolus)\s{1,2})?(?:dose|infusion|injection|administration|transfusion|application|implantation|transplantation)\b/gi;
// "receive infusion per week", "one dose per week": a rate said of one administration
const NOUN_PER = new RegExp(String.raw`\b(?:(?:one|an?|1)\s{1,2})?(?:infusion|injection|dose|administration|transfusion)\s{1,2}(?:per|a|each)\s{1,2}(?:(${N})\s{0,2})?${UNIT}\b`, "gi");
const EVERY = new RegExp(String.raw`\b(?:once\s{1,2})?every\s{1,2}(other\s{1,2})?(?:(${N})\s{0,2})?${UNIT}\b`, "gi");
const ONCE_PER = new RegExp(String.raw`\b(once|twice|${N}\s{1,2}times)\s{1,2}(?:a|per|each|every)\s{1,2}(?:(${N})\s{0,2})?${UNIT}\b`, "gi");
const LY = /\b(?:(once|twice)\s{1,2})?(weekly|daily|monthly|fortnightly|biweekly|bi-weekly)\b/gi;
const QNW = /\bq\s{0,1}(\d{1,2})\s{0,1}(w|wk|d|m)\b/gi;
const AT_INTERVALS = new RegExp(String.raw`\b(?:at|with)?\s{0,2}(?:an?\s{1,2})?(?:interval\s{1,2}of\s{1,2}(${N})\s{0,2}${UNIT}|(${N})[\s-]{1,2}${UNIT}\s{1,2}intervals?|(${N})\s{0,2}${UNIT}\s{1,2}apart|apart\s{1,2}(?:from|by)\s{1,2}(${N})\s{0,2}${UNIT})`, "gi");
// Four digits: "once a week for 1234 weeks" is read in full, for the plausibility check to refuse.
const DURATION = new RegExp(String.raw`\b(for|within|over)\s{1,2}(?:a\s{1,2}period\s{1,2}of\s{1,2})?(\d{1,4}|${N})\s{0,2}(?:consecutive\s{1,2})?${UNIT}\b`, "gi");
// "for the first month", "during the first 4 weeks", "in the second 8 weeks": the span of a phase (only a phase's words: no count is made of it).
const FIRST_SPAN = new RegExp(String.raw`\b(?:for|during|in|over)\s{1,2}the\s{1,2}(?:first|initial|second|third|last|final|following|next|subsequent|remaining)\s{1,2}(?:(\d{1,3}|${N})\s{0,2})?${UNIT}\b`, "gi");
const LIST_START = /\b(?:on\s{1,2}|at\s{1,2}|in\s{1,2})?(?:the\s{1,2})?(day|week|d|w)s?\s{0,2}(\d{1,3})\b/gi;
const TRAILING_UNIT_LIST = /\bat\s{1,2}(\d{1,3}(?:\s{0,2}(?:,\s{0,2}and|,|and|&)\s{0,2}\d{1,3}){1,8})\s{0,2}-?(weeks?|wks?|days?)\b/gi;
const AT_PROCEDURE_AND_DAY = /\b(?:at|during|on\s{1,2}the\s{1,2}day\s{1,2}of)\s{1,2}(?:the\s{1,2})?(?:surgery|transplant(?:ation)?|operation|implantation)\s{1,2}and\s{1,2}(?:on\s{1,2})?(?:post-?operative\s{1,2})?day\s{1,2}\+?(\d{1,3})\b(?!\s{0,2}(?:or|-|–|to|and|,)\s{0,2}\d)/gi;
const ORDINAL_LIST = /\bon\s{1,2}the\s{1,2}(\d{1,3})(?:st|nd|rd|th)?\b/gi;

/** "1, 4, 7 and 10", with an optional repeated unit and "(±1)" tolerances; from `pos`. */
function readList(text: string, pos: number, unit: RegExp): { numbers: number[]; end: number } {
  const numbers: number[] = [];
  let i = pos;
  const sep = /\s{0,2}(?:\((?:±|\+\/-|\+-)?\s{0,1}\d{1,2}\s{0,1}(?:days?)?\)\s{0,2})?(?:,\s{0,2}and|,\s{0,2}&|,|and|&|or)\s{0,2}/y;
  const num = new RegExp(String.raw`(?:${unit.source}\s{0,2})?(\d{1,3})(?:st|nd|rd|th)?\b`, "iy");
  const tol = /\s{0,2}\((?:±|\+\/-|\+-)?\s{0,1}\d{1,2}\s{0,1}(?:days?)?\)/y;
  num.lastIndex = i;
  let m = num.exec(text);
  while (m) {
    numbers.push(Number(m[1]));
    i = num.lastIndex;
    tol.lastIndex = i;
    if (tol.exec(text)) i = tol.lastIndex;
    sep.lastIndex = i;
    if (!sep.exec(text)) break;
    num.lastIndex = sep.lastIndex;
    m = num.exec(text);
    if (!m) break;
  }
  return { numbers, end: i };
}

export function findSchedules(text: string): ScheduleMention[] {
  const out: ScheduleMention[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && a < e);
  const add = (mention: ScheduleMention) => {
    let m = mention;
    if (out.length >= MAX_MENTIONS || !free(m.start, m.end)) return;
    // "about every 13 weeks", "approximately 6 months apart": the days between are not stated exactly
    if (m.kind === "interval" && m.everyDays !== null && /\b(?:about|approximately|approx\.?|roughly|around|~)\s{0,2}(?:once\s{1,2})?$/i.test(text.slice(Math.max(0, m.start - 20), m.start))) {
      m = { ...m, everyDays: null };
    }
    // "at 3-4 days interval", "14 ~ 10 times", "for 2-4 weeks": the upper end of a range is no count nor interval
    if (m.kind !== "list" && /\d\s{0,2}(?:-|–|—|~|to|or)\s{0,2}$/i.test(text.slice(Math.max(0, m.start - 8), m.start))) return;
    // "between 10 and 20 injections": the upper end too
    if (m.kind !== "list" && /\bbetween\s{1,2}\d{1,3}\s{1,2}and\s{1,2}$/i.test(text.slice(Math.max(0, m.start - 24), m.start))) return;
    if ((m.kind === "interval" || m.kind === "duration") && notInfusionRhythm(text, m.start)) return;
    taken.push([m.start, m.end]);
    out.push(m);
  };
  // "at surgery and day 4 post-transplant", "on the day of transplantation and on day 7": day 0 is the procedure's
  for (const m of text.matchAll(AT_PROCEDURE_AND_DAY)) {
    const n = Number(m[1]);
    if (n > 0) add({ kind: "list", start: m.index, end: m.index + m[0].length, text: m[0], days: [0, n] });
  }
  // Lists first: they state the days exactly.
  let listEnd = 0;
  for (const m of text.matchAll(LIST_START)) {
    if (m.index < listEnd || out.length >= MAX_MENTIONS) continue; // inside a list already read
    const unitWord = m[1]!.toLowerCase();
    const numStart = m.index + m[0].length - m[2]!.length;
    const unitRe = unitWord.startsWith("w") ? /(?:weeks?|w)/ : /(?:days?|d)/;
    const { numbers, end } = readList(text, numStart, unitRe);
    const single = numbers.length === 1;
    if (single && !/^(?:on|at|in)\s/i.test(m[0])) continue;
    if (single && /^\s{0,2}(?:-|–|to|through|until)/i.test(text.slice(end, end + 12))) continue;
    if (!single && /^\s{0,2}(?:-|–)/.test(text.slice(end, end + 4))) continue;
    if (notInfusion(text, m.index, end)) continue;
    // "on day 3 or 4", "on Day 0, Day 2, or Day 4 depending on the group": alternatives, not a schedule
    if (/\bor\b/i.test(text.slice(m.index, end)) || /^\s{0,2},?\s{0,2}or\b/i.test(text.slice(end, end + 8))) {
      listEnd = end;
      continue;
    }
    const mult = unitWord.startsWith("w") ? 7 : 1;
    const days = [...new Set(numbers.map((n) => n * mult))];
    listEnd = end;
    add({ kind: "list", start: m.index, end, text: text.slice(m.index, end), days });
  }
  for (const m of text.matchAll(ORDINAL_LIST)) {
    const { numbers, end } = readList(text, m.index + m[0].length - m[1]!.length - (m[0].length - m[0].indexOf(m[1]!) - m[1]!.length), /(?:days?)/);
    const tail = /^\s{0,2}days?\b/i.exec(text.slice(end, end + 8));
    if (numbers.length < 2 || !tail) continue;
    add({ kind: "list", start: m.index, end: end + tail[0].length, text: text.slice(m.index, end + tail[0].length), days: [...new Set(numbers)] });
  }
  for (const m of text.matchAll(SLASH_RATE)) {
    const w = m[1]!.toLowerCase();
    const per = w === "once" ? 1 : w === "twice" ? 2 : w === "thrice" ? 3 : countValue(m[2]!) ?? 0;
    if (!per) continue;
    const d = unitDays(m[3]!);
    add({ kind: "interval", start: m.index, end: m.index + m[0].length, text: m[0], perPeriod: per, everyDays: per === 1 ? d : null, everyMonths: isMonth(m[3]!) && per === 1 ? 1 : null });
  }
  for (const m of text.matchAll(PER_COURSE)) {
    const w = m[1]!.toLowerCase();
    const n = w === "once" ? 1 : w === "twice" ? 2 : w === "thrice" ? 3 : countValue(m[2]!) ?? 0;
    if (n) add({ kind: "count", start: m.index, end: m.index + m[0].length, text: m[0], count: n, more: false, perCourse: true });
  }
  for (const m of text.matchAll(ONCE_PER)) {
    const per = /^twice/i.test(m[1]!) ? 2 : /^once/i.test(m[1]!) ? 1 : countValue(m[1]!.replace(/\s{1,2}times$/i, "")) ?? 1;
    const n = m[2] ? countValue(m[2]) : 1;
    const d = unitDays(m[3]!);
    add({
      kind: "interval", start: m.index, end: m.index + m[0].length, text: m[0], perPeriod: per,
      everyDays: per === 1 && d && n ? d * n : null, everyMonths: isMonth(m[3]!) && per === 1 ? n : null,
    });
  }
  for (const m of text.matchAll(NOUN_PER)) {
    const n = m[1] ? countValue(m[1]) : 1;
    const d = unitDays(m[2]!);
    add({ kind: "interval", start: m.index, end: m.index + m[0].length, text: m[0], perPeriod: 1, everyDays: d && n ? d * n : null, everyMonths: isMonth(m[2]!) ? n : null });
  }
  for (const m of text.matchAll(EVERY)) {
    const n = m[2] ? countValue(m[2]) : 1;
    const k = (m[1] ? 2 : 1) * (n ?? 0);
    const d = unitDays(m[3]!);
    add({ kind: "interval", start: m.index, end: m.index + m[0].length, text: m[0], perPeriod: 1, everyDays: d && k ? d * k : null, everyMonths: isMonth(m[3]!) ? k : null });
  }
  for (const m of text.matchAll(LY)) {
    const w = m[2]!.toLowerCase();
    const per = m[1]?.toLowerCase() === "twice" ? 2 : 1;
    const d = w === "weekly" ? 7 : w === "daily" ? 1 : w === "monthly" ? null : 14;
    add({ kind: "interval", start: m.index, end: m.index + m[0].length, text: m[0], perPeriod: per, everyDays: per === 1 ? d : null, everyMonths: w === "monthly" ? 1 : null });
  }
  for (const m of text.matchAll(QNW)) {
    const n = Number(m[1]);
    const u = m[2]!.toLowerCase();
    add({ kind: "interval", start: m.index, end: m.index + m[0].length, text: m[0], perPeriod: 1, everyDays: u === "m" ? null : n * (u === "d" ? 1 : 7), everyMonths: u === "m" ? n : null });
  }
  for (const m of text.matchAll(AT_INTERVALS)) {
    const n = countValue(m[1] ?? m[3] ?? m[5] ?? m[7] ?? "");
    const u = m[2] ?? m[4] ?? m[6] ?? m[8] ?? "";
    const d = unitDays(u);
    const lead = m[0].length - m[0].trimStart().length;
    add({ kind: "interval", start: m.index + lead, end: m.index + m[0].length, text: m[0].trimStart(), perPeriod: 1, everyDays: d && n ? d * n : null, everyMonths: isMonth(u) ? n : null });
  }
  for (const m of text.matchAll(DURATION)) {
    // Right after an interval ("once a week for 8 weeks after randomisation") a duration is the infusions'.
    const afterInterval = /(?:once|twice|every|per|a)\s{1,2}(?:\d{1,2}\s{0,2})?(?:day|week|month)s?\s{0,2},?\s{0,2}$|(?:weekly|daily|monthly)\s{0,2},?\s{0,2}$/i.test(text.slice(Math.max(0, m.index - 24), m.index));
    if (afterInterval ? notInfusionBefore(text, m.index, 7, 70) : notInfusion(text, m.index, m.index + m[0].length)) continue;
    if ((afterInterval ? /^\s{0,3}(?:follow|observation)/i : /^\s{0,3}(?:follow|after|post|observation)/i).test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    const n = /^\d{4}$/.test(m[2]!) ? Number(m[2]) : countValue(m[2]!);
    const d = unitDays(m[3]!);
    if (!n) continue;
    add({ kind: "duration", start: m.index, end: m.index + m[0].length, text: m[0], days: d ? d * n : null, months: isMonth(m[3]!) ? n : null });
  }
  for (const m of text.matchAll(FIRST_SPAN)) {
    const n = m[1] ? countValue(m[1]) : 1;
    if (!n || notInfusionBefore(text, m.index, 7, 70)) continue;
    const d = unitDays(m[2]!);
    add({ kind: "duration", start: m.index, end: m.index + m[0].length, text: m[0], days: d ? d * n : null, months: isMonth(m[2]!) ? n : null, first: true });
  }
  for (const m of text.matchAll(SINGLE)) {
    // "A single dose of 2×10^7 cells …, repeated every week for four times": the size of each dose.
    const sizeOnly = /^\s{1,2}of\s{1,2}(?:approximately\s{1,2}|about\s{1,2})?\d/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20));
    add({ kind: "count", start: m.index, end: m.index + m[0].length, text: m[0], count: 1, more: false, ...(sizeOnly ? { sizeOnly } : {}) });
  }
  // "at 4, 8week", "at 0, 4 and 8 weeks": the numbers first, the unit after
  for (const m of text.matchAll(TRAILING_UNIT_LIST)) {
    if (notInfusionBefore(text, m.index, 3, 30)) continue;
    const mult = /^w/i.test(m[2]!) ? 7 : 1;
    const days = [...new Set([...m[1]!.matchAll(/\d{1,3}/g)].map((d) => Number(d[0]) * mult))];
    add({ kind: "list", start: m.index, end: m.index + m[0].length, text: m[0], days });
  }
  addCounts(text, add);
  out.sort((a, b) => a.start - b.start);
  // "one single IC infusion followed by one single IV infusion", "4*10^7 cells intra-arterially one time, then
  // 4*10^7 cells intravenously 3 times": the later count adds administrations, it does not restate them
  for (let k = 1; k < out.length; k++) {
    const a = out[k - 1]!;
    const b = out[k]!;
    const between = text.slice(a.end, b.start);
    if (a.kind === "count" && b.kind === "count" && !a.sizeOnly && !b.sizeOnly && !a.ceiling && !b.ceiling && !b.more &&
      between.length <= 90 && !/[.;]\s/.test(between) && /^[^.;]{0,60}?(?:followed\s{1,2}by|and\s{1,2}then|\bthen)\b/i.test(between)) {
      out[k] = { ...b, more: true };
    }
  }
  return out;
}

export { combineSchedules, type CombinedSchedule } from "./schedule-combine";
