import type { EvidenceMap, TrialRecord } from "../record/schema";
import type { Registered } from "../record/registrations";
import type { ParsedQuery } from "../search/fts-query";
import type { Suggestion } from "./trial-suggestions";
import type { TrialVersion, VersionCount } from "./versions";
import type { LandscapeTrial, ScreenTrial } from "./view-reads";
import { databaseUrl } from "./url";
import { sqliteStore } from "./sqlite/store";
import { postgresStore } from "./postgres/store";

/**
 * The registry's data, engine-neutral: what the app reads (a Reader, inside one snapshot)
 * and nothing of SQL or a driver. Every value a Reader returns is a plain object in the
 * record's own types: lists are arrays, evidence is lib/record's. An engine (SQLite,
 * lib/db/sqlite/; PostgreSQL, lib/db/postgres/) implements Store and Reader, both
 * decoding with the same functions; `store()` picks it from DATABASE_URL.
 *
 * Reader methods return Promises so that an engine with an asynchronous driver (PostgreSQL)
 * implements the same interface; SQLite's run synchronously inside one read transaction.
 */

// ── Sites and publications (issue 22, part 2): everything FacetRow carries for the country and
// city facets, "recruiting sites only", "near" (distance and its sort), the list's map and "has a
// results publication". An engine's reader fills these two fields and nothing else changes. ──

/**
 * One site of a trial as the list filters, counts, sorts and maps it, in the record's order
 * (so its position is the site's ordinal on the trial page). `status`: the site's own, null
 * when the record gives none (the trial's overall status then stands for it). `lat`/`lon`:
 * the record's or the gazetteer's, null when the site could not be placed.
 */
export interface FacetSite {
  countryCode: string | null;
  city: string | null;
  status: string | null;
  lat: number | null;
  lon: number | null;
  approximate: boolean;
}
export interface FacetSiteFields {
  /** Every Location of the trial's (primary) record, in ordinal order. */
  sites: FacetSite[];
  /** The record lists at least one reference of type RESULT ("reports this trial's results"). */
  hasResultsPublication: boolean;
}

/** One trial's fields that the list filters, counts and sorts on (lib/search/facet-index.ts). */
export interface FacetRow extends FacetSiteFields {
  /** The trial's integer key, the one full-text matches are returned as (SQLite: its rowid). */
  rowid: number;
  id: string; status: string | null; allocation: string | null; masking: string | null; source: string | null;
  minAge: number | null; maxAge: number | null; start: string | null; enrollment: number | null; maxDose: number | null;
  /** The registry's status verification date (ISO), null when the source states none. */
  statusVerified: string | null;
  title: string | null; officialTitle: string | null; acronym: string | null; nctId: string | null; sponsor: string | null;
  interventions: string[];
  keywords: string[];
  phases: string[];
  /** In the record's order. */
  conditions: string[];
  otherIds: string[];
  armLabels: string[];
  /** The per-kg doses of the arms that report one. */
  doses: number[];
  /** The MSC infusion counts above 0. */
  infusions: number[];
  /** The arms' routes, cell sources and origins (values only; an arm without one adds nothing). */
  routes: string[];
  armSources: string[];
  origins: string[];
  /** The registry codes of the trial's registrations (lib/db/trial-links.ts registryCode). */
  registries: string[];
}

/** What one result row of the list shows. */
export interface ListRow {
  id: string; title: string | null; officialTitle: string | null; overallStatus: string | null;
  enrollmentCount: number | null; enrollmentType: string | null; sponsor: string | null; briefSummary: string | null;
  description: string | null; startDate: string | null; phases: string[];
  /** In arm order. */
  arms: { label: string; description: string | null; perKg: number | null; estimated: boolean }[];
  conditions: string[];
  criteria: string[];
  otherIds: string[];
  interventions: string[];
  acronym: string | null;
  nctId: string | null;
  cellSource: string | null;
  keywords: string[];
  /** Contacts' affiliations and locations' facilities. */
  sites: string[];
  /** Each Location's facility in ordinal order (null where not named): the site a distance is measured to (issue 22). */
  facilities: (string | null)[];
}

