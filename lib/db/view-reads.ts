import type Database from "better-sqlite3";
import { NOT_PRIMARY, registryCode } from "./trial-links";
import type { Arm, TrialRecord } from "../record/schema";
import type { TrialRow } from "./trial-rows";
import { landscapeFromView, liveLandscapeTrials, liveScreenTrials, screenFromView } from "./trial-views";

/**
 * The rows a view of many trials needs, and nothing else: the dose landscape reads one
 * row per MSC arm and its doses, the patient screen the criteria, thresholds and age
 * limits. Decoded by the same functions as whole records (trial-rows.ts), so a value
 * reads the same here as on the trial's page; each trial's are kept decoded in its view row
 * (lib/db/trial-views.ts), written with the trial. Call with a chunk of ids at a time, inside
 * one snapshot (lib/db/read-connection.ts), to read thousands of trials in slices.
 */

const placeholders = (n: number) => Array(n).fill("?").join(",");

/** A trial as the landscape reads it. */
export type LandscapeTrial = Pick<TrialRecord, "id" | "title" | "overallStatus" | "enrollment" | "cellSource"> & {
  /** The registries of the trial's registrations (registry codes). */
  registries?: string[];
  /** The record lists a reference reporting its results (read live, as the registries; issue 22). */
  resultsPublication?: boolean;
  /**
   * Only its arms with an MSC dose, each at its index in the record's arm list (a sparse
   * array: `forEach` and `map` pass that index, as over the whole list).
   */
  arms: LandscapeArm[];
};
export type LandscapeArm = Pick<Arm, "label" | "doses" | "route" | "cellSource" | "cellOrigin">;

/**
 * View rows decoded, by trial id, with the text they were decoded from: a row read again
 * with the same text is the same value (JSON.parse of the same text), so it is not decoded
 * again. At most DECODED_KEPT trials of each kind (then the map starts afresh).
 */
const DECODED_KEPT = 200_000;
const landscapeDecoded = new Map<string, { text: string; value: LandscapeTrial }>();
const screenDecoded = new Map<string, { text: string; value: ScreenTrial }>();
function decodedOnce<T>(kept: Map<string, { text: string; value: T }>, id: string, text: string, decode: (id: string, text: string) => T): T {
  const hit = kept.get(id);
  if (hit && hit.text === text) return hit.value;
  const value = decode(id, text);
  if (kept.size >= DECODED_KEPT) kept.clear();
  kept.set(id, { text, value });
  return value;
}

/**
 * The landscape's trials from their view rows (decoded once per row's text, kept across
 * imports: a row an import did not change is not decoded again; each read its own object),
 * the trials without one from `live`, each trial's registries from the group links
 * (`links`: a group's other records) and whether it lists a results publication (`withResults`:
 * the ids of those that do): engine-neutral, each engine reads the rows.
 */
export function landscapeFromRows(ids: string[], rows: { trialId: string; landscape: string }[],
  live: (ids: string[]) => LandscapeTrial[], links: { groupId: string; trialId: string }[], withResults: string[]): LandscapeTrial[] {
  const trials = rows.map((r): LandscapeTrial => ({ ...decodedOnce(landscapeDecoded, r.trialId, r.landscape, landscapeFromView) }));
  if (rows.length < ids.length) {
    const have = new Set(rows.map((r) => r.trialId));
    trials.push(...live(ids.filter((id) => !have.has(id))));
  }
  const byId = new Map(trials.map((t) => [t.id, t]));
  // Each trial's registries, read live: its own id's and its group's other records' (lib/db/trial-links.ts).
  for (const t of trials) t.registries = [registryCode(t.id)];
  for (const { groupId, trialId } of links) {
    const t = byId.get(groupId);
    const code = registryCode(trialId);
    if (t && !t.registries!.includes(code)) t.registries!.push(code);
  }
  for (const t of trials) t.resultsPublication = false;
  for (const id of withResults) {
    const t = byId.get(id);
    if (t) t.resultsPublication = true;
  }
  return trials;
}

