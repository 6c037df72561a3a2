import type { DoseUnstated, SchedulePhase } from "../../record/schema";
import { COUNT_WORD, countValue, wordsAfter, wordsBefore } from "./types";

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

const MAX_COUNT = 100;
/** No registry text has more; a cap keeps the overlap checks linear on pathological input. */
const MAX_MENTIONS = 500;
const N = COUNT_WORD;
const UNIT = String.raw`(day|week|wk|month)s?`;
const unitDays = (u: string) => (/^d/i.test(u) ? 1 : /^w/i.test(u) ? 7 : null);
const isMonth = (u: string) => /^m/i.test(u);

// Words before a list or duration that make it a visit, an assessment or a time frame.
const NOT_INFUSION = new Set([
  "follow", "followed", "follow-up", "followup", "visit", "visits", "until", "through", "after", "before", "post", "up",
  "evaluated", "evaluation", "assessed", "assessment", "assessments", "examined", "examination", "measured", "observed",
  "observation", "recorded", "collected", "sampling", "tested", "from", "baseline", "monitored", "monitoring", "frame",
  "endpoint", "end", "by", "survival", "mortality", "since", "last", "within", "results", "data", "aspiration", "aspirated",
  "harvested", "harvest", "biopsy", "observations", "outcomes", "outcome", "analyzed", "analysed",
  "culture", "cultured", "expanded", "expansion", "passaged",
]);
const NOT_INFUSION_AFTER = new Set(["study", "visit", "visits", "follow-up", "follow", "after", "post", "later", "of", "survival", "mortality", "follow-up."]);

// A count right after these is how often something else is done ("BM aspiration will be done twice").
const PROCEDURE = new Set(["aspiration", "aspirated", "aspirations", "harvest", "harvested", "biopsy", "biopsies", "puncture", "punctures", "collected", "collection", "sampling", "visit", "visits", "measured", "assessed", "evaluated", "examined"]);
const procedureCount = (text: string, start: number) => wordsBefore(text, start, 5, 50).some((w) => PROCEDURE.has(w));

// "30mg Pioglitazone daily for 24 months", "followed up every week": another drug's or a visit's rhythm.
const DRUG_BEFORE = /\d\s{0,2}(?:mg|µg|ug|mcg|g|iu)\b[^.;,()]{0,30}$/i;
const FOLLOW_BEFORE = /\b(?:followed|follow-up|follow\s{1,2}up|visits?|monitored|assessed|evaluated|seen)\s{1,2}(?:up\s{1,2})?$/i;
const notInfusionRhythm = (text: string, start: number) => {
  const before = text.slice(Math.max(0, start - 40), start);
  return DRUG_BEFORE.test(before) || FOLLOW_BEFORE.test(before);
};

// "on days 1, 4, 7 and 10 after recruitment": days counted from the patient's start are infusion days.
const FROM_ENTRY = /^\s{0,3}(?:after|post)[\s-]{1,3}(?:the\s{1,2})?(?:recruitment|enrol{1,2}ment|randomi[sz]ation|admission|inclusion|screening|baseline)\b/i;

function notInfusion(text: string, start: number, end: number): boolean {
  const before = wordsBefore(text, start, 7, 70);
  const after = FROM_ENTRY.test(text.slice(end, end + 40)) ? [] : wordsAfter(text, end, 1, 20);
  return before.some((w) => NOT_INFUSION.has(w)) || after.some((w) => NOT_INFUSION_AFTER.has(w));
}

