import type { ParsedDose } from "../parsed-record";
import type { ArmChoice } from "./choose";
import type { FoundAmount } from "./levels";
import type { CombinedSchedule } from "./schedules";

/**
 * The dose assembly, the one place a ParsedDose is built: an amount mention (or none) and a
 * schedule (or none) → one MSC dose, with the source words it was read from ("4*10^5/kg … on
 * the 1, 4, 7 and 10 days"; the product's words, or the arm's label, when neither is stated).
 */
export function mscDose(amount: FoundAmount | null, schedule: CombinedSchedule | null, scheduleWords: string | null, fallbackWords: string): ParsedDose {
  const text = [amount?.m.text ?? null, scheduleWords].filter(Boolean).join(" … ") || fallbackWords;
  return {
    product: "MSC",
    cellsPerKg: amount?.m.perKg ? amount.m.value : null,
    cellsPerInfusion: amount && !amount.m.perKg ? amount.m.value : null,
    infusions: schedule?.infusions ?? null,
    dayOffsets: schedule?.dayOffsets ?? null,
    text,
  };
}

/** A placebo dose: no cells, the placebo's words and the schedule. */
export function placeboDose(words: string, schedule: CombinedSchedule | null, scheduleWords: string | null): ParsedDose {
  const text = [words, scheduleWords].filter(Boolean).join(" … ");
  return { product: "PLACEBO", cellsPerKg: null, cellsPerInfusion: null, infusions: schedule?.infusions ?? null, dayOffsets: schedule?.dayOffsets ?? null, text };
}

/** An arm's doses from what was chosen for it: one MSC dose per amount (or one without), or a placebo dose. */
export function armDoses(choice: ArmChoice, label: string): ParsedDose[] {
  if (choice.msc) {
    const fallback = choice.mscWords[0] || label;
    const amounts = choice.amounts.length ? choice.amounts : [null];
    return amounts.map((a, k) => {
      const own = choice.perAmount?.[k];
      return own ? mscDose(a, own.schedule, own.words, fallback) : mscDose(a, choice.schedule, choice.scheduleWords, fallback);
    });
  }
  if (choice.placebo) return [placeboDose(choice.placeboWords[0] ?? "placebo", choice.schedule, choice.scheduleWords)];
  return [];
}
