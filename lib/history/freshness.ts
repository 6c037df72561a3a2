import type { TrialRecord } from "../record/schema";

/**
 * How old a trial's facts are, from the registry's own dates only: never a guessed date.
 * A date of month precision ("2019-05") is read as its month's last day, the latest it can
 * mean, so that a record is called stale only when it surely is.
 */
export const VERIFIED_BUCKETS = ["1y", "2y", "older"] as const;
export type VerifiedBucket = (typeof VERIFIED_BUCKETS)[number];
export const VERIFIED_LABELS: Record<VerifiedBucket, string> = { "1y": "1 year", "2y": "2 years", older: "older" };

const DAY = 86_400_000;
/** A year in ms (365.25 days). */
export const YEAR = 365.25 * DAY;

/** The latest instant an ISO date (YYYY-MM or YYYY-MM-DD) can mean: the end of its day or month (UTC). */
export function latestInstant(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number | undefined];
  return d === undefined ? Date.UTC(y, m, 1) - 1 : Date.UTC(y, m - 1, d + 1) - 1;
}

/**
 * The bucket of a status verification date: within 1 year, within 2 years (more than 1),
 * or older; null when the source states none.
 */
export function verifiedBucket(statusVerified: string | null | undefined, now: number): VerifiedBucket | null {
  if (!statusVerified) return null;
  const age = now - latestInstant(statusVerified);
  return age <= YEAR ? "1y" : age <= 2 * YEAR ? "2y" : "older";
}

export interface Freshness {
  lastUpdatePosted: string | null;
  statusVerified: string | null;
  /** The status was last verified more than 2 years ago (false when the source states no date). */
  staleStatus: boolean;
}

export function freshnessOf(r: Pick<TrialRecord, "lastUpdatePosted" | "statusVerified">, now: number): Freshness {
  return {
    lastUpdatePosted: r.lastUpdatePosted ?? null,
    statusVerified: r.statusVerified ?? null,
    staleStatus: verifiedBucket(r.statusVerified, now) === "older",
  };
}
