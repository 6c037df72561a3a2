import type { ParsedTrial } from "../parsed-record";

/**
 * The design of a trial read from its prose: allocation, masking, intervention model and
 * enrollment, each with the words it was read from. Patterns are bounded (linear scans).
 */
export interface Found<T> {
  value: T;
  text: string;
}

function first<T>(text: string, rules: [RegExp, T][]): Found<T> | null {
  for (const [re, value] of rules) {
    const m = re.exec(text);
    if (m) return { value, text: m[0].replace(/^[,(;:]\s{0,2}/, "") };
  }
  return null;
}

export function readAllocation(text: string) {
  return first(text, [
    // "non-randomized", "non randomised", "without randomisation", "no randomization"; "not randomised" said of
    // the study ("open label, not randomised", "participants will not be randomized"), never of some patients
    // ("patients who are not randomized are followed in a registry")
    [/\bnon[-\s]{0,2}randomi[sz]ed\b|\b(?:without|no)\s{1,2}randomi[sz]ation\b|(?:^|[,(;:]\s{0,2}|\b(?:is|was|be)\s{1,2})not\s{1,2}randomi[sz]ed\b|(?<!\b(?:who|that)\s{1,2})\b(?:are|were|will)\s{1,2}not\s{1,2}(?:be\s{1,2})?randomi[sz]ed\b/i, "NON_RANDOMIZED" as const],
    [/\brandomi[sz]ed\b|\brandomly\s{1,2}(?:assigned|allocated|divided|separated)\b/i, "RANDOMIZED" as const],
  ]);
}

export function readMasking(text: string) {
  return first(text, [
    [/\bquadruple[- ]blind(?:ed)?\b/i, "QUADRUPLE" as const],
    [/\btriple[- ]blind(?:ed)?\b/i, "TRIPLE" as const],
    [/\bdouble[- ]blind(?:ed)?\b/i, "DOUBLE" as const],
    [/\bsingle[- ]blind(?:ed)?\b/i, "SINGLE" as const],
    [/\bopen[- ]label(?:ed)?\b/i, "NONE" as const],
    [/\bopen\s{0,2},\s{0,2}(?:[\w-]{1,30},?\s{1,2}){0,3}(?:design|study|trial)\b/i, "NONE" as const],
  ]);
}

export function readInterventionModel(text: string) {
  return first(text, [
    [/\b(?:dose[- ]escalation|sequential\s{1,2}(?:entry|cohorts?|assignment))\b/i, "SEQUENTIAL" as const],
    [/\bcross-?over\b/i, "CROSSOVER" as const],
    [/\bfactorial\b/i, "FACTORIAL" as const],
    [/\bsingle[- ](?:group|arm)\b/i, "SINGLE_GROUP" as const],
    [/\bparallel(?:[- ]group|\s{1,2}assignment|\s{1,2}arms?)\b/i, "PARALLEL" as const],
  ]);
}

/** "A total of 150 ACLF patients", "150 participants in 3 patient groups" (the group count too). */
export function readEnrollment(text: string): (Found<number> & { groups: number | null }) | null {
  const withGroups = /\b(\d{1,6})\s{1,2}(?:participants|patients|subjects)\s{1,2}in\s{1,2}(\d{1,2}|two|three|four|five|six)\s{1,2}(?:patient\s{1,2})?groups\b/i.exec(text);
  if (withGroups) {
    const g = withGroups[2]!;
    const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
    return { value: Number(withGroups[1]), text: withGroups[0], groups: /\d/.test(g) ? Number(g) : words[g.toLowerCase()] ?? null };
  }
  const total = /\b(?:a\s{1,2})?total\s{1,2}of\s{1,2}(\d{1,6})\s{1,2}(?:[\w-]{1,30}\s{1,2}){0,2}(?:patients|participants|subjects)\b/i.exec(text);
  return total ? { value: Number(total[1]), text: total[0], groups: null } : null;
}

/** "randomized into three groups", "divided into 2 groups": the number of groups the prose announces. */
export function readGroupCount(text: string): Found<number> | null {
  const enr = readEnrollment(text);
  if (enr?.groups) return { value: enr.groups, text: enr.text };
  const m = /\b(?:randomi[sz]ed|randomly|divided|assigned|allocated|separated)\s{1,2}(?:\w{1,20}\s{1,2}){0,2}into\s{1,2}(\d{1,2}|two|three|four|five|six)\s{1,2}(?:\w{1,20}\s{1,2}){0,1}(?:groups|arms|cohorts)\b/i.exec(text);
  if (!m) return null;
  const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
  const v = /\d/.test(m[1]!) ? Number(m[1]) : words[m[1]!.toLowerCase()];
  return v ? { value: v, text: m[0] } : null;
}

/**
 * Fills the design fields the structured page left empty from the prose ("randomized",
 * "double-blind", "dose-escalation"), each marked derived with the words it came from.
 */
export function deriveDesign(rec: ParsedTrial, prose: string): void {
  const readers = { allocation: readAllocation, masking: readMasking, interventionModel: readInterventionModel } as const;
  for (const [field, read] of Object.entries(readers) as [keyof typeof readers, (t: string) => Found<never> | null][]) {
    if (rec.design[field] !== null) continue;
    const found = read(prose);
    if (!found) continue;
    rec.design[field] = found.value;
    rec.evidence[`design.${field}`] = { origin: "derived", text: found.text };
  }
}

/** The enrollment alone ("A total of 150 ACLF patients"), with its words. */
export function readEnrollmentFromProse(text: string): Found<number> | null {
  const found = readEnrollment(text);
  return found ? { value: found.value, text: found.text } : null;
}

export { readAllocation as readAllocationFromProse, readMasking as readMaskingFromProse, readInterventionModel as readInterventionModelFromProse };
