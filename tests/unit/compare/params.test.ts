import { describe, expect, it } from "vitest";
import { compareHref, parseApiParams, parseCompareParams } from "@/lib/compare/params";

describe("compare URL parameters", () => {
  it("refuses more than 6 trials", () => {
    const p = parseCompareParams({ ids: "A,B,C,D,E,F,G" });
    expect(p.tooMany).toBe(true);
    expect(p.state.ids).toEqual([]);
    expect(p.problems[0]!.message).toMatch(/At most 6 trials/);
    expect(parseCompareParams({ ids: "A,B,C,D,E,F,a" }).tooMany).toBe(false);
  });

  it("reads scale and tab, falling back with a message", () => {
    const p = parseCompareParams({ ids: "A,B", weightKg: "50", scale: "log", tab: "schedule" });
    expect(p.state).toEqual({ ids: ["A", "B"], weightKg: 50, scale: "log", tab: "schedule" });
    const q = parseCompareParams({ ids: "A,B", scale: "cubic", tab: "pie" });
    expect(q.state.scale).toBe("linear");
    expect(q.state.tab).toBe("all");
    expect(q.problems.map((x) => x.parameter)).toEqual(["scale", "tab"]);
  });

  it("writes the canonical address: commas, weight always, defaults left out", () => {
    expect(compareHref({ ids: ["NCT04822922", "NCT05948982"], weightKg: 60, scale: "linear", tab: "all" }))
      .toBe("/compare?ids=NCT04822922,NCT05948982&weightKg=60");
    expect(compareHref({ ids: ["A", "B"], weightKg: 50, scale: "log", tab: "dose" })).toBe("/compare?ids=A,B&weightKg=50&scale=log&tab=dose");
  });

  it("API parameters: 400-style errors name the parameter", () => {
    expect(parseApiParams({ ids: "A,B", weightKg: "75" })).toEqual({ ok: true, ids: ["A", "B"], weightKg: 75, format: "json" });
    expect(parseApiParams({ ids: "A,B", format: "csv" })).toMatchObject({ ok: true, format: "csv", weightKg: 60 });
    expect(parseApiParams({})).toMatchObject({ ok: false, parameter: "ids" });
    expect(parseApiParams({ ids: "A,B,C,D,E,F,G" })).toMatchObject({ ok: false, parameter: "ids" });
    expect(parseApiParams({ ids: "A;drop" })).toMatchObject({ ok: false, parameter: "ids" });
    expect(parseApiParams({ ids: "A,B", weightKg: "10" })).toMatchObject({ ok: false, parameter: "weightKg" });
    expect(parseApiParams({ ids: "A,B", weightKg: "" })).toMatchObject({ ok: false, parameter: "weightKg" });
    expect(parseApiParams({ ids: "A,B", format: "xml" })).toMatchObject({ ok: false, parameter: "format" });
  });

  it("refuses fewer than two distinct ids, naming ids", () => {
    for (const ids of ["A", "A,A,A", "A,a", "NCT04822922,nct04822922"]) {
      expect(parseApiParams({ ids })).toMatchObject({ ok: false, parameter: "ids" });
    }
  });

  it("reads only the query's own keys: prototype names are plain unknown parameters", () => {
    for (const name of ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "ids"]) {
      const sp = JSON.parse(`{"${name}": "1"}`) as Record<string, string>;
      expect(() => parseCompareParams(sp)).not.toThrow();
      expect(() => parseApiParams(sp)).not.toThrow();
    }
    // An object whose prototype carries `ids` (as `{}.__proto__ = …` would make) sees none.
    const inherited = Object.create({ ids: "NCT04822922,NCT05948982", weightKg: "70" }) as Record<string, string>;
    expect(parseCompareParams(inherited).state).toMatchObject({ ids: [], weightKg: 60 });
    expect(parseApiParams(inherited)).toMatchObject({ ok: false, parameter: "ids" });
    expect(parseCompareParams({ ids: "A,B", constructor: "1", toString: "x" } as never).state.ids).toEqual(["A", "B"]);
  });
});
