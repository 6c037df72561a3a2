import { hasPatient, parsePatient, type Patient, patientParams } from "./params";

type Raw = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The patient on a page's URL (the list's and a trial's); bad values are reported, not thrown. */
export function readPagePatient(raw: Raw): { patient: Patient; error: string | null; onlyPossible: boolean; query: string; active: boolean } {
  const parsed = parsePatient((k) => first(raw[k]));
  const patient = parsed.ok ? parsed.patient : {};
  const query = new URLSearchParams(patientParams(patient)).toString();
  return { patient, error: parsed.ok ? null : parsed.message, onlyPossible: first(raw.possible) === "1", query, active: hasPatient(patient) };
}
