import type Database from "better-sqlite3";
import { registryOf } from "../ingest/layouts/ictrp/read";

/**
 * One trial, several registrations. A record's registry keys are the registry ids it is
 * (its own id; an EU CTR member-state record is also its EudraCT number) and the ones it
 * names (its secondary ids, `nct_alias`). Two records are the same trial when a key one
 * is, the other is or names. Groups are the connected sets of such links: a view over the
 * stored records (each keeps all its rows), the same whatever order they were imported in,
 * named by their primary record (an NCT id first, else the smallest id).
 * Sponsor codes and other words in the secondary ids are not registry ids and link nothing.
 */

/** The registry key of an id as written, or null when it is not a registry id. */
export function registryKey(text: string): string | null {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(NCT\d{8})$/i.exec(t))) return m[1]!.toUpperCase();
  if ((m = /^(?:CTIS)?(\d{4}-5\d{5}-\d{2}-\d{2})$/i.exec(t))) return `CTIS:${m[1]}`;
  if ((m = /^(?:EUCTR|EudraCT(?:\s*(?:No\.?|number)?)?[:\s]*)?(\d{4}-\d{6}-\d{2})(?:-[A-Z]{2,3})?$/i.exec(t))) return `EUDRACT:${m[1]}`;
  if ((m = /^(ChiCTR[-A-Z]*\d+)$/i.exec(t))) return `CHICTR:${m[1]!.toUpperCase()}`;
  if ((m = /^(?:JPRN-)?(jRCTs?\d+)$/i.exec(t))) return `JRCT:${m[1]!.toLowerCase()}`;
  if ((m = /^(?:JPRN-)?UMIN(\d{9})$/i.exec(t))) return `UMIN:${m[1]}`;
  if ((m = /^(?:JPRN-)?(JapicCTI-\d+)$/i.exec(t))) return `JAPIC:${m[1]!.toUpperCase()}`;
  if ((m = /^(DRKS\d{8}|ISRCTN\d{8}|KCT\d{7}|ACTRN\d{14}|NL-OMON\d+|NTR\d+|IRCT[\dN]+|PACTR\d+|TCTR\d+)$/i.exec(t))) return m[1]!.toUpperCase();
  if ((m = /^(CTRI\/\d{4}\/\d+\/\d+)$/i.exec(t))) return m[1]!.toUpperCase();
  return null;
}

/** The keys of a record: its own id (and, for a slug or an unknown registry, the id itself) and the registry ids it names. */
export function keysOf(id: string, nctId: string | null, otherIds: string[]): { key: string; own: boolean; text: string }[] {
  const out = new Map<string, { key: string; own: boolean; text: string }>();
  const add = (key: string | null, own: boolean, text: string) => {
    if (!key) return;
    const had = out.get(key);
    if (!had || (own && !had.own)) out.set(key, { key, own, text });
  };
  add(registryKey(id) ?? `ID:${id.toUpperCase()}`, true, id);
  if (nctId) add(registryKey(nctId), true, nctId);
  for (const o of otherIds) add(registryKey(o), false, o);
  return [...out.values()];
}

/** The primary record of a group: an NCT id first (the registry's permalinks), else the smallest id. */
export function primaryOf(ids: string[]): string {
  return [...ids].sort((a, b) => {
    const na = /^NCT\d{8}$/.test(a), nb = /^NCT\d{8}$/.test(b);
    if (na !== nb) return na ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
  })[0]!;
}

/** The records linked to this one by a shared key that at least one of them is. */
function neighbours(db: Database.Database, id: string): string[] {
  return db.prepare(`SELECT DISTINCT b.trialId FROM RegistryKey a JOIN RegistryKey b ON a.key = b.key
    WHERE a.trialId = ? AND b.trialId <> a.trialId AND (a.own = 1 OR b.own = 1)`).pluck().all(id) as string[];
}

function component(db: Database.Database, start: string): string[] {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) for (const n of neighbours(db, queue.pop()!)) if (!seen.has(n)) (seen.add(n), queue.push(n));
  return [...seen];
}

/** The stored members of the group this record is in now (itself alone when it has none). */
export function groupMembers(db: Database.Database, id: string): string[] {
  const rows = db.prepare("SELECT trialId FROM TrialGroup WHERE groupId = (SELECT groupId FROM TrialGroup WHERE trialId = ?)").pluck().all(id) as string[];
  return rows.length ? rows : [id];
}

/**
 * Stores a just-written record's keys and recomputes the groups it and its former group
 * mates are in. Call inside the trial's write transaction, after its rows are inserted.
 */
