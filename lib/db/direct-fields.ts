import { z } from "zod";
import { trialFieldsSchema, type TrialRecord } from "../record/schema";

/**
 * The record's fields that the Trial table stores in a column of the same name: every
 * top-level field except those kept in child tables or spread over columns of other
 * names (below). A new scalar or list-of-text field of the record needs only its schema
 * line, the parser line that reads it and its column: the writer and the reader find it
 * here. Scalars are stored as they are (booleans as 0/1), lists of text as JSON.
 */
const ELSEWHERE = new Set<string>([
  "otherIds", "phases", "conditions", "stages", "outcomes", "contacts", "locations", // child tables
  "design", "enrollment", "dates", "eligibility", // columns named after their parts
  "references", "results", // lib/db/sites.ts: the Reference table, the results columns
]);

export const DIRECT_FIELDS = (Object.keys(trialFieldsSchema.shape) as (keyof typeof trialFieldsSchema.shape)[])
  .filter((k) => !ELSEWHERE.has(k));
type DirectField = (typeof DIRECT_FIELDS)[number];

const isList = (k: DirectField) => trialFieldsSchema.shape[k] instanceof z.ZodArray;

/** The column values of a record's direct fields. */
export function encodeDirectFields(r: TrialRecord): Record<DirectField, unknown> {
  return Object.fromEntries(DIRECT_FIELDS.map((k) => {
    const v = r[k];
    return [k, Array.isArray(v) ? JSON.stringify(v) : typeof v === "boolean" ? Number(v) : v];
  })) as Record<DirectField, unknown>;
}

/** A stored row's direct fields, as the record has them. */
export function decodeDirectFields(row: Record<string, unknown>): Pick<TrialRecord, DirectField> {
  return Object.fromEntries(DIRECT_FIELDS.map((k) => {
    const v = row[k];
    return [k, isList(k) ? JSON.parse(v as string) : v];
  })) as Pick<TrialRecord, DirectField>;
}
