import { describe, expect, it } from "vitest";
import { freshnessOf, latestInstant, verifiedBucket } from "@/lib/history/freshness";

/** How fresh a record is: from the registry's own dates only, a month read as its last day. */
describe("freshness", () => {
  const now = Date.UTC(2026, 11, 7, 12); // 2026-12-07T12:00Z

  it("reads a month as its last instant and a day as its end", () => {
    expect(new Date(latestInstant("2024-12")).toISOString()).toBe("2024-12-31T23:59:59.999Z");
    expect(new Date(latestInstant("2024-02-29")).toISOString()).toBe("2024-02-29T23:59:59.999Z");
  });

  it("buckets the status verification: within 1 year, within 2 years, older; null when not stated", () => {
    expect(verifiedBucket("2026-01", now)).toBe("1y");
    expect(verifiedBucket("2025-06-30", now)).toBe("2y");
    // December 2024 may mean the 31st: not surely more than 2 years ago.
    expect(verifiedBucket("2024-12", now)).toBe("2y");
    expect(verifiedBucket("2024-11", now)).toBe("older");
    expect(verifiedBucket(null, now)).toBeNull();
  });

  it("flags a status not verified for more than 2 years, never one whose date is not stated", () => {
    expect(freshnessOf({ lastUpdatePosted: "2019-05-10", statusVerified: "2019-05" }, now)).toEqual({
      lastUpdatePosted: "2019-05-10", statusVerified: "2019-05", staleStatus: true,
    });
    expect(freshnessOf({ lastUpdatePosted: null, statusVerified: null }, now).staleStatus).toBe(false);
    expect(freshnessOf({ lastUpdatePosted: null, statusVerified: "2026-03" }, now).staleStatus).toBe(false);
  });
});
