import { describe, expect, it } from "vitest";
import { readDesignFromProse } from "@/lib/ingest/enrich/design";
import { emptySourceTrial } from "@/lib/ingest/source-record";

const PROSE = "A total of 150 patients will be randomized in this double-blind, placebo-controlled trial.";

describe("readDesignFromProse (enricher)", () => {
  it("fills a prose record's empty design fields and enrollment, marked derived", () => {
    const src = { ...emptySourceTrial("trial-summary", "s.txt"), armsFrom: "prose" as const, description: PROSE };
    const out = readDesignFromProse(src);
    expect(out.design).toEqual({ allocation: "RANDOMIZED", interventionModel: null, masking: "DOUBLE" });
    expect(out.enrollment).toEqual({ count: 150, type: null });
    expect(out.evidence.enrollment).toEqual({ origin: "derived", text: "A total of 150 patients" });
    expect(out.evidence["design.allocation"]?.origin).toBe("derived");
    // Pure: the source record is not changed.
    expect(src.design.allocation).toBeNull();
    expect(src.evidence).toEqual({});
  });

  it("keeps what the page states, and reads nothing from a record with fields", () => {
    const stated = { ...emptySourceTrial("trial-summary", "s.txt"), armsFrom: "prose" as const, description: PROSE, enrollment: { count: 80, type: "ACTUAL" as const } };
    expect(readDesignFromProse(stated).enrollment).toEqual({ count: 80, type: "ACTUAL" });
    const listed = { ...emptySourceTrial("veeva", "v.txt"), description: PROSE };
    expect(readDesignFromProse(listed)).toBe(listed);
  });
});
