import type { CodeableConcept } from "fhir/r4";
import { formatPhases } from "../format";
import { sortPhases, type Phase } from "../record/vocabulary";
import { PHASE_SYSTEM } from "./urls";

/** The research-study-phase codes and displays, keyed by our phase list joined with "+". */
const PHASE_CODES: Record<string, { code: string; display: string }> = {
  NA: { code: "n-a", display: "N/A" },
  EARLY_PHASE1: { code: "early-phase-1", display: "Early Phase 1" },
  PHASE1: { code: "phase-1", display: "Phase 1" },
  "PHASE1+PHASE2": { code: "phase-1-phase-2", display: "Phase 1/Phase 2" },
  PHASE2: { code: "phase-2", display: "Phase 2" },
  "PHASE2+PHASE3": { code: "phase-2-phase-3", display: "Phase 2/Phase 3" },
  PHASE3: { code: "phase-3", display: "Phase 3" },
  PHASE4: { code: "phase-4", display: "Phase 4" },
};

/**
 * Our phase list → R4 `ResearchStudy.phase`: ["PHASE1","PHASE2"] is `phase-1-phase-2`. A
 * combination the code system has no code for keeps its words in `text` only; no phase
 * (not reported) is undefined, never a guessed code.
 */
export function toPhase(phases: readonly Phase[]): CodeableConcept | undefined {
  if (!phases.length) return undefined;
  const sorted = sortPhases([...phases]);
  const coded = PHASE_CODES[sorted.join("+")];
  const text = formatPhases(sorted);
  return coded ? { coding: [{ system: PHASE_SYSTEM, ...coded }], text } : { text };
}
