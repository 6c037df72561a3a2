import { z } from "zod";
import { DEFAULT_REFERENCE_WEIGHT_KG } from "../record/summary";
import type { ParamProblem } from "./params";

/**
 * The reference weight (`?weightKg=`), which divides a flat dose into a per-kg estimate: the
 * comparison, the landscape and their APIs read it here.
 */
export const MIN_WEIGHT_KG = 30;
export const MAX_WEIGHT_KG = 150;
/** The convention of published MSC-liver reviews' dose tables. */
export const REVIEW_WEIGHT_KG = 50;

const weightSchema = z.coerce.number().finite().min(MIN_WEIGHT_KG).max(MAX_WEIGHT_KG);

/**
 * A weight in kg from the query, or a problem naming `weightKg` (and the default weight).
 * Absent means the default. A page (`"page"`) also takes an empty value as the default and
 * words the problem for a person; an API (`"api"`) refuses an empty value, in its words.
 */
export function parseWeight(raw: string | undefined, reader: "page" | "api" = "page"): { weightKg: number; problem: ParamProblem<"weightKg"> | null } {
  const fallback = { weightKg: DEFAULT_REFERENCE_WEIGHT_KG, problem: null };
  if (raw === undefined || (reader === "page" && raw.trim() === "")) return fallback;
  const r = weightSchema.safeParse(raw.trim() === "" ? "x" : raw.trim());
  if (r.success) return { weightKg: r.data, problem: null };
  return {
    weightKg: DEFAULT_REFERENCE_WEIGHT_KG,
    problem: {
      parameter: "weightKg",
      message: reader === "api"
        ? `weightKg must be a number from ${MIN_WEIGHT_KG} to ${MAX_WEIGHT_KG}, got “${raw}”`
        : `The reference weight must be a number of kilograms from ${MIN_WEIGHT_KG} to ${MAX_WEIGHT_KG}; “${raw}” is not. Using ${DEFAULT_REFERENCE_WEIGHT_KG} kg.`,
    },
  };
}
