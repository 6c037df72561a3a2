/**
 * The words around a schedule mention that make it not the infusions' schedule: a follow-up
 * visit, an assessment, a time frame or a procedure such as a marrow aspiration before it or
 * after it, and another drug's or a visit's rhythm ("30mg Pioglitazone daily", "followed up
 * every week"); days counted from the patient's entry ("on days 1, 4, 7 after recruitment") are
 * infusion days.
 */
import { wordsAfter, wordsBefore } from "./types";

// Words before a list or duration that make it a visit, an assessment or a time frame.
export const NOT_INFUSION = new Set([
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
export const procedureCount = (text: string, start: number) => wordsBefore(text, start, 5, 50).some((w) => PROCEDURE.has(w));

// "30mg Pioglitazone daily for 24 months", "followed up every week": another drug's or a visit's rhythm.
const DRUG_BEFORE = /\d\s{0,2}(?:mg|µg|ug|mcg|g|iu)\b[^.;,()]{0,30}$/i;
const FOLLOW_BEFORE = /\b(?:followed|follow-up|follow\s{1,2}up|visits?|monitored|assessed|evaluated|seen)\s{1,2}(?:up\s{1,2})?$/i;
export const notInfusionRhythm = (text: string, start: number) => {
  const before = text.slice(Math.max(0, start - 40), start);
  return DRUG_BEFORE.test(before) || FOLLOW_BEFORE.test(before);
};

// "on days 1, 4, 7 and 10 after recruitment": days counted from the patient's start are infusion days.
const FROM_ENTRY = /^\s{0,3}(?:after|post)[\s-]{1,3}(?:the\s{1,2})?(?:recruitment|enrol{1,2}ment|randomi[sz]ation|admission|inclusion|screening|baseline)\b/i;

// "through the hepatic artery", "through a peripheral vein": the route, not "through week 12".
const THROUGH_ROUTE = /\bthrough\s{1,2}(?:the\s{1,2}|a\s{1,2}|an\s{1,2})?(?:[a-z-]{1,20}\s{1,2}){0,2}(?:artery|arteries|vein|veins|venous|catheter|catheters|cannula|line|port|duct|route|vessel|vessels|arterial|intravenous|iv)\b/gi;

/** The `n` words before `pos` (as wordsBefore) with a route's "through …" left out. */
export function scheduleWordsBefore(text: string, pos: number, n: number, window: number): string[] {
  const head = text.slice(Math.max(0, pos - window - 70), pos).replace(THROUGH_ROUTE, (m) => " ".repeat(m.length));
  return wordsBefore(head, head.length, n, window);
}

/** Whether a visit's, an assessment's or a time frame's words stand in the `n` words before `pos`. */
export const notInfusionBefore = (text: string, pos: number, n: number, window: number) =>
  scheduleWordsBefore(text, pos, n, window).some((w) => NOT_INFUSION.has(w));

export function notInfusion(text: string, start: number, end: number): boolean {
  const before = scheduleWordsBefore(text, start, 7, 70);
  const after = FROM_ENTRY.test(text.slice(end, end + 40)) ? [] : wordsAfter(text, end, 1, 20);
  return before.some((w) => NOT_INFUSION.has(w)) || after.some((w) => NOT_INFUSION_AFTER.has(w));
}