export interface TrialTitle { id: string; title: string | null }

/** A trial and where each of its values came from (field path → origin and source words). */
export interface TrialWithEvidence { trial: TrialRecord; evidence: EvidenceMap }

/** Everything the app reads, all inside the one snapshot of the `Store.read` that gave it. */
export interface Reader {
  /** Moves when another connection commits (an import): the key of per-version caches. */
  dataVersion(): Promise<number>;
  /** How many trial records are stored (every registration). */
  trialCount(): Promise<number>;

  // Search and the list (lib/search ranks, filters and counts over these).
  /** Every listed trial's facet row (a group's primary record only), sorted by id. */
  facetRows(): Promise<FacetRow[]>;
  /** The keys (FacetRow.rowid) of the trials whose text matches the query's words; null when it has none. */
  textMatches(parsed: ParsedQuery): Promise<number[] | null>;
  /** The list rows of these trials (any order; unknown ids left out). */
  listRows(ids: string[]): Promise<ListRow[]>;
  /** Every listed trial's id and title, in source-file order (the comparison's picker). */
  trialTitles(): Promise<TrialTitle[]>;
  /** A few trials to offer beside a trial page's "Compare with…": newest sharing a condition, then newest others. */
  compareCandidates(id: string, conditions: string[], limit: number): Promise<TrialTitle[]>;
  /** Every listed trial's id in source-file order (the screen without ids). */
  listedIds(): Promise<string[]>;
  /** Every stored record's id in source-file order (the export: every registration). */
  recordIds(): Promise<string[]>;

  // Whole records.
  /** The stored id for an id in any case, or its group's primary record's; null when none. */
  canonicalId(id: string): Promise<string | null>;
  /** The records with these ids, in the order given (unknown ids left out). */
  trials(ids: string[]): Promise<TrialRecord[]>;
  /** The records and their evidence, in the order given (unknown ids left out). */
  trialsWithEvidence(ids: string[]): Promise<TrialWithEvidence[]>;
  /** The records of a trial registered in several registries, primary first; empty when registered once. */
  registrations(primaryId: string): Promise<Registered[]>;
  /** Records that may be this trial though no registry id links them (never merged). */
  suggestions(id: string): Promise<Suggestion[]>;

  // The heavy views' lean rows (only the tables a view needs).
  landscapeTrials(ids: string[]): Promise<LandscapeTrial[]>;
  screenTrials(ids: string[]): Promise<ScreenTrial[]>;

  // Versions (append-only).
  versions(id: string): Promise<TrialVersion[]>;
  version(id: string, n: number): Promise<TrialVersion | null>;
  versionCounts(ids: string[]): Promise<VersionCount[]>;
  latestPair(id: string): Promise<{ latest: TrialVersion; previous: TrialVersion | null } | null>;
}

export interface Store {
  readonly engine: "sqlite" | "postgresql";
  /**
   * Runs `fn` in one read snapshot: everything it reads through the Reader is of one
   * committed state, whatever an import commits meanwhile. `fn` may await between reads.
   */
  read<T>(fn: (r: Reader) => Promise<T>): Promise<T>;
}

/** The engine a DATABASE_URL names: `file:` (or none, or a plain path) is SQLite. */
export function engineOf(url: string = process.env.DATABASE_URL ?? ""): Store["engine"] {
  const u = url.trim();
  if (/^postgres(ql)?:\/\//i.test(u)) return "postgresql";
  return "sqlite";
}

/** The registry's store for DATABASE_URL: the one place the engine is chosen. */
export function store(): Store {
  if (engineOf() === "postgresql") return postgresStore(process.env.DATABASE_URL!.trim());
  return sqliteStore(databaseUrl());
}

/** Reads one snapshot of the registry's store (`store().read`). */
export function read<T>(fn: (r: Reader) => Promise<T>): Promise<T> {
  return store().read(fn);
}
