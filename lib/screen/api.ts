import { ANALYTE_INFO, type Analyte } from "../record/analytes";
import { TRIAL_ID } from "../record/id";
import { roundForReading } from "../units/convert";
import { screenTrials, type ScreenInput, type TrialScreen } from "./index";
import { parsePatient, type Patient, SCREEN_PARAMS } from "./params";

/**
 * GET /api/screen, pure: URL parameters and the trials in, the answer or a 400 naming the
 * parameter out. The route only loads the records. Nothing here stores or logs a value.
 */

export type ScreenRequest =
  | { ok: true; patient: Patient; ids: string[] | null }
  | { ok: false; parameter: string; message: string };

export function parseScreenRequest(params: URLSearchParams): ScreenRequest {
  for (const k of params.keys()) {
    if (k !== "ids" && !SCREEN_PARAMS.has(k)) return { ok: false, parameter: k, message: `unknown parameter "${k}"` };
    if (params.getAll(k).length > 1) return { ok: false, parameter: k, message: `${k} is given more than once` };
  }
  const parsed = parsePatient((k) => params.get(k));
  if (!parsed.ok) return parsed;
  const rawIds = params.get("ids");
  if (rawIds === null) return { ok: true, patient: parsed.patient, ids: null };
  const ids = rawIds.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = ids.find((id) => !TRIAL_ID.test(id));
  if (!ids.length || bad !== undefined) return { ok: false, parameter: "ids", message: `ids must be trial ids separated by commas${bad ? ` (got "${bad}")` : ""}` };
  return { ok: true, patient: parsed.patient, ids: [...new Set(ids)] }; // a trial asked for twice is answered once
}

/** The answer's body: the patient in SI units, and each trial's verdict and criteria. */
export function screenAnswer(records: ScreenInput[], patient: Patient) {
  return screenAnswerOf(screenTrials(records, patient), patient);
}

/** The answer's body of trials already screened (`screenTrials`, or in slices). */
export function screenAnswerOf(trials: TrialScreen[], patient: Patient) {
  return {
    patient: Object.fromEntries(Object.entries(patient).map(([a, v]) => [a, { value: roundForReading(v.si), unit: ANALYTE_INFO[a as Analyte].si }])),
    trials,
  };
}
