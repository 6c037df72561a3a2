/**
 * The words that make a stated amount not one dose per administration: a total over the
 * administrations, a ceiling ("up to"), a floor ("at least"), "approximately", a count per several
 * kilograms, a per-mL unit shared by a pair; and the two questions asked of an amount: is it a
 * dose (isDoseAmount), and if not, why not (notADose).
 */
import type { AmountMention } from "./amounts";

export const TOTAL_OF_BEFORE = /\b(?:a\s{1,2})?total(?:\s{1,2}(?:dose|amount|number))?\s{1,2}of\s{1,2}(?:(?:between|from|approximately|about)\s{1,2})?(?:\d{1,4}(?:[.,]\d{1,3})?\s{0,2}(?:-|–|to|and)\s{0,2})?$/i;
export const APPROX = /(?:approximately|approx\.?|about|around|nearly|roughly|≈)\s{0,2}$|(?:^|[^\d\s])\s{0,1}~\s{0,1}$/i;
// "more than", "at least", "a minimum of": a floor, not the dose given
export const FLOOR_BEFORE = /(?:\bnot\s{1,2}(?:less|fewer)\s{1,2}than|\bno\s{1,2}(?:less|fewer)\s{1,2}than|\bmore\s{1,2}than|\bat\s{1,2}least|\ba\s{1,2}minimum\s{1,2}(?:dose\s{1,2})?of|\bminimum(?:\s{1,2}dose)?\s{0,2}(?:of|:)|\bgreater\s{1,2}than|\bover|\bexceeding|≥|>)\s{0,2}$/i;
// "a maximum dose of", "up to", "not exceeding": a ceiling, not the dose given
export const CEILING_BEFORE = /(?:\bup\s{1,2}to|\bmaximum(?:\s{1,2}(?:total\s{1,2})?(?:dose|amount|number))?(?:\s{1,2}of)?|\bmax\.?|\bat\s{1,2}most|\bno[t]?\s{1,2}more\s{1,2}than|\bnot\s{1,2}(?:to\s{1,2})?exceed(?:ing)?|(?<!\bno[t]?\s{1,2})\b(?:less|fewer)\s{1,2}than|≤|<)\s{0,2}(?:a\s{1,2})?$/i;

/** "39.8 million hMSCs and 0.2 million C-Kit hCSCs/ml": a per-mL unit at the end of a pair is both numbers'. */
export function sharedConcentration(text: string, out: AmountMention[]): void {
  for (let k = out.length - 1; k > 0; k--) {
    const a = out[k - 1]!;
    if (out[k]!.concentration && !a.concentration && !a.perKg && !a.per && /^\s{0,2}(?:and|or|,|plus)\s{1,2}$/i.test(text.slice(a.end, out[k]!.start))) {
      out[k - 1] = { ...a, concentration: true };
    }
  }
}

// "a total of", "Total dose of", "total dose:", "cumulative minimum dose:" before; "in total", "totally" after.
const TOTAL_BEFORE = /(?:\btotal(?:\s{1,2}(?:cell\s{1,2})?(?:dose|amount)s?)?(?:\s{1,2}of)?|\bcumulative(?:\s{1,2}[a-z]{1,12}){0,2}(?:\s{1,2}of)?)\s{0,2}[:=]?\s{0,2}(?:approximately\s{1,2}|about\s{1,2}|~\s{0,1})?$/i;
const TOTAL_AFTER = /^\s{0,3}(?:in\s{1,2}total\b|totally\b|\(total\)|in\s{1,2}all\b)/i;

/**
 * "with a total of 600 million AdMSCs", "Total dose of 300 x 10^6 … given in 3 injections",
 * "cumulative minimum dose: 2.8 x 10^6/kg": the sum over the administrations, never one dose.
 * An amount joined by "and" to a total ("a total of 199 million hMSCs and 1 million CSCs") is one too.
 */
export function markTotals(text: string, out: AmountMention[]): void {
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    const before = text.slice(Math.max(0, a.start - 40), a.start);
    const prev = out[k - 1];
    const joined = prev?.total && /^\s{0,2}(?:and|,|plus)\s{1,2}$/i.test(text.slice(prev.end, a.start));
    if (TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(text.slice(a.end, a.end + 16)) || joined) out[k] = { ...a, total: true };
  }
}

const PER_SEVERAL_KG = /\b(?:per|every|each|for\s{1,2}every|for\s{1,2}each)\s{1,2}(\d{1,3})\s{0,2}kg\b/i;

/**
 * "1 × 10^6 cells were a unit. One unit was injected every 10 kg of body weight": a text that
 * gives its cells per several kilograms makes its flat counts counts per that weight.
 */
export function perSeveralKg(text: string, out: AmountMention[]): void {
  const m = PER_SEVERAL_KG.exec(text);
  if (!m || Number(m[1]) < 2) return;
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    if (!a.perKg && !a.per && !a.concentration && a.value !== null) out[k] = { ...a, per: `${m[1]} kg` };
  }
}

/** The amounts that can be a dose: a single value, not a range, list or concentration. */
export function isDoseAmount(m: AmountMention): boolean {
  return m.value !== null && !m.concentration && m.alternatives === null && m.range === null && !m.total && !m.ceiling && !m.floor && !m.per;
}

/** Why a stated amount is not one dose per administration, in words, or null when it is one. */
export function notADose(m: AmountMention): string | null {
  if (m.per) return `a count per ${m.per}`;
  if (m.total) return "a total over the administrations";
  if (m.ceiling) return "a maximum";
  if (m.floor) return "a minimum";
  if (m.range) return "a range";
  if (m.alternatives) return "dose levels";
  if (m.concentration) return "a concentration";
  return null;
}
