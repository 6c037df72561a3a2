import { describe, expect, it } from "vitest";
import { cachedPerVersion } from "@/lib/search/result-cache";

describe("cachedPerVersion (the list's answers between two imports)", () => {
  it("computes a key once per data version and again when the version moves", () => {
    const owner = {};
    let loads = 0;
    const load = () => ({ n: ++loads });
    const a = cachedPerVersion(owner, 7, "list q=hbv", load);
    expect(cachedPerVersion(owner, 7, "list q=hbv", load)).toBe(a);
    expect(loads).toBe(1);
    expect(cachedPerVersion(owner, 7, "list q=acute", load)).toEqual({ n: 2 });
    const b = cachedPerVersion(owner, 8, "list q=hbv", load);
    expect(b).toEqual({ n: 3 });
    expect(cachedPerVersion({}, 8, "list q=hbv", load)).toEqual({ n: 4 }); // another connection, its own answers
  });

  it("keeps the last 64 keys used, the least recently used dropped first", () => {
    const owner = {};
    let loads = 0;
    const load = () => ++loads;
    for (let i = 0; i < 64; i++) cachedPerVersion(owner, 1, `k${i}`, load);
    cachedPerVersion(owner, 1, "k0", load); // used again: kept
    cachedPerVersion(owner, 1, "k64", load); // drops k1
    expect(loads).toBe(65);
    cachedPerVersion(owner, 1, "k0", load);
    expect(loads).toBe(65);
    cachedPerVersion(owner, 1, "k1", load);
    expect(loads).toBe(66);
  });

  it("keeps nothing when the load throws", () => {
    const owner = {};
    expect(() => cachedPerVersion(owner, 1, "k", () => { throw new Error("locked"); })).toThrow("locked");
    expect(cachedPerVersion(owner, 1, "k", () => 5)).toBe(5);
  });
});
