import { first, type RawParams } from "../url/params";
import { SCREEN_PARAMS, hasPatient, parsePatient, type Patient, patientParams } from "./params";


/** The patient on a page's URL (the list's and a trial's); bad values are reported, not thrown. */
export function readPagePatient(raw: RawParams): { patient: Patient; error: string | null; onlyPossible: boolean; query: string; active: boolean } {
  // A value given twice ("tbil=5&tbil=600") is ambiguous: refused, as GET /api/screen refuses it.
  const repeated = [...SCREEN_PARAMS].find((k) => Array.isArray(raw[k]) && new Set(raw[k]).size > 1);
  if (repeated) {
    return { patient: {}, error: `${repeated} is given more than once (${(raw[repeated] as string[]).join(", ")}); give it once`, onlyPossible: false, query: "", active: false };
  }
  const parsed = parsePatient((k) => first(raw[k]));
  const patient = parsed.ok ? parsed.patient : {};
  const query = new URLSearchParams(patientParams(patient)).toString();
  return { patient, error: parsed.ok ? null : parsed.message, onlyPossible: first(raw.possible) === "1", query, active: hasPatient(patient) };
}
