import type Database from "better-sqlite3";
import type { Arm, TrialRecord } from "../record/schema";
import { FACET_VIEW_FORMAT, facetViewJson, liveFacetRows } from "./search-reads";
import type { FacetRow } from "./store";
import { armFacts, doseFromRow, thresholdFromRow, type DoseRowData, type ThresholdRowData, type TrialRow } from "./trial-rows";
import { rowObject, type RecordRows } from "./record-rows";
import type { LandscapeArm, LandscapeTrial, ScreenTrial } from "./view-reads";

/**
 * One precomputed row per trial (table TrialView) holding what the heavy views read of
 * it, decoded once: the landscape's trial (its MSC arms with their doses, its status,
 * enrollment and cell source), the screen's inputs (criteria, thresholds, age limits) and
 * the list's facet row (lib/db/search-reads.ts liveFacetRows, in its FACET_VIEW_FORMAT),
 * each as JSON: the search's facet index is then built from one scan of one table. Written
 * by both engines' writers in the transaction that writes the trial's rows (so a reader
 * sees both or neither), decoded from the very rows they insert (lib/db/record-rows.ts,
 * `viewOfRows`) by the same decoding as the trial's page (trial-rows.ts): a view reads what
 * a whole record reads, and both engines write the same text. The row goes with its trial
 * (ON DELETE CASCADE). writeTrialViews (SQLite's backfill) decodes the stored rows instead
 * (liveLandscapeTrials, liveScreenTrials, liveFacetRows); tests/unit/db/trial-views.test.ts
 * and tests/unit/db/search-reads.test.ts hold the two equal.
 *
 * What depends on other trials is not kept here: a trial's registries follow the links
 * between records (trial-links.ts), which another trial's import changes; they are read
 * live beside these rows (lib/db/view-reads.ts).
 *
 * A change to what a row holds, or to how the rows it is made from are decoded, needs every
 * row written again: a migration that empties the table (`DELETE FROM "TrialView";`) does
 * it, since preparing a database writes the rows that are missing (backfillTrialViews);
 * for the facet row, bumping FACET_VIEW_FORMAT does (rows of another format are rewritten).
 */

const placeholders = (n: number) => Array(n).fill("?").join(",");

/** The landscape's part of a row: the trial without its id and registries, its dosed arms as [index, arm] pairs. */
interface LandscapeJson extends Omit<LandscapeTrial, "id" | "registries" | "arms"> { arms: [number, LandscapeArm][] }
/** The screen's part of a row: the trial's eligibility as the screen reads it. */
type ScreenJson = ScreenTrial["eligibility"];

type ArmRow = Pick<TrialRow["arms"][number], "id" | "trialId" | "label" | "route" | "routeText" | "cellSource" | "cellSourceText" | "cellOrigin" | "cellOriginText"> & { armIndex: number };
type DoseRow = TrialRow["arms"][number]["doses"][number];

/**
 * The landscape's trials with these ids decoded from their stored rows (Trial, Arm, Dose),
 * without registries: what a view row holds. Any order; unknown ids are left out.
 */
export function liveLandscapeTrials(db: Database.Database, ids: string[]): LandscapeTrial[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  const trials = db.prepare(`SELECT id, title, overallStatus, enrollmentCount, enrollmentType, cellSource FROM Trial WHERE id IN (${inIds})`)
    .all(...ids) as { id: string; title: string | null; overallStatus: string | null; enrollmentCount: number | null; enrollmentType: string | null; cellSource: string | null }[];
  // An arm's index counts every arm of its trial; only those with an MSC dose are kept.
  const arms = db.prepare(`SELECT * FROM (SELECT id, trialId, label, route, routeText, cellSource, cellSourceText, cellOrigin, cellOriginText,
      row_number() OVER (PARTITION BY trialId ORDER BY ordinal) - 1 AS armIndex FROM Arm WHERE trialId IN (${inIds})) a
    WHERE EXISTS (SELECT 1 FROM Dose d WHERE d.armId = a.id AND d.product = 'MSC')`).all(...ids) as ArmRow[];
  const doses = db.prepare(`SELECT d.* FROM Dose d WHERE d.armId IN (SELECT value FROM json_each(?)) ORDER BY d.armId, d.ordinal`)
    .all(JSON.stringify(arms.map((a) => a.id))) as DoseRow[];
  const dosesOf = new Map<number, Arm["doses"]>();
  for (const d of doses) {
    const list = dosesOf.get(d.armId);
    if (list) list.push(doseFromRow(d));
    else dosesOf.set(d.armId, [doseFromRow(d)]);
  }
  const byId = new Map<string, LandscapeTrial>(trials.map((t) => [t.id, {
    id: t.id, title: t.title, overallStatus: t.overallStatus as TrialRecord["overallStatus"], cellSource: t.cellSource as TrialRecord["cellSource"],
    enrollment: t.enrollmentCount === null ? null : { count: t.enrollmentCount, type: t.enrollmentType as "ESTIMATED" | "ACTUAL" | null },
    arms: [],
  }]));
  for (const a of arms) {
    const t = byId.get(a.trialId);
    if (t) t.arms[a.armIndex] = { label: a.label, doses: dosesOf.get(a.id) ?? [], ...armFacts(a) };
  }
  return [...byId.values()];
}