export function linkTrial(db: Database.Database, id: string, nctId: string | null, otherIds: string[], formerMates: string[]): void {
  db.prepare("DELETE FROM RegistryKey WHERE trialId = ?").run(id);
  const insert = db.prepare("INSERT INTO RegistryKey (trialId, key, own, text) VALUES (?, ?, ?, ?)");
  for (const k of keysOf(id, nctId, otherIds)) insert.run(id, k.key, Number(k.own), k.text);
  regroup(db, [id, ...formerMates]);
}

/** Recomputes the groups of these records (the ones still stored). */
export function regroup(db: Database.Database, ids: string[]): void {
  const exists = db.prepare("SELECT 1 FROM Trial WHERE id = ?").pluck();
  const upsert = db.prepare("INSERT INTO TrialGroup (trialId, groupId) VALUES (?, ?) ON CONFLICT(trialId) DO UPDATE SET groupId = excluded.groupId");
  const done = new Set<string>();
  for (const id of ids) {
    if (done.has(id) || !exists.get(id)) continue;
    const members = component(db, id);
    const primary = primaryOf(members);
    for (const m of members) (done.add(m), upsert.run(m, primary));
  }
}

/** Keys and groups of every stored record (a database imported before links existed). */
export function relinkAll(db: Database.Database): number {
  return db.transaction(() => {
    const rows = db.prepare("SELECT id, nctId FROM Trial").all() as { id: string; nctId: string | null }[];
    const others = new Map<string, string[]>();
    for (const { trialId, value } of db.prepare("SELECT trialId, value FROM OtherId ORDER BY trialId, ordinal").all() as { trialId: string; value: string }[]) {
      const list = others.get(trialId);
      if (list) list.push(value);
      else others.set(trialId, [value]);
    }
    db.prepare("DELETE FROM RegistryKey").run();
    db.prepare("DELETE FROM TrialGroup").run();
    const insert = db.prepare("INSERT INTO RegistryKey (trialId, key, own, text) VALUES (?, ?, ?, ?)");
    for (const r of rows) for (const k of keysOf(r.id, r.nctId, others.get(r.id) ?? [])) insert.run(r.id, k.key, Number(k.own), k.text);
    regroup(db, rows.map((r) => r.id));
    return rows.length;
  }).immediate();
}

/** SQL: the ids of records that are not their group's primary (left out of every count and list). */
export const NOT_PRIMARY = "SELECT trialId FROM TrialGroup WHERE groupId <> trialId";

/** The primary record of the group of this id, or null when the id is not stored. */
export function readPrimaryId(db: Database.Database, id: string): string | null {
  return (db.prepare("SELECT coalesce((SELECT groupId FROM TrialGroup WHERE trialId = t.id), t.id) FROM Trial t WHERE t.id = ?").pluck().get(id) as string | undefined) ?? null;
}

/** A group's registrations, primary first: each record's id and registry. */
export interface Registration { id: string; registry: string; sourceFormat: string; importedAt: string }

export function readRegistrations(db: Database.Database, id: string): Registration[] {
  const primary = readPrimaryId(db, id);
  if (!primary) return [];
  const ids = groupMembers(db, primary);
  const rows = db.prepare(`SELECT id, sourceFormat, importedAt FROM Trial WHERE id IN (${ids.map(() => "?").join(",")})`).all(...ids) as Omit<Registration, "registry">[];
  return rows.map((r) => ({ ...r, registry: registryName(r.id) }))
    .sort((a, b) => (a.id === primary ? -1 : b.id === primary ? 1 : a.id < b.id ? -1 : 1));
}

/** The registry of a stored record by its id's prefix (registryOf's codes; OTHER for a slug or an unknown prefix). */
export function registryCode(id: string): string {
  return registryOf(id) ?? "OTHER";
}

/** The registry of a stored record, by its id's prefix, as a person names it. */
export function registryName(id: string): string {
  return registryLabel(registryCode(id));
}

/** A registry code as a person names it. */
export function registryLabel(code: string): string {
  return REGISTRY_NAMES[code] ?? code;
}

const REGISTRY_NAMES: Record<string, string> = {
  OTHER: "Other (no registry id)",
  NCT: "ClinicalTrials.gov", EUCTR: "EU CTR", CTIS: "CTIS", ChiCTR: "ChiCTR", DRKS: "DRKS", "JPRN-jRCT": "jRCT",
  "JPRN-UMIN": "UMIN", JPRN: "JPRN", "NL-OMON": "NL-OMON", NTR: "NTR", KCT: "CRIS (KCT)", CTRI: "CTRI", ISRCTN: "ISRCTN",
  ACTRN: "ANZCTR", IRCT: "IRCT", PACTR: "PACTR", ReBEC: "ReBEC", TCTR: "TCTR", SLCTR: "SLCTR", LBCTR: "LBCTR", ITMCTR: "ITMCTR", REPEC: "REPEC",
};
