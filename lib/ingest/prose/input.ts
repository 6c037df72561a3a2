import type { ArmType } from "../../record/vocabulary";
import type { ParsedDose } from "../parsed-record";

/** An intervention's name and words. */
export interface ProseIntervention {
  name: string;
  description: string | null;
}

/** An arm as a record lists it: label, type, its own words and the interventions linked to it. */
export interface ProseArmInput {
  label: string;
  type: ArmType | null;
  description: string | null;
  interventions?: ProseIntervention[];
}

/** What the reader is given (see index.ts). */
export interface ProseInput {
  arms: ProseArmInput[];
  trialText?: string | null;
  knownLabels?: string[];
  /** Interventions the record links to no arm. With arms, they are read like the trial text;
   *  without, they are the derived arms' interventions (more specific than the trial text). */
  unlinked?: ProseIntervention[];
  /** The record's titles: read only for a single administration they state ("a Single Injection of …"), never for an amount. */
  titles?: (string | null)[];
}

/** A power of ten that cannot be read ("4*10^", "10^999"), and the arm whose words state it (null: the trial's text). */
export interface Malformed {
  arm: number | null;
  label: string | null;
  /** The arm's own words, or a linked intervention. */
  level: "arm" | "intervention";
  text: string;
  problem: string;
}

export interface ProseArm {
  label: string;
  type: ArmType | null;
  /** True for an arm read from prose because the record lists none. */
  derived: boolean;
  /** A derived arm's words: from the group's name to its amount ("low (1 x 10^6 cells/kg)"). */
  description?: string;
  doses: ParsedDose[];
  /** The source words the doses were read from. */
  evidence: string[];
  /** The words of the arm's schedule (one for all its doses), if it has one. */
  scheduleWords: string | null;
}

export interface ProseResult {
  arms: ProseArm[];
  /** Conflicts and doses that could not be read: shown with the record. */
  warnings: string[];
  /** How an ambiguity was resolved (an arm's description naming another arm, read as its own). */
  notes: string[];
  /** Groups the prose announces ("150 participants in 3 patient groups"), if it does. */
  groupCount: number | null;
  /**
   * Powers of ten that cannot be read, with the arm whose own words or linked intervention
   * state them. Such an arm gets no amount from that text or a more general one: never
   * another text's. Each is a warning (malformedWarnings).
   */
  malformed: Malformed[];
}
