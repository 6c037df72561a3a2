import { findSchedules } from "./schedules";

/**
 * "received a dose of 4 million MSC/kg", "the day of infusion will be considered day zero",
 * "one injection of …": a single administration said in the singular. Read as 1 administration
 * on day 0 only when none of the arm's texts (its own, its interventions, the trial's, the
 * unlinked interventions) states any other count, interval, list, plural administrations or a
 * repetition: never when a repetition is stated anywhere.
 */
const SINGULAR = /\b(?:(?:received?|receives|receiving|given|get|gets|administered)\s{1,2}(?:a|one)\s{1,2}(?:single\s{1,2})?dose\s{1,2}of|(?:a|one)\s{1,2}(?:single\s{1,2}|sole\s{1,2})?(?:infusion|injection|administration)\s{1,2}of|the\s{1,2}day\s{1,2}of\s{1,2}(?:the\s{1,2})?(?:infusion|injection|administration)\s{1,2}(?:will\s{1,2}be|is|was)\s{1,2}(?:considered|defined\s{1,2}as|called)\s{1,2}(?:as\s{1,2})?day\s{1,2}(?:zero|0))\b/i;
const REPEATED = /\b(?:doses|infusions|injections|administrations|transplantations|implantations|applications|treatments|repeat(?:ed|s)?|again|booster|re-?(?:infusion|injection|administration|treatment)s?|(?:second|2nd|third|subsequent|further|additional|another)\s{1,2}(?:\w{1,15}\s{1,2})?(?:dose|infusion|injection|administration)|cycles?|courses?|sessions?)\b/i;

export function singularAdministration(texts: string[]): string | null {
  let found: string | null = null;
  for (const t of texts) {
    if (!t) continue;
    if (REPEATED.test(t)) return null;
    // Any schedule but a count of one ("once", "a single infusion", "one injection") is a repetition or a rhythm.
    if (findSchedules(t).some((s) => !(s.kind === "count" && s.count === 1 && !s.more))) return null;
    found ??= SINGULAR.exec(t)?.[0] ?? null;
  }
  return found;
}
