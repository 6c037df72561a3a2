import { findSchedules, type ScheduleMention } from "./schedules";

const STUDY_SPAN = /\b(?:study|extension|follow[\s-]{0,2}up|followed|observation|observed|monitored|period|phase)\b[^.;]{0,30}$/i;

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * "received a dose of 4 million MSC/kg", "the day of infusion will be considered day zero",
 * "one injection of …": a single administration said in the singular. Read as 1 administration
 * on day 0 only when none of the arm's texts (its own, its interventions, the trial's, the
 * unlinked interventions) states any other count, interval, list, plural administrations or a
 * repetition: never when a repetition is stated anywhere.
 */
const SINGULAR = /\b(?:(?:received?|receives|receiving|given|get|gets|administered)\s{1,2}(?:a|one)\s{1,2}(?:single\s{1,2})?dose\s{1,2}of|(?:a|one)\s{1,2}(?:single\s{1,2}|sole\s{1,2})?(?:infusion|injection|administration)\s{1,2}of|(?:after|before|following|during|at)\s{1,2}the\s{1,2}(?:infusion|injection|administration)\s{1,2}of|the\s{1,2}day\s{1,2}of\s{1,2}(?:the\s{1,2})?(?:infusion|injection|administration)\s{1,2}(?:will\s{1,2}be|is|was)\s{1,2}(?:considered|defined\s{1,2}as|called)\s{1,2}(?:as\s{1,2})?day\s{1,2}(?:zero|0))\b/i;
const REPEATED = /\b(?:doses|infusions|injections|administrations|transplantations|implantations|applications|treatments|repeat(?:ed|s)?|again|booster|re-?(?:infusion|injection|administration|treatment)s?|(?:second|2nd|third|subsequent|further|additional|another)\s{1,2}(?:\w{1,15}\s{1,2})?(?:dose|infusion|injection|administration)|cycles?|courses?|sessions?)\b/i;

// "different doses of", "escalating doses", "one of the doses", "each of the doses used in the first phase": dose levels, not administrations
const LEVEL_WORDS = /\b(?:(?:different|various|varying|escalating|increasing|ascending|graded)\s{1,2}doses|(?:one|any|either)\s{1,2}of\s{1,2}the\s{1,2}(?:\w{1,10}\s{1,2})?doses|each\s{1,2}of\s{1,2}the\s{1,2}doses\s{1,2}(?=used|tested|studied|evaluated|assessed|of\s{1,2}the\s{1,2}(?:first|previous|earlier)))\b/gi;

/** `doseLevels`: the arms' number of dose levels; "3 doses" in a record of three levels names them. */
export function singularAdministration(texts: string[], doseLevels = 0): string | null {
  let found: string | null = null;
  const levelCount = doseLevels >= 2 ? new RegExp(String.raw`\b(?:${doseLevels}|${NUMBER_WORDS[doseLevels] ?? "\\d{9}"})\s{1,2}doses\b`, "gi") : null;
  for (const raw of texts) {
    if (!raw) continue;
    let t = raw.replace(LEVEL_WORDS, "dose levels");
    if (levelCount) t = t.replace(levelCount, "dose levels");
    if (REPEATED.test(t)) return null;
    // Any schedule but a count of one ("once", "a single infusion", "one injection") is a repetition or a rhythm.
    // A study's or a follow-up's span ("an open extension study for 36 months") is no rhythm of administrations.
    const span = (s: ScheduleMention) => s.kind === "duration" && STUDY_SPAN.test(t.slice(Math.max(0, s.start - 50), s.start));
    if (findSchedules(t).some((s) => !(s.kind === "count" && s.count === 1 && !s.more) && !span(s))) return null;
    found ??= SINGULAR.exec(t)?.[0] ?? null;
  }
  return found;
}
