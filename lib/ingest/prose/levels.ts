import type { AmountMention } from "./amounts";
import type { AttachedText } from "./attach";
import type { ScheduleMention } from "./schedules";

/**
 * The three texts an arm's dose can be stated in, most specific first: the arm's own words,
 * the interventions the record links to it, and the trial's text.
 */
export type Level = "own" | "linked" | "trial";
export const LEVELS: readonly Level[] = ["own", "linked", "trial"];

/** An amount given to an arm; `named`: by a group the text names (not only because the arm owns the text). */
export interface FoundAmount {
  m: AmountMention;
  source: string;
  named: boolean;
  at: AttachedText;
}

/** What the texts of one level say of one arm. */
export interface LevelFacts {
  /** The texts it was read from. */
  sources: string[];
  amounts: FoundAmount[];
  /** Ranges, lists, dose levels: a dose was stated but is not one number. */
  stated: AmountMention[];
  schedules: ScheduleMention[];
  /** The text each schedule was read from (same order as `schedules`). */
  scheduleTexts: AttachedText[];
  msc: boolean;
  placebo: boolean;
  mscWords: string[];
  /** A non-MSC treatment (a drug, plasma exchange, other cells) is given. */
  other: boolean;
  placeboWords: string[];
  /** "the same dose", "at the same time points": inherit from the regimen stated before `pos`. */
  sames: { what: "amount" | "schedule" | "both"; pos: number; text: AttachedText; words: string }[];
  /** Schedules a text gives to sub-groups of the arm ("Group A: … on D0 and D2; Group B: …"): no one schedule is the arm's. */
  subgroupSchedules: string[];
}

/** What each level says of one arm. */
export type ArmLevels = Record<Level, LevelFacts>;

export function emptyFacts(): LevelFacts {
  return { sources: [], amounts: [], stated: [], schedules: [], scheduleTexts: [], msc: false, placebo: false, other: false, mscWords: [], placeboWords: [], sames: [], subgroupSchedules: [] };
}

export function emptyLevels(): ArmLevels {
  return { own: emptyFacts(), linked: emptyFacts(), trial: emptyFacts() };
}

/** `a` then `b`: lists joined in order, flags or'ed, each source once. */
export function mergeFacts(a: LevelFacts, b: LevelFacts): LevelFacts {
  return {
    sources: [...a.sources, ...b.sources.filter((s) => !a.sources.includes(s))],
    amounts: [...a.amounts, ...b.amounts],
    stated: [...a.stated, ...b.stated],
    schedules: [...a.schedules, ...b.schedules],
    scheduleTexts: [...a.scheduleTexts, ...b.scheduleTexts],
    msc: a.msc || b.msc,
    placebo: a.placebo || b.placebo,
    mscWords: [...a.mscWords, ...b.mscWords],
    other: a.other || b.other,
    placeboWords: [...a.placeboWords, ...b.placeboWords],
    sames: [...a.sames, ...b.sames],
    subgroupSchedules: [...a.subgroupSchedules, ...b.subgroupSchedules],
  };
}
