import type { ArmType } from "../record/vocabulary";
import { mentionsCells, type DoseAmount } from "./normalize/doses";
import { toDayOffsets, type Schedule } from "./normalize/schedule";
import type { ParsedDose } from "./parsed-record";

/** One dose from what a layout read: its amount (MSC only), its schedule, its source words. */
export function toDose(product: "MSC" | "PLACEBO", amount: DoseAmount | null, schedule: Schedule | null, text: string): ParsedDose {
  const cells = product === "MSC" ? amount : null;
  return {
    product,
    cellsPerKg: cells?.kind === "perKg" ? cells.cellsPerKg : null,
    cellsPerInfusion: cells?.kind === "flat" ? cells.cellsPerInfusion : null,
    infusions: schedule?.infusions ?? null,
    dayOffsets: schedule?.days ? toDayOffsets(schedule.days) : null,
    text,
  };
}

/**
 * The doses of an arm read from a structured arm block. A no-intervention arm has none;
 * a comparator (active or other) whose words name no cells and no amount has none either
 * (standard care: an MSC dose of unknown size would be a guess); an arm of unknown type
 * keeps its MSC dose with the unknowns unknown. Each layout decides `placebo` from its
 * own words, since where the placebo is named differs between layouts.
 */
export function armDoses(arm: {
  type: ArmType | null;
  placebo: boolean;
  amount: DoseAmount | null;
  schedule: Schedule | null;
  /** All the arm's words, to look for the cells in. */
  cellsText: string;
  text: string;
}): ParsedDose[] {
  if (arm.type === "NO_INTERVENTION") return [];
  const comparator = arm.type === "ACTIVE_COMPARATOR" || arm.type === "OTHER";
  if (!arm.placebo && comparator && !arm.amount && !mentionsCells(arm.cellsText)) return [];
  return [toDose(arm.placebo ? "PLACEBO" : "MSC", arm.amount, arm.schedule, arm.text)];
}
