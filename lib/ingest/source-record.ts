import type { ArmType } from "../record/vocabulary";
import { emptyParsedTrial, type ParsedTrial } from "./parsed-record";

/** An intervention as the record states it: its name and its own words. */
export interface SourceIntervention {
  name: string;
  description: string | null;
}

/** An arm as the registry lists it: its label, type and own words, and the interventions it links to the arm. */
export interface SourceArm {
  label: string;
  type: ArmType | null;
  description: string | null;
  interventions: SourceIntervention[];
  /** The line the arm starts on in a text record, for messages. */
  line?: number;
}

/**
 * What a layout returns: what the source says, where it says it. The record's fields as
 * registered (read into the record's vocabulary by the shared normalizers), the arms with
 * their own words and linked interventions, and the trial's text (`briefSummary`,
 * `description`). No dose, cell source or stage: the enrichers of lib/ingest/pipeline.ts
 * read those, the same way for every layout.
 */
export interface SourceTrial extends Omit<ParsedTrial, "arms" | "cellSource" | "stages"> {
  /** The registry's arm list; [] when the record lists none (the dose reader then reads the groups the prose names). */
  arms: SourceArm[];
  /** Interventions the record links to no arm: they still describe the trial. */
  unlinked: SourceIntervention[];
  /** "listed": the record has an arm list (possibly empty); "prose": its arms are only in its prose. */
  armsFrom: "listed" | "prose";
  /**
   * "page": a registry page copied as text, whose arm cells are shown whole (a dose's words
   * are the arm's description, then what was read outside it) and whose summary may state the
   * randomisation ratio; "study": a structured study (JSON), whose doses keep the words they
   * were read from and whose ratios are read from the arms' words only.
   */
  kind: "page" | "study";
  /** The number of patient groups the page announces ("150 participants in 3 patient groups"), checked against the arms read. */
  announcedGroups: number | null;
  /** The warning when the record's prose gives no arm (prose layouts). */
  noArmsWarning: string | null;
}

/** A source record with every field empty, for layouts to fill. */
export function emptySourceTrial(layout: string, file: string): SourceTrial {
  const { arms: _arms, cellSource: _cellSource, stages: _stages, ...fields } = emptyParsedTrial(layout, file);
  return { ...fields, arms: [], unlinked: [], armsFrom: "listed", kind: "page", announcedGroups: null, noArmsWarning: null };
}

/** The trial's own prose: its brief summary and detailed description, "" when it has none. */
export function trialTextOf(rec: Pick<SourceTrial, "briefSummary" | "description">): string {
  return [rec.briefSummary, rec.description].filter(Boolean).join("\n\n");
}
