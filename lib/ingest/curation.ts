import { z } from "zod";
import { ImportError } from "./errors";
import type { ParsedTrial } from "./parsed-record";
import { parsedTrialSchema } from "./parsed-record";

/**
 * Facts a record does not contain, keyed by source file name (seeds/curation.json). They
 * fill only what the source leaves empty and are marked "curated"; a curated value that
 * disagrees with the source is reported and the source kept.
 */
const p = parsedTrialSchema.shape;
export const curationEntrySchema = z
  .object({
    note: z.string().optional(),
    nctId: p.nctId.unwrap().optional(),
    title: z.string().optional(),
    officialTitle: z.string().optional(),
    acronym: z.string().optional(),
    sponsor: z.string().optional(),
    overallStatus: p.overallStatus.unwrap().optional(),
    phases: p.phases.optional(),
    conditions: p.conditions.optional(),
    studyType: p.studyType.unwrap().optional(),
    design: p.design.partial().optional(),
    enrollment: p.enrollment.unwrap().optional(),
    dates: p.dates.partial().optional(),
    eligibility: p.eligibility.pick({ minAgeYears: true, maxAgeYears: true, sex: true, healthyVolunteers: true }).partial().optional(),
  })
  .strict();
export const curationSchema = z.record(z.string().regex(/^[^/\\]+$/, "a file name, without folders"), curationEntrySchema);
export type Curation = z.infer<typeof curationSchema>;
export type CurationEntry = z.infer<typeof curationEntrySchema>;

export function parseCuration(json: string, file: string): Curation {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ImportError(`not valid JSON: ${(e as Error).message}`, { file }, { cause: e });
  }
  const result = curationSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ImportError(issue.message, { file, field: issue.path.join(".") });
  }
  return result.data;
}

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** A copy of `rec` with the entry's facts filled in. */
export function applyCuration(rec: ParsedTrial, entry: CurationEntry | undefined): ParsedTrial {
  if (!entry) return rec;
  const out: ParsedTrial = structuredClone(rec);
  const text = entry.note ?? "curation file";
  const fill = (path: string, get: () => unknown, set: (v: never) => void, value: unknown) => {
    if (value === undefined) return;
    const current = get();
    if (isEmpty(current)) {
      set(value as never);
      out.evidence[path] = { origin: "curated", text };
    } else if (JSON.stringify(current) !== JSON.stringify(value)) {
      out.warnings.push(`curation gives ${path} = ${JSON.stringify(value)} but the source says ${JSON.stringify(current)}; the source is kept`);
    }
  };
  for (const key of ["nctId", "title", "officialTitle", "acronym", "sponsor", "overallStatus", "phases", "conditions", "studyType", "enrollment"] as const) {
    fill(key, () => out[key], (v) => ((out as Record<string, unknown>)[key] = v), entry[key]);
  }
  for (const group of ["design", "dates", "eligibility"] as const) {
    const values = (entry[group] ?? {}) as Record<string, unknown>;
    const target = out[group] as Record<string, unknown>;
    for (const [k, v] of Object.entries(values)) fill(`${group}.${k}`, () => target[k], (x) => (target[k] = x), v);
  }
  return out;
}
