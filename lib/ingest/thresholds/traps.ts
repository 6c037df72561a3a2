/**
 * Numbers that stand next to an analyte but are not a limit on the patient: a rate
 * ("≥17.1 μmol/L per day"), a limit relative to the lower limit of normal, a fraction or
 * typo ("1/5 mg/dL"), a time window or follow-up ("within 3 months", "for 24 weeks"), a
 * dose ("13-15 mg/kg/day"), a change rather than a level ("daily increase of TBIL ≥17.1").
 */

/** After a number and its unit: the words that make it something else than a level. */
const NOT_A_LEVEL_AFTER = [
  /^\s*(?:\/\s*(?:per\s+)?(?:day|d|24\s*h|hour|h|week|wk)\b|per\s+(?:day|hour|week)\b|daily\b)/i, // a rate
  /^\s*(?:of\s+(?:the\s+)?)?(?:lower\s+limit|LLN\b)/i, // relative to the lower limit of normal
  /^\s*\/\s*\d/, // "1/5": a fraction or a typo, not readable exactly
  /^\s*(?:days?|weeks?|wks?|hours?|hrs?|h|minutes?|mins?)\b/i, // a time window
  /^\s*(?:mg|g|ml|mcg|µg|μg|iu|units?)\s*(?:\/\s*kg|\/\s*day|\b)/i, // a dose
  /^\s*(?:kg|cm|m2|mmHg)\b/i, // a body measure, not a laboratory value
];

/** The number and unit just read are not a patient limit. */
export function notALevelAfter(rest: string): boolean {
  return NOT_A_LEVEL_AFTER.some((re) => re.test(rest));
}

/** Before an analyte's name: words that make what follows a change, not a level. */
const CHANGE_BEFORE = /(?:increase|increased|rise|rising|ascend|decrease|decline|drop|fall|change|reduction|doubling)\s+(?:of\s+|in\s+)?(?:the\s+)?(?:serum\s+)?$/i;
/**
 * `before`: the text before the name. Only its last 80 characters are searched (the
 * longest change phrase is some 40): an unanchored pattern ending in `$` tried over the
 * whole text before each of n names would cost n × the text's length.
 */
export function isChangeBefore(before: string): boolean {
  return CHANGE_BEFORE.test(before.slice(-80));
}

/** After an analyte's name: words that make it a measure of something else ("PT prolongation"). */
const OTHER_MEASURE_AFTER = /^\s*(?:prolongation|clearance|ratio\s+to|index|excretion|use|infusion|supplementation|gradient)\b/i;
export function isOtherMeasureAfter(after: string): boolean {
  return OTHER_MEASURE_AFTER.test(after);
}

/**
 * A list-item number run into the text ("…; 4.18-65 years"): at the start of a clause,
 * a one- or two-digit item number followed by "." ")" or "-" and the item's text.
 */
export const RUN_IN_ITEM = /^(\s*)(?:\(?\d{1,2}[.)、](?!\d\s*%)|\d{1,2}\s*-(?=\s*[A-Za-z]))\s*/;

/**
 * Inside an example ("Serious complications (e.g., gastrointestinal bleeding: hemoglobin
 * below 90g/L …)"): the number illustrates a condition, it is not a limit on its own.
 */
export function insideExample(text: string, pos: number): boolean {
  const open = enclosingOpen(text)[pos] ?? -1;
  return open >= 0 && /^\(\s*(?:e\.\s?g\.|for\s+example|such\s+as)/i.test(text.slice(open, open + 40));
}

/**
 * For each position of `text`, where the innermost "(" still open there stands (-1 when
 * none): the "(" a backward scan from the position finds first at depth 0, where a ")"
 * closes the nearest open "(" and a ")" with none open is ignored. Computed in one pass
 * and kept for the text last asked about: scanning back from each of n numbers would cost
 * n × the text's length.
 */
let enclosing: { text: string; open: Int32Array } | null = null;
function enclosingOpen(text: string): Int32Array {
  if (enclosing?.text === text) return enclosing.open;
  const open = new Int32Array(text.length + 1);
  const stack: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    open[i] = stack.length ? stack[stack.length - 1]! : -1;
    const c = text.charCodeAt(i);
    if (c === 0x28) stack.push(i);
    else if (c === 0x29) stack.pop();
  }
  enclosing = { text, open };
  return open;
}
