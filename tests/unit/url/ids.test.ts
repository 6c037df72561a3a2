import { describe, expect, it } from "vitest";
import { TRIAL_ID } from "@/lib/record/id";
import { trialRecordSchema } from "@/lib/record/schema";
import { isListedId, MAX_TRIALS, MIN_TRIALS, splitIds } from "@/lib/url/ids";

describe("lib/url/ids: the id list of a URL", () => {
  it("splits comma lists and repeated ids, drops duplicates case-insensitively, keeps order", () => {
    expect(splitIds("NCT04822922,NCT05948982")).toEqual({ ids: ["NCT04822922", "NCT05948982"], duplicates: [], malformed: [] });
    expect(splitIds(["NCT05948982", "NCT04822922", "nct05948982"]).ids).toEqual(["NCT05948982", "NCT04822922"]);
    expect(splitIds("A, B,,a").duplicates).toEqual(["a"]);
    expect(splitIds("NCT1,<script>,x/y").malformed).toEqual(["<script>", "x/y"]);
    expect(splitIds(undefined).ids).toEqual([]);
  });

  it("takes the record's id pattern, at most 64 characters, with an optional version", () => {
    for (const id of ["NCT04822922", "ChiCTR2000029990", "CTRI-2009-091-000527", "NCT04822922@3", "A".repeat(64)]) expect(isListedId(id)).toBe(true);
    for (const id of ["-NCT1", "NCT_1", "NCT04822922@0", "NCT04822922@", "A@1@2", "A".repeat(65), "CTRI/2009/091/000527"]) expect(isListedId(id)).toBe(false);
    // One pattern: the record's schema refuses what the URL refuses (its version suffix aside).
    expect(TRIAL_ID.test("CTRI-2009-091-000527")).toBe(true);
    expect(trialRecordSchema.shape.id.safeParse("CTRI/2009/091/000527").success).toBe(false);
    expect([MIN_TRIALS, MAX_TRIALS]).toEqual([2, 6]);
  });
});