/** The landscape's trials with these ids (any order; unknown ids are left out). */
export function readLandscapeTrials(db: Database.Database, ids: string[]): LandscapeTrial[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  // Each trial's view row (lib/db/trial-views.ts); a trial stored without one is read from its rows.
  const rows = db.prepare(`SELECT trialId, landscape FROM TrialView WHERE trialId IN (${inIds})`).all(...ids) as { trialId: string; landscape: string }[];
  const links = db.prepare(`SELECT groupId, trialId FROM TrialGroup WHERE groupId IN (${inIds}) AND trialId <> groupId`).all(...ids) as { groupId: string; trialId: string }[];
  const withResults = db.prepare(`SELECT DISTINCT trialId FROM Reference WHERE type = 'RESULT' AND trialId IN (${inIds})`).pluck().all(...ids) as string[];
  return landscapeFromRows(ids, rows, (missing) => liveLandscapeTrials(db, missing), links, withResults);
}

/** A trial as the patient screen reads it. */
export type ScreenTrial = Pick<TrialRecord, "id"> & {
  eligibility: Pick<TrialRecord["eligibility"], "minAgeYears" | "maxAgeYears" | "inclusion" | "exclusion" | "thresholds">;
};

/**
 * The screen's trials from their view rows: decoded once per row's text, and the same
 * object while the row is unchanged (the screen's preparation of a trial, lib/screen, is
 * kept with it, so an import does not redo every trial's); those without one from `live`.
 */
export function screenFromRows(ids: string[], rows: { trialId: string; screen: string }[], live: (ids: string[]) => ScreenTrial[]): ScreenTrial[] {
  const trials = rows.map((r) => decodedOnce(screenDecoded, r.trialId, r.screen, screenFromView));
  if (rows.length < ids.length) {
    const have = new Set(rows.map((r) => r.trialId));
    trials.push(...live(ids.filter((id) => !have.has(id))));
  }
  return trials;
}

/** The screen's trials with these ids (any order; unknown ids are left out). */
export function readScreenTrials(db: Database.Database, ids: string[]): ScreenTrial[] {
  if (!ids.length) return [];
  // Each trial's view row (lib/db/trial-views.ts); a trial stored without one is read from its rows.
  const rows = db.prepare(`SELECT trialId, screen FROM TrialView WHERE trialId IN (${placeholders(ids.length)})`).all(...ids) as { trialId: string; screen: string }[];
  return screenFromRows(ids, rows, (missing) => liveScreenTrials(db, missing));
}

/** Every trial's id in source-file order (the order of the export and of GET /api/screen without ids). */
export function readAllIds(db: Database.Database): string[] {
  return db.prepare(`SELECT id FROM Trial WHERE id NOT IN (${NOT_PRIMARY}) ORDER BY sourceFile`).pluck().all() as string[];
}

type Row = Record<string, unknown>;

