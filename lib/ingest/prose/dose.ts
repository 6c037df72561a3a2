import type { ParsedDose } from "../parsed-record";
import type { AmountMention } from "./amounts";
import type { ArmChoice } from "./choose";
import type { FoundAmount } from "./levels";
import type { CombinedSchedule } from "./schedules";
import type { AmountUnstated } from "./unstated";

/**
 * The dose assembly, the one place a ParsedDose is built: a product, the amount mention it
 * was given (or none), its count of infusions and days (or none), and the source words.
 */
export function buildDose(product: ParsedDose["product"], amount: AmountMention | null, infusions: number | null, dayOffsets: number[] | null, text: string): ParsedDose {
  return {
    product,
    cellsPerKg: amount?.perKg ? amount.value : null,
    cellsPerInfusion: amount && !amount.perKg ? amount.value : null,
    infusions,
    dayOffsets,
    text,
  };
}

/**
 * An MSC dose from an amount mention (or none) and a schedule (or none), with the words it
 * was read from ("4*10^5/kg … on the 1, 4, 7 and 10 days"; the product's words, or the
 * arm's label, when neither is stated).
 */
export function mscDose(amount: FoundAmount | null, schedule: CombinedSchedule | null, scheduleWords: string | null, fallbackWords: string, unstatedAmount: AmountUnstated | null = null): ParsedDose {
  const text = [amount?.m.text ?? unstatedAmount?.words ?? null, scheduleWords].filter(Boolean).join(" … ") || fallbackWords;
  const dose = buildDose("MSC", amount?.m ?? null, schedule?.infusions ?? null, schedule?.dayOffsets ?? null, text);
  const unstated = { ...(amount ? {} : unstatedAmount?.unstated), ...schedule?.unstated };
  return {
    ...dose,
    // Additions, only when set: a range's ends, why a value is not one number, a schedule's phases.
    ...(!amount && unstatedAmount?.range ? { range: unstatedAmount.range } : {}),
    ...(Object.keys(unstated).length ? { unstated } : {}),
    ...(schedule?.phases ? { schedulePhases: schedule.phases } : {}),
  };
}

/** A placebo dose: no cells, the placebo's words and the schedule. */
export function placeboDose(words: string, schedule: CombinedSchedule | null, scheduleWords: string | null): ParsedDose {
  const text = [words, scheduleWords].filter(Boolean).join(" … ");
  return buildDose("PLACEBO", null, schedule?.infusions ?? null, schedule?.dayOffsets ?? null, text);
}

/** An arm's doses from what was chosen for it: one MSC dose per amount (or one without), or a placebo dose. */
export function armDoses(choice: ArmChoice, label: string): ParsedDose[] {
  if (choice.msc) {
    const fallback = choice.mscWords[0] || label;
    const amounts = choice.amounts.length ? choice.amounts : [null];
    return amounts.map((a, k) => {
      const own = choice.perAmount?.[k];
      return own ? mscDose(a, own.schedule, own.words, fallback, choice.unstatedAmount)
        : mscDose(a, choice.schedule, choice.scheduleWords, fallback, choice.unstatedAmount);
    });
  }
  if (choice.placebo) return [placeboDose(choice.placeboWords[0] ?? "placebo", choice.schedule, choice.scheduleWords)];
  return [];
}
