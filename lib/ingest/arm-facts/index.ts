import type { CellOrigin, CellSource, Route } from "../../record/vocabulary";
import { CELL_ORIGIN_READER, CELL_SOURCE_READER } from "./cell-source";
import { readFact, type ArmFact } from "./mentions";
import { ROUTE_READER } from "./route";

export type { ArmFact } from "./mentions";

export interface ArmFacts {
  route: ArmFact<Route> | null;
  cellSource: ArmFact<CellSource> | null;
  cellOrigin: ArmFact<CellOrigin> | null;
}

export const NO_ARM_FACTS: ArmFacts = { route: null, cellSource: null, cellOrigin: null };

/** What an arm's facts are read from: its words, its interventions' words, and the trial's names for it. */
export interface ArmFactSources {
  /** Whether the arm gives MSCs: only MSC arms get a route or a cell source. */
  msc: boolean;
  /** The arm's label ("Umbilical cord blood-derived MSC") and description: its own words. */
  label: string;
  description: string | null;
  /** The words of the interventions linked to the arm (name and description), when the layout links them. */
  interventionTexts: string[];
  /** The trial's title, official title and intervention names: they name the product, not a previous study's. */
  trialTexts: (string | null)[];
}

/**
 * An MSC arm's route, cell source and autologous/allogeneic, each with its source words,
 * or null where not stated. Read from the arm's own words (label and description) first, then its interventions',
 * then the trial's title and intervention names; the trial's longer prose is not read
 * (it cites earlier studies' routes and sources). Words said of another treatment
 * (plasma exchange via a vein, hepatocytes into the portal vein) are not the MSCs'.
 */
export function readArmFacts(a: ArmFactSources): ArmFacts {
  if (!a.msc) return NO_ARM_FACTS;
  const scopes = [
    { texts: [a.label, a.description].filter((t): t is string => !!t), bare: true, ambiguous: "several" as const },
    { texts: a.interventionTexts, bare: true, ambiguous: "several" as const },
    { texts: a.trialTexts.filter((t): t is string => !!t), bare: false, ambiguous: "none" as const },
  ];
  return {
    route: readFact(scopes, ROUTE_READER, "OTHER"),
    cellSource: readFact(scopes, CELL_SOURCE_READER, "OTHER"),
    cellOrigin: readFact(scopes, CELL_ORIGIN_READER, null),
  };
}

/** A layout's linked interventions as the parsed arm's `interventionTexts`: "name. description". */
export function interventionTexts(interventions: readonly { name: string; description: string | null }[] | undefined): string[] {
  return (interventions ?? []).map((iv) => [iv.name, iv.description].filter(Boolean).join(". "));
}
