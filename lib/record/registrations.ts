import { formatCells, formatPhases, label } from "../format";
import type { EvidenceMap, TrialRecord } from "./schema";

/**
 * One trial registered in several registries: what each registration says, side by side.
 * Where the registrations disagree (status, enrollment, start, phases, a dose), or one states
 * what another does not, every one is shown with its registry and date; none wins, not even the newest.
 */

export interface Registered { trial: TrialRecord; evidence: EvidenceMap; registry: string }

export interface RegistrationDate { label: string; value: string }
export interface RegistrationView { id: string; registry: string; date: RegistrationDate | null }
export interface StatedValue { id: string; registry: string; date: RegistrationDate | null; value: string | null }
export interface Disagreement { field: string; values: StatedValue[] }

const ISO = /\((\d{4}-\d{2}-\d{2})\)\s*$/;

/** The date a registration's record carries: when ICTRP last refreshed it, else when it was registered. */
export function registrationDate(evidence: EvidenceMap): RegistrationDate | null {
  const refreshed = evidence["dates.lastRefreshed"]?.text;
  const registered = evidence["dates.registration"]?.text;
  if (refreshed) return { label: "refreshed", value: ISO.exec(refreshed)?.[1] ?? refreshed.replace(/^Last_Refreshed_on\s*/, "") };
  if (registered) return { label: "registered", value: ISO.exec(registered)?.[1] ?? registered.replace(/^registered\s*/, "") };
  return null;
}

const FIELDS: [string, (t: TrialRecord, evidence: EvidenceMap) => string | null][] = [
  // A status our vocabulary does not name ("Not Recruiting": not yet, or no longer?) as the registry words it.
  ["Status", (t, e) => (t.overallStatus ? label(t.overallStatus) : e.overallStatus?.text ? `"${e.overallStatus.text}" (as registered)` : null)],
  ["Enrollment", (t) => (t.enrollment?.count != null ? `${t.enrollment.count}${t.enrollment.type ? ` (${label(t.enrollment.type).toLowerCase()})` : ""}` : null)],
  ["Start", (t) => t.dates.start],
  ["Phase", (t) => (t.phases.length ? formatPhases(t.phases) : null)],
  ["MSC doses per infusion", (t) => {
    const doses = [...new Set(t.arms.map((a) => a.summary.cellsPerKgPerInfusion).filter((d): d is number => d !== null))].sort((a, b) => a - b);
    return doses.length ? `${doses.map((d) => formatCells(d)).join(", ")} cells/kg` : null;
  }],
];

/** The registrations (the primary record first, as given) and the fields they state differently. */
export function compareRegistrations(items: Registered[]): { registrations: RegistrationView[]; disagreements: Disagreement[] } {
  const registrations = items.map((i) => ({ id: i.trial.id, registry: i.registry, date: registrationDate(i.evidence) }));
  const disagreements: Disagreement[] = [];
  for (const [field, read] of FIELDS) {
    const values = items.map((i, k) => ({ ...registrations[k]!, value: read(i.trial, i.evidence) }));
    // One registration stating what another does not is shown too: the page shows the primary record's.
    const said = new Set(values.map((v) => v.value?.toLowerCase() ?? null));
    if (said.size > 1) disagreements.push({ field, values });
  }
  return { registrations, disagreements };
}
