import { describe, expect, it } from "vitest";
import { emptyFacts, emptyLevels, LEVELS, mergeFacts } from "@/lib/ingest/prose/levels";

describe("an arm's levels", () => {
  it("are named, most specific first", () => {
    expect(LEVELS).toEqual(["own", "linked", "trial"]);
    expect(Object.keys(emptyLevels())).toEqual(["own", "linked", "trial"]);
  });

  it("merge two texts' facts in order, each source once, flags or'ed", () => {
    const a = { ...emptyFacts(), sources: ["x"], msc: true, mscWords: ["MSC"] };
    const b = { ...emptyFacts(), sources: ["x", "y"], placebo: true, placeboWords: ["saline"], mscWords: ["hUC-MSC"] };
    expect(mergeFacts(a, b)).toEqual({ ...emptyFacts(), sources: ["x", "y"], msc: true, placebo: true, mscWords: ["MSC", "hUC-MSC"], placeboWords: ["saline"] });
    expect(a.sources).toEqual(["x"]);
  });
});