// "4 intrathecal injections", "3 repeated doses": one word saying how or where, between the number and the noun
const COUNT_ADJ = String.raw`(?:(?:intravenous|iv|i\.v\.|intrathecal|intra-?articular|intramuscular|intracoronary|intra-?arterial|intraventricular|intracerebroventricular|intraperitoneal|intramyocardial|transendocardial|intracerebral|intraspinal|intradiscal|intravitreal|intranasal|submucosal|endoscopic|subcutaneous|intradermal|intralesional|local|separate|repeated|consecutive|sequential|successive|further|total|cell|stem\s{1,2}cell)\s{1,2}){0,2}`;
const COUNT_RE = new RegExp(
  String.raw`\b(?:(another|additional)\s{1,2})?(${N})(?:\s{1,2}|-)(?:more\s{1,2})?${COUNT_ADJ}(times?|infusions?|injections?|doses?|does|dosages?|administrations?|transfusions?|applications?|divided\s{1,2}doses|courses?)\b(\s{1,2}more\b)?`,
  "gi",
);
// "once / week", "1 time / week", "2 times / day": a rate written with a slash (ChiCTR's way)
const SLASH_RATE = new RegExp(String.raw`\b(once|twice|thrice|(${N})\s{0,2}times?)\s{0,2}\/\s{0,2}${UNIT}\b`, "gi");
// "twice / course", "2 times / course", "2 times per cycle": administrations in each course, not in all
const PER_COURSE = new RegExp(String.raw`\b(once|twice|thrice|(${N})\s{0,2}times?)\s{0,2}(?:\/|per|each|every|a)\s{0,2}(?:treatment\s{1,2})?(?:course|cycle)\b`, "gi");
const ONCE_TWICE = /\b(once|twice|thrice)\b(\s{1,2}more\b)?/gi;
const SINGLE = /\b(?:a\s{1,2})?single[\s-]{1,2}(?:(?:intravenous|iv|i\.v\.|peripheral|intra-?arterial|hepatic|intrathecal|intra-?articular|intramuscular|intracoronary|ic|subcutaneous|intradermal|intralesional|local|intracerebral|intravitreal|intradiscal|intranasal|intramyocardial|transendocardial|endoscopic|intraosseous|intrauterine|bolus)\s{1,2})?(?:dose|infusion|injection|administration|transfusion|application|implantation|transplantation)\b/gi;
// "receive infusion per week", "one dose per week": a rate said of one administration
const NOUN_PER = new RegExp(String.raw`\b(?:(?:one|an?|1)\s{1,2})?(?:infusion|injection|dose|administration|transfusion)\s{1,2}(?:per|a|each)\s{1,2}(?:(${N})\s{0,2})?${UNIT}\b`, "gi");
const EVERY = new RegExp(String.raw`\b(?:once\s{1,2})?every\s{1,2}(other\s{1,2})?(?:(${N})\s{0,2})?${UNIT}\b`, "gi");
const ONCE_PER = new RegExp(String.raw`\b(once|twice|${N}\s{1,2}times)\s{1,2}(?:a|per|each|every)\s{1,2}(?:(${N})\s{0,2})?${UNIT}\b`, "gi");
const TIMES_AFTER_INTERVAL = /(?<=(?:weekly|daily|monthly|fortnightly|biweekly|(?:once\s{1,2}(?:a|per|every)|every)\s{1,2}(?:\d{1,2}\s{0,2})?(?:days?|weeks?|months?))\s{0,2})[x×]\s{0,2}(\d{1,2})\b(?![.,]\d|\s{0,2}(?:10|\^|e\d))/gi;
const LY = /\b(?:(once|twice)\s{1,2})?(weekly|daily|monthly|fortnightly|biweekly|bi-weekly)\b/gi;
const QNW = /\bq\s{0,1}(\d{1,2})\s{0,1}(w|wk|d|m)\b/gi;
const AT_INTERVALS = new RegExp(String.raw`\b(?:at|with)?\s{0,2}(?:an?\s{1,2})?(?:interval\s{1,2}of\s{1,2}(${N})\s{0,2}${UNIT}|(${N})[\s-]{1,2}${UNIT}\s{1,2}intervals?|(${N})\s{0,2}${UNIT}\s{1,2}apart|apart\s{1,2}(?:from|by)\s{1,2}(${N})\s{0,2}${UNIT})`, "gi");
// Four digits: "once a week for 1234 weeks" is read in full, for the plausibility check to refuse.
const DURATION = new RegExp(String.raw`\b(for|within|over)\s{1,2}(?:a\s{1,2}period\s{1,2}of\s{1,2})?(\d{1,4}|${N})\s{0,2}(?:consecutive\s{1,2})?${UNIT}\b`, "gi");
// "for the first month", "during the first 4 weeks", "in the second 8 weeks": the span of a phase (only a phase's words: no count is made of it).
const FIRST_SPAN = new RegExp(String.raw`\b(?:for|during|in|over)\s{1,2}the\s{1,2}(?:first|initial|second|third|last|final|following|next|subsequent|remaining)\s{1,2}(?:(\d{1,3}|${N})\s{0,2})?${UNIT}\b`, "gi");
// "(9 doses in all)", "a total of 9 infusions": the count of a whole schedule, not of one of its phases.
const TOTAL_AFTER = /^\s{0,2}(?:in\s{1,2}(?:all|total)|altogether|overall|totally|total|in\s{1,2}the\s{1,2}whole)\b/i;
const TOTAL_BEFORE = /(?:total\s{1,2}of|in\s{1,2}total|in\s{1,2}all|overall)\s{0,2}$/i;
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
    if (afterInterval ? wordsBefore(text, m.index, 7, 70).some((w) => NOT_INFUSION.has(w)) : notInfusion(text, m.index, m.index + m[0].length)) continue;
    if ((afterInterval ? /^\s{0,3}(?:follow|observation)/i : /^\s{0,3}(?:follow|after|post|observation)/i).test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    const n = /^\d{4}$/.test(m[2]!) ? Number(m[2]) : countValue(m[2]!);
    const d = unitDays(m[3]!);
    if (!n) continue;
    add({ kind: "duration", start: m.index, end: m.index + m[0].length, text: m[0], days: d ? d * n : null, months: isMonth(m[3]!) ? n : null });
  }
  for (const m of text.matchAll(FIRST_SPAN)) {
    const n = m[1] ? countValue(m[1]) : 1;
    if (!n || wordsBefore(text, m.index, 7, 70).some((w) => NOT_INFUSION.has(w))) continue;
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
    if (wordsBefore(text, m.index, 3, 30).some((w) => NOT_INFUSION.has(w))) continue;
    const mult = /^w/i.test(m[2]!) ? 7 : 1;
    const days = [...new Set([...m[1]!.matchAll(/\d{1,3}/g)].map((d) => Number(d[0]) * mult))];
    add({ kind: "list", start: m.index, end: m.index + m[0].length, text: m[0], days });
  }
  // "weekly x 4", "every 2 weeks ×3": a count written as a multiplication right after an interval
  // (never a power of ten: "x 10^6" and "x 4.5" are amounts).
  for (const m of text.matchAll(TIMES_AFTER_INTERVAL)) {
    const n = Number(m[1]);
    const start = m.index + m[0].indexOf(m[0].trimStart());
    if (n >= 2 && n <= MAX_COUNT) add({ kind: "count", start, end: m.index + m[0].length, text: m[0].trimStart(), count: n, more: false });
  }
  for (const m of text.matchAll(COUNT_RE)) {
    const n = countValue(m[2]!);
    if (!n || n > MAX_COUNT) continue;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 24);
    // "3 times the upper limit of normal", "2 times higher": not a number of infusions
    // "at 4 time points": assessments, not administrations
    if (/^\s{0,2}(?:the|higher|lower|greater|ULN|upper|normal|more than|per\b|a\b|daily|weekly|points?\b|frames?\b)/i.test(after) && /^times?$/i.test(m[3]!)) continue;
    if (/(?:more than|at least|less than|>|<|≥|≤)\s{0,2}$/i.test(text.slice(Math.max(0, m.index - 14), m.index))) continue;
    // "two dose levels", "3 dose groups": the number counts levels or groups, not administrations
    if (/^\s{0,2}(?:levels?|groups?|cohorts?|arms?|panels?|regimens?|strengths?|escalation)\b/i.test(after)) continue;
    // "8 intramuscular injections at designated sites", "10 injections into different points": sites of one procedure
    if (/^(?:\s{1,2}(?:at|into|in|over)\s{1,2}(?:[a-z-]{1,15}\s{1,2}){0,2}(?:sites?|points?|locations?|spots?)\b)/i.test(text.slice(end, end + 50))) continue;
    // "0.5 ml/injection x 10 injections": the injections one volume is split into, in one procedure
    if (/\d\s{0,2}(?:ml|µl|μl)\b[^.;\d]{0,30}(?:x|×|times)\s{0,2}$/i.test(text.slice(Math.max(0, m.index - 45), m.index))) continue;
    // "up to 10 doses", "a maximum of 4 infusions": a ceiling, not the number given
    const upTo = /(?:\bup\s{1,2}to|\bmaximum\s{1,2}of|\bat\s{1,2}most|\bno\s{1,2}more\s{1,2}than)\s{0,2}$/i.exec(text.slice(Math.max(0, m.index - 20), m.index));
    if (upTo) {
      const start = m.index - upTo[0].length;
      add({ kind: "count", start, end, text: text.slice(start, end), count: n, more: false, ceiling: true });
      continue;
    }
    // "one infusion every 4 weeks", "one dose per week": a rate (the interval is read), not a count
    if (n === 1 && /^\s{0,2}(?:every|per|a|each|once)\s/i.test(after)) continue;
    if (procedureCount(text, m.index)) continue;
    // "Phase 1 Dose escalation", "Cohort 2 doses": the number names the phase or group.
    if (/\b(?:phase|stage|step|cohort|group|arm|part|level|grade|type)\s{0,2}$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
    // "Total four times", "a total of 4 doses", "(6 doses totally)", "(9 doses in all)": the count of all administrations
    const total = TOTAL_AFTER.test(text.slice(end, end + 16)) || TOTAL_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)) ||
      /\b(?:total(?:ly)?|in\s{1,2}total|altogether)\s{0,3}(?:of\s{1,2})?$/i.test(text.slice(Math.max(0, m.index - 14), m.index)) || /\btotal\b/i.test(m[0]);
    add({ kind: "count", start: m.index, end, text: m[0], count: n, more: !!m[1] || !!m[4], ...(total ? { total } : {}) });
  }
  for (const m of text.matchAll(ONCE_TWICE)) {
    const end = m.index + m[0].length;
    if (/^\s{0,2}(?:(?:about|approximately|roughly)\s{1,2})?(?:a|per|every|each|weekly|daily|monthly|to|daily|in)\b/i.test(text.slice(end, end + 24))) continue;
    // "Once all subjects have …", "once the patients are …": a conjunction, not a count
    if (/^\s{0,2}(?:all|the|these|those|patients|subjects|participants|they|we)\b/i.test(text.slice(end, end + 16))) continue;
    if (procedureCount(text, m.index)) continue;
    const n = m[1]!.toLowerCase() === "once" ? 1 : m[1]!.toLowerCase() === "twice" ? 2 : 3;
    add({ kind: "count", start: m.index, end, text: m[0], count: n, more: !!m[2] });
  }
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

type Interval = Extract<ScheduleMention, { kind: "interval" }>;
const rhythm = (i: Interval) => `${i.everyDays}:${i.everyMonths}:${i.perPeriod}`;

/**
 * "weekly for the first month, then monthly for five months (9 doses in all)": intervals of
 * different rhythms are phases. The stated total is kept, each phase with its words, its
 * interval and its count where the phase states one (or its span is a whole number of its
 * intervals); the days are not given, since the record does not state where a phase ends.
 */
function phasedSchedule(mentions: ScheduleMention[], text: string): CombinedSchedule | null {
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

type Count = Extract<ScheduleMention, { kind: "count" }>;
const COURSES = /\b(?:courses?|cycles?)\b/i;

/**
 * "2 times / course, a total of 2 courses": administrations per course times a stated total
 * of courses is the number given (the days are not: the gap between courses is not stated);
 * "twice / course" with no total of courses states no number of administrations.
 */
function courseSchedule(mentions: ScheduleMention[], text: string): CombinedSchedule | null {
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