export function groupRows<T extends Row>(rows: T[], key: string): Map<unknown, T[]> {
  const out = new Map<unknown, T[]>();
  for (const r of rows) {
    const k = r[key];
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Whole trials' rows as Prisma's include (trialInclude) returns them, read with raw SQL on
 * better-sqlite3: so that a search and its records can be read in one snapshot of one
 * connection (GET /api/trials). SQLite's 0/1 become booleans where Prisma's are; the
 * orders are trialInclude's. (Any order; unknown ids are left out.)
 */
export function readTrialRows(db: Database.Database, ids: string[]): TrialRow[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  const all = (sql: string) => db.prepare(sql).all(...ids) as Row[];
  const byTrial = (sql: string) => groupRows(all(sql), "trialId");
  const trials = all(`SELECT * FROM Trial WHERE id IN (${inIds})`);
  const phases = byTrial(`SELECT * FROM TrialPhase WHERE trialId IN (${inIds})`);
  const conditions = byTrial(`SELECT * FROM Condition WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const otherIds = byTrial(`SELECT * FROM OtherId WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const arms = all(`SELECT * FROM Arm WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const doses = groupRows(db.prepare(`SELECT d.* FROM Dose d JOIN Arm a ON a.id = d.armId WHERE a.trialId IN (${inIds}) ORDER BY d.armId, d.ordinal`).all(...ids) as Row[], "armId");
  const criteria = byTrial(`SELECT * FROM Criterion WHERE trialId IN (${inIds}) ORDER BY kind, ordinal`);
  const outcomes = byTrial(`SELECT * FROM Outcome WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const contacts = byTrial(`SELECT * FROM Contact WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const locations = byTrial(`SELECT * FROM Location WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const references = byTrial(`SELECT * FROM Reference WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const stages = all(`SELECT * FROM Stage WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  const groups = groupRows(db.prepare(`SELECT g.* FROM StageGroup g JOIN Stage s ON s.id = g.stageId WHERE s.trialId IN (${inIds}) ORDER BY g.stageId, g.ordinal`).all(...ids) as Row[], "stageId");
  const evidence = byTrial(`SELECT * FROM FieldEvidence WHERE trialId IN (${inIds})`);
  const thresholds = byTrial(`SELECT * FROM Threshold WHERE trialId IN (${inIds}) ORDER BY ordinal`);
  return assembleTrialRows({ trials, phases, conditions, otherIds, arms, doses, criteria, outcomes, contacts, locations, references, stages, groups, evidence, thresholds });
}

/** A whole trial's rows as an engine reads them: the Trial rows, each child table's rows by trial (Dose by arm, StageGroup by stage), in trialInclude's orders. */
export interface TrialRowParts {
  trials: Row[]; arms: Row[]; stages: Row[];
  doses: Map<unknown, Row[]>; groups: Map<unknown, Row[]>;
  phases: Map<unknown, Row[]>; conditions: Map<unknown, Row[]>; otherIds: Map<unknown, Row[]>; criteria: Map<unknown, Row[]>;
  outcomes: Map<unknown, Row[]>; contacts: Map<unknown, Row[]>; locations: Map<unknown, Row[]>; references: Map<unknown, Row[]>;
  evidence: Map<unknown, Row[]>; thresholds: Map<unknown, Row[]>;
}

/** SQLite's 0/1 or PostgreSQL's boolean, as a boolean (null stays). */
const bool = (v: unknown) => (v === null || v === undefined ? null : v === true || v === 1);

/** Whole trials' rows assembled (engine-neutral): booleans as booleans, importedAt a Date. */
export function assembleTrialRows(p: TrialRowParts): TrialRow[] {
  const armsOf = groupRows(p.arms.map((a) => ({ ...a, estimated: bool(a.estimated) === true, doses: p.doses.get(a.id) ?? [] })), "trialId");
  const stagesOf = groupRows(p.stages.map((s) => ({ ...s, groups: p.groups.get(s.id) ?? [] })), "trialId");
  return p.trials.map((t) => ({
    ...t,
    healthyVolunteers: bool(t.healthyVolunteers),
    importedAt: new Date(t.importedAt as string | Date),
    phases: p.phases.get(t.id) ?? [], conditions: p.conditions.get(t.id) ?? [], otherIds: p.otherIds.get(t.id) ?? [],
    arms: armsOf.get(t.id) ?? [], criteria: p.criteria.get(t.id) ?? [], outcomes: p.outcomes.get(t.id) ?? [],
    contacts: p.contacts.get(t.id) ?? [], locations: p.locations.get(t.id) ?? [], references: p.references.get(t.id) ?? [], stages: stagesOf.get(t.id) ?? [],
    evidence: p.evidence.get(t.id) ?? [], thresholds: p.thresholds.get(t.id) ?? [],
  })) as unknown as TrialRow[];
}
