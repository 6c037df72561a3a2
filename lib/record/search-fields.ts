import type { TrialRecord } from "./schema";
import { LABELS } from "./vocabulary";

/**
 * What search reads of a trial, defined once: each field's full-text column (SQLite FTS5,
 * written with the trial) and its weight tier for relevance: 4 for the title and
 * identifiers, 2 for conditions, treatments and sponsor, 1 for criteria and prose. The
 * list's snippet ("where the query matched outside the title") walks the fields in tier
 * order, then in this order.
 */
export const FTS_COLUMNS = ["title", "conditions", "arms", "criteria", "sponsor", "identifiers", "summary"] as const;
export type FtsColumn = (typeof FTS_COLUMNS)[number];
export type SearchTier = 1 | 2 | 4;

/** A trial's searchable texts by field, from whichever shape holds them (a record, a list row, a facet row). */
export interface SearchSource {
  title: string | null;
  officialTitle: string | null;
  acronym: string | null;
  /** id, NCT id and other ids */
  identifiers: (string | null)[];
  conditions: string[];
  interventions: string[];
  keywords: string[];
  armLabels: string[];
  sponsor: string | null;
  /** the enum value; searched as its label ("Umbilical cord") */
  cellSource: string | null;
  armDescriptions: (string | null)[];
  criteria: string[];
  /** contacts' affiliations and the locations' facilities */
  sites: (string | null)[];
  /** brief summary and full description */
  summary: (string | null)[];
}
export type SearchField = keyof SearchSource;

export const SEARCH_FIELDS: readonly { field: SearchField; column: FtsColumn; tier: SearchTier }[] = [
  { field: "title", column: "title", tier: 4 },
  { field: "officialTitle", column: "title", tier: 4 },
  { field: "acronym", column: "title", tier: 4 },
  { field: "identifiers", column: "identifiers", tier: 4 },
  { field: "conditions", column: "conditions", tier: 2 },
  { field: "interventions", column: "arms", tier: 2 },
  { field: "keywords", column: "conditions", tier: 2 },
  { field: "armLabels", column: "arms", tier: 2 },
  { field: "sponsor", column: "sponsor", tier: 2 },
  { field: "cellSource", column: "arms", tier: 2 },
  { field: "armDescriptions", column: "arms", tier: 1 },
  { field: "criteria", column: "criteria", tier: 1 },
  { field: "sites", column: "sponsor", tier: 1 },
  { field: "summary", column: "summary", tier: 1 },
];

/** The texts of one field (empty when the source does not state it). */
export function fieldTexts(src: Partial<SearchSource>, field: SearchField): string[] {
  const v = src[field];
  if (field === "cellSource") return typeof v === "string" ? [LABELS[v] ?? v] : [];
  const list = Array.isArray(v) ? v : [v];
  return [...new Set(list.filter((x): x is string => typeof x === "string" && x !== ""))];
}

/** The texts of every field of a tier, in table order. */
export function tierTexts(src: Partial<SearchSource>, tier: SearchTier): string[] {
  return SEARCH_FIELDS.filter((f) => f.tier === tier).flatMap((f) => fieldTexts(src, f.field));
}

/** Fields in the order the list looks for a snippet: by tier, then table order; the title is shown whole. */
export const SNIPPET_FIELDS: readonly SearchField[] = [4, 2, 1].flatMap((tier) =>
  SEARCH_FIELDS.filter((f) => f.tier === tier && f.field !== "title").map((f) => f.field));

export function searchSourceOf(r: TrialRecord): SearchSource {
  return {
    title: r.title, officialTitle: r.officialTitle, acronym: r.acronym, identifiers: [r.id, r.nctId, ...r.otherIds],
    conditions: r.conditions, interventions: r.interventions, keywords: r.keywords, armLabels: r.arms.map((a) => a.label),
    sponsor: r.sponsor, cellSource: r.cellSource, armDescriptions: r.arms.map((a) => a.description),
    criteria: [...r.eligibility.inclusion, ...r.eligibility.exclusion],
    sites: [...r.contacts.map((c) => c.affiliation), ...r.locations.map((l) => l.facility)],
    summary: [r.briefSummary, r.description],
  };
}

/** The text of each full-text column for one trial. */
export function searchDocument(r: TrialRecord): Record<FtsColumn, string> {
  const src = searchSourceOf(r);
  const doc = Object.fromEntries(FTS_COLUMNS.map((c) => [c, [] as string[]])) as Record<FtsColumn, string[]>;
  for (const f of SEARCH_FIELDS) doc[f.column].push(...fieldTexts(src, f.field));
  return Object.fromEntries(FTS_COLUMNS.map((c) => [c, doc[c].join("\n")])) as Record<FtsColumn, string>;
}
