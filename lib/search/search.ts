import { getTrials } from "../db/trials";
import { sortPhases } from "../ingest/normalize/enums";
import type { TrialRecord } from "../record/schema";
import { searchDb } from "./connection";
import { runSearch, type Facets } from "./engine";
import { makeHighlighter, type Part } from "./fts-query";
import type { SearchQuery } from "./params";

export type Highlighted = Part[];

/** One result row of the list: what a clinician scans, nothing more. */
export interface ListItem {
  id: string;
  title: Highlighted;
  status: string | null;
  phases: string[];
  enrollment: { count: number; type: string | null } | null;
  armCount: number;
  /** Per-kg dose range over the arms that report one; null when none does. */
  dose: { min: number; max: number; estimated: boolean } | null;
  conditions: string[];
  startDate: string | null;
  /** Where the query matched outside the title, with the matched words marked. */
  snippet: Highlighted | null;
}

export interface SearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: ListItem[];
  facets: Facets;
  terms: string[];
}

interface ItemRow {
  id: string; title: string | null; officialTitle: string | null; overallStatus: string | null;
  enrollmentCount: number | null; enrollmentType: string | null; sponsor: string | null; briefSummary: string | null;
  description: string | null; startDate: string | null; phases: string | null; arms: string; conditions: string; criteria: string | null;
  otherIds: string | null; interventions: string;
}

const ITEM_SQL = (n: number) => `SELECT t.id, t.title, t.officialTitle, t.overallStatus, t.enrollmentCount, t.enrollmentType,
  t.sponsor, t.briefSummary, t.description, t.startDate, t.interventions,
  (SELECT group_concat(phase) FROM TrialPhase WHERE trialId = t.id) AS phases,
  (SELECT json_group_array(json_object('label', label, 'description', description, 'perKg', cellsPerKgPerInfusion, 'estimated', estimated))
     FROM (SELECT * FROM Arm WHERE trialId = t.id ORDER BY ordinal)) AS arms,
  (SELECT json_group_array(name) FROM (SELECT name FROM Condition WHERE trialId = t.id ORDER BY ordinal)) AS conditions,
  (SELECT group_concat(text, ' · ') FROM Criterion WHERE trialId = t.id) AS criteria,
  (SELECT group_concat(value, ' ') FROM OtherId WHERE trialId = t.id) AS otherIds
FROM Trial t WHERE t.id IN (${Array(n).fill("?").join(",")})`;


function toItem(r: ItemRow, terms: string[], hl: ReturnType<typeof makeHighlighter>): ListItem {
  const arms = JSON.parse(r.arms) as { label: string; description: string | null; perKg: number | null; estimated: number }[];
  const dosed = arms.filter((a) => a.perKg !== null);
  const conditions = JSON.parse(r.conditions) as string[];
  const where = [
    r.officialTitle, conditions.join("; "), (JSON.parse(r.interventions) as string[]).join("; "),
    ...arms.map((a) => [a.label, a.description].filter(Boolean).join(": ")), r.criteria, r.sponsor, r.otherIds,
    r.briefSummary, r.description,
  ];
  let found: Highlighted | null = null;
  for (const text of where) {
    if (text && (found = hl.snippet(text))) break;
  }
  return {
    id: r.id,
    title: hl.highlight(r.title ?? r.officialTitle ?? r.id),
    status: r.overallStatus,
    phases: sortPhases(r.phases ? r.phases.split(",") : []),
    enrollment: r.enrollmentCount === null ? null : { count: r.enrollmentCount, type: r.enrollmentType },
    armCount: arms.length,
    dose: dosed.length
      ? { min: Math.min(...dosed.map((a) => a.perKg!)), max: Math.max(...dosed.map((a) => a.perKg!)), estimated: dosed.some((a) => a.estimated === 1) }
      : null,
    conditions,
    startDate: r.startDate,
    snippet: terms.length ? found : null,
  };
}

/** The list page's search: result rows, facet counts and the words to highlight. */
export function searchTrials(q: SearchQuery): SearchResult {
  const db = searchDb();
  // One read transaction: the facet index, the FTS match and the result rows all see the
  // same snapshot, even if an import commits in between.
  const { total, ids, facets, terms, rows } = db.transaction(() => {
    const found = runSearch(db, q);
    const rows = found.ids.length ? (db.prepare(ITEM_SQL(found.ids.length)).all(...found.ids) as ItemRow[]) : [];
    return { ...found, rows };
  })();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hl = makeHighlighter(terms);
  return {
    total, page: q.page, pageSize: q.pageSize, facets, terms,
    items: ids.flatMap((id) => (byId.has(id) ? [toItem(byId.get(id)!, terms, hl)] : [])),
  };
}

/** The API's search: the same query, whole records in the contract. */
export async function searchTrialRecords(q: SearchQuery): Promise<{ total: number; page: number; pageSize: number; trials: TrialRecord[] }> {
  const { total, ids } = runSearch(searchDb(), q);
  return { total, page: q.page, pageSize: q.pageSize, trials: await getTrials(ids) };
}

/**
 * A few trials to offer beside a trial page's "Compare with…": the newest that share a
 * condition, topped up with the newest others. Many sharers: walk the start-date index
 * and stop at `limit`; few: sort those few (a walk would scan the whole table for them).
 */
export function compareCandidates(id: string, conditions: string[], limit = 12): { id: string; title: string | null }[] {
  type Row = { id: string; title: string | null };
  const db = searchDb();
  const names = JSON.stringify(conditions);
  const { n } = db.prepare("SELECT count(*) AS n FROM Condition WHERE name IN (SELECT value FROM json_each(?))").get(names) as { n: number };
  const shared = n === 0 ? [] : (db.prepare(n > 500
    ? `SELECT t.id, t.title FROM Trial t WHERE t.id <> ? AND EXISTS (SELECT 1 FROM Condition c WHERE c.trialId = t.id
         AND c.name IN (SELECT value FROM json_each(?))) ORDER BY t.startDate DESC LIMIT ?`
    : `SELECT t.id, t.title FROM Trial t WHERE t.id <> ? AND t.id IN (SELECT c.trialId FROM Condition c
         WHERE c.name IN (SELECT value FROM json_each(?))) ORDER BY t.startDate DESC LIMIT ?`).all(id, names, limit) as Row[]);
  if (shared.length >= limit) return shared;
  const others = db.prepare(`SELECT id, title FROM Trial WHERE id <> ? AND id NOT IN (SELECT value FROM json_each(?))
      ORDER BY startDate DESC LIMIT ?`).all(id, JSON.stringify(shared.map((s) => s.id)), limit - shared.length) as Row[];
  return [...shared, ...others];
}