/** The screen's trials with these ids decoded from their stored rows (Trial, Criterion, Threshold). Any order; unknown ids are left out. */
export function liveScreenTrials(db: Database.Database, ids: string[]): ScreenTrial[] {
  if (!ids.length) return [];
  const inIds = placeholders(ids.length);
  const trials = db.prepare(`SELECT id, minAgeYears, maxAgeYears FROM Trial WHERE id IN (${inIds})`).all(...ids) as { id: string; minAgeYears: number | null; maxAgeYears: number | null }[];
  const byId = new Map<string, ScreenTrial>(trials.map((t) => [t.id, {
    id: t.id, eligibility: { minAgeYears: t.minAgeYears, maxAgeYears: t.maxAgeYears, inclusion: [], exclusion: [], thresholds: [] },
  }]));
  const criteria = db.prepare(`SELECT trialId, kind, text FROM Criterion WHERE trialId IN (${inIds}) ORDER BY trialId, kind, ordinal`)
    .all(...ids) as { trialId: string; kind: string; text: string }[];
  for (const c of criteria) {
    const e = byId.get(c.trialId)?.eligibility;
    if (c.kind === "INCLUSION") e?.inclusion.push(c.text);
    else if (c.kind === "EXCLUSION") e?.exclusion.push(c.text);
  }
  const thresholds = db.prepare(`SELECT * FROM Threshold WHERE trialId IN (${inIds}) ORDER BY trialId, ordinal`).all(...ids) as TrialRow["thresholds"];
  for (const th of thresholds) byId.get(th.trialId)?.eligibility.thresholds.push(thresholdFromRow(th));
  return [...byId.values()];
}

function landscapeJson({ id: _id, registries: _r, arms, ...trial }: LandscapeTrial): string {
  const pairs: [number, LandscapeArm][] = [];
  arms.forEach((arm, i) => pairs.push([i, arm]));
  return JSON.stringify({ ...trial, arms: pairs } satisfies LandscapeJson);
}

/** A trial's view row: its columns but trialId. */
export interface TrialViewRow { landscape: string; screen: string; facet: string; facetHash: string; facetFormat: number }

