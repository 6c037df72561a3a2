/**
 * Count mentions of a schedule: "four times", "3 doses", "4 intrathecal injections", "another 2
 * times", "once", "twice", "weekly x 4"; with what makes a number no count of administrations
 * ("3 times the upper limit", "two dose levels", "8 injections at designated sites"), a ceiling
 * ("up to 10 doses") and a total ("a total of 4 doses", "9 doses in all").
 */
import { COUNT_WORD, countValue } from "./types";
import { procedureCount } from "./schedule-context";
import type { ScheduleMention } from "./schedules";

export const MAX_COUNT = 100;
const N = COUNT_WORD;

// "4 intrathecal injections", "3 repeated doses": one word saying how or where, between the number and the noun
const COUNT_ADJ = String.raw`(?:(?:intravenous|iv|i\.v\.|intrathecal|intra-?articular|intramuscular|intracoronary|intra-?arterial|intraventricular|intracerebroventricular|intraperitoneal|intramyocardial|transendocardial|intracerebral|intraspinal|intradiscal|intravitreal|intranasal|submucosal|endoscopic|subcutaneous|intradermal|intralesional|local|separate|repeated|consecutive|sequential|successive|further|total|cell|stem\s{1,2}cell)\s{1,2}){0,2}`;
const COUNT_RE = new RegExp(
  String.raw`\b(?:(another|additional)\s{1,2})?(${N})(?:\s{1,2}|-)(?:more\s{1,2})?${COUNT_ADJ}(times?|infusions?|injections?|doses?|does|dosages?|administrations?|transfusions?|applications?|divided\s{1,2}doses|courses?)\b(\s{1,2}more\b)?`,
  "gi",
);
const ONCE_TWICE = /\b(once|twice|thrice)\b(\s{1,2}more\b)?/gi;
const TIMES_AFTER_INTERVAL = /(?<=(?:weekly|daily|monthly|fortnightly|biweekly|(?:once\s{1,2}(?:a|per|every)|every)\s{1,2}(?:\d{1,2}\s{0,2})?(?:days?|weeks?|months?))\s{0,2})[x×]\s{0,2}(\d{1,2})\b(?![.,]\d|\s{0,2}(?:10|\^|e\d))/gi;
// "(9 doses in all)", "a total of 9 infusions": the count of a whole schedule, not of one of its phases.
const TOTAL_AFTER = /^\s{0,2}(?:in\s{1,2}(?:all|total)|altogether|overall|totally|total|in\s{1,2}the\s{1,2}whole)\b/i;
const TOTAL_BEFORE = /(?:total\s{1,2}of|in\s{1,2}total|in\s{1,2}all|overall)\s{0,2}$/i;

/** The count mentions of `text`, handed to `add` in the order the finder has always read them. */
export function addCounts(text: string, add: (m: ScheduleMention) => void): void {
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
}