const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A trial's facet row (without rowid and registries, which a read adds) from the rows a
 * writer inserts: what lib/db/search-reads.ts liveFacetRows decodes from the stored rows,
 * field for field and in its key order (the view row's text, and so its hash, is the same).
 */
export function facetOfRows({ trial: t, tables, parents }: RecordRows): FacetRow {
  const table = (name: string) => {
    const x = tables.find((y) => y.table === name)!;
    return x.rows.map((row) => rowObject(x.columns, row));
  };
  const arms = parents.filter((p) => p.table === "Arm").map((p) => rowObject(p.columns, p.row));
  const present = <T,>(xs: (T | null | undefined)[]) => xs.filter((x): x is T => x !== null && x !== undefined);
  return {
    rowid: 0, id: t.id as string, status: t.overallStatus as string | null, allocation: t.allocation as string | null,
    masking: t.masking as string | null, source: t.cellSource as string | null, minAge: t.minAgeYears as number | null,
    maxAge: t.maxAgeYears as number | null, start: t.startDate as string | null, enrollment: t.enrollmentCount as number | null,
    maxDose: t.maxCellsPerKg as number | null, statusVerified: t.statusVerified as string | null, title: t.title as string | null,
    officialTitle: t.officialTitle as string | null, acronym: t.acronym as string | null, nctId: t.nctId as string | null,
    sponsor: t.sponsor as string | null,
    interventions: JSON.parse(t.interventions as string) as string[], keywords: JSON.parse(t.keywords as string) as string[],
    // TrialPhase's key is (trialId, phase): SQLite reads a trial's phases in that order (bytes).
    phases: table("TrialPhase").map((r) => r.phase as string).sort(byBytes),
    conditions: table("Condition").map((r) => r.name as string),
    otherIds: table("OtherId").map((r) => r.value as string),
    armLabels: arms.map((a) => a.label as string),
    doses: present(arms.map((a) => a.cellsPerKgPerInfusion as number | null)),
    infusions: present(arms.map((a) => ((a.activeInfusions as number | null) ?? 0) > 0 ? a.activeInfusions as number : null)),
    routes: present(arms.map((a) => a.route as string | null)),
    armSources: present(arms.map((a) => a.cellSource as string | null)),
    origins: present(arms.map((a) => a.cellOrigin as string | null)),
    registries: [],
    sites: table("Location").map((l) => ({
      countryCode: l.countryCode as string | null, city: l.city as string | null, status: l.status as string | null,
      lat: l.lat as number | null, lon: l.lon as number | null, approximate: l.geoApproximate === true || l.geoApproximate === 1,
    })),
    hasResultsPublication: table("Reference").some((r) => r.type === "RESULT"),
  };
}

/** A trial's view row as writeTrialViews would write it, from the rows a writer is about to insert (lib/db/record-rows.ts). */
export function viewOfRows(rows: RecordRows): TrialViewRow {
  const { trial: t, tables, parents } = rows;
  const arms: LandscapeTrial["arms"] = [];
  parents.filter((p) => p.table === "Arm").forEach((p, i) => {
    const doses = p.children.rows.map((d) => rowObject(p.children.columns, d) as unknown as DoseRowData);
    if (!doses.some((d) => d.product === "MSC")) return;
    const a = rowObject(p.columns, p.row) as unknown as Parameters<typeof armFacts>[0] & { label: string };
    arms[i] = { label: a.label, doses: doses.map(doseFromRow), ...armFacts(a) };
  });
  const landscape: LandscapeTrial = {
    id: t.id as string, title: t.title as string | null, overallStatus: t.overallStatus as TrialRecord["overallStatus"],
    cellSource: t.cellSource as TrialRecord["cellSource"],
    enrollment: t.enrollmentCount === null ? null : { count: t.enrollmentCount as number, type: t.enrollmentType as "ESTIMATED" | "ACTUAL" | null },
    arms,
  };
  const table = (name: string) => tables.find((x) => x.table === name)!;
  const criteria = table("Criterion");
  const texts = (kind: string) => criteria.rows.map((row) => rowObject(criteria.columns, row))
    .filter((c) => c.kind === kind).sort((a, b) => (a.ordinal as number) - (b.ordinal as number)).map((c) => c.text as string);
  const thresholds = table("Threshold");
  const screen: ScreenJson = {
    minAgeYears: t.minAgeYears as number | null, maxAgeYears: t.maxAgeYears as number | null,
    inclusion: texts("INCLUSION"), exclusion: texts("EXCLUSION"),
    thresholds: thresholds.rows.map((row) => thresholdFromRow(rowObject(thresholds.columns, row) as unknown as ThresholdRowData)),
  };
  const facet = facetViewJson(facetOfRows(rows));
  return { landscape: landscapeJson(landscape), screen: JSON.stringify(screen), facet: facet.json, facetHash: facet.hash, facetFormat: FACET_VIEW_FORMAT };
}

/** A view row's landscape part → the landscape's trial (registries are added by the caller). */
export function landscapeFromView(id: string, json: string): LandscapeTrial {
  const { arms: pairs, ...trial } = JSON.parse(json) as LandscapeJson;
  const arms: LandscapeArm[] = [];
  for (const [i, arm] of pairs) arms[i] = arm;
  return { id, ...trial, arms };
}

/** A view row's screen part → the screen's trial. */
export function screenFromView(id: string, json: string): ScreenTrial {
  return { id, eligibility: JSON.parse(json) as ScreenJson };
}

const CHUNK = 200;

/**
 * (Re)writes the view rows of these trials from their stored rows; ids not stored are
 * skipped. Call inside the transaction that wrote the trials' rows.
 */
export function writeTrialViews(db: Database.Database, ids: string[]): void {
  const upsert = db.prepare(`INSERT INTO TrialView (trialId, landscape, screen, facet, facetHash, facetFormat) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(trialId) DO UPDATE SET landscape = excluded.landscape, screen = excluded.screen, facet = excluded.facet,
      facetHash = excluded.facetHash, facetFormat = excluded.facetFormat`);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const screens = new Map(liveScreenTrials(db, chunk).map((t) => [t.id, t]));
    const facets = new Map(liveFacetRows(db, chunk).map((f) => [f.id, f]));
    for (const t of liveLandscapeTrials(db, chunk)) {
      const s = screens.get(t.id);
      const f = facets.get(t.id);
      if (!s || !f) continue;
      const facet = facetViewJson(f);
      upsert.run(t.id, landscapeJson(t), JSON.stringify(s.eligibility), facet.json, facet.hash, FACET_VIEW_FORMAT);
    }
  }
}

/**
 * The stored trials that have no view row (a database written before view rows existed),
 * or one whose facet row is of another format (FACET_VIEW_FORMAT).
 */
export function trialsWithoutView(db: Database.Database): string[] {
  return db.prepare(`SELECT id FROM Trial t WHERE NOT EXISTS (SELECT 1 FROM TrialView v WHERE v.trialId = t.id AND v.facetFormat = ?)`)
    .pluck().all(FACET_VIEW_FORMAT) as string[];
}

/**
 * Writes the missing view rows (the upgrade of a database imported before they existed),
 * in one transaction; returns how many were written. Run at migrate time (lib/db/migrate.ts).
 */
export function backfillTrialViews(db: Database.Database): number {
  return db.transaction(() => {
    const ids = trialsWithoutView(db);
    writeTrialViews(db, ids);
    return ids.length;
  }).immediate();
}
