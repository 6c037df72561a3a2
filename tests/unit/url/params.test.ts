import { describe, expect, it } from "vitest";
import { first, fromSearchParams, own, toQuery, toSearchParams } from "@/lib/url/params";

describe("lib/url/params: query ↔ object", () => {
  it("round-trips a query with repeated ids, in order, commas readable", () => {
    const q = new URLSearchParams("ids=NCT04822922&ids=NCT05948982&weightKg=72.5&ids=nct04822922&scale=log");
    const sp = fromSearchParams(q);
    expect({ ...sp }).toEqual({ ids: ["NCT04822922", "NCT05948982", "nct04822922"], weightKg: "72.5", scale: "log" });
    expect(toQuery(sp)).toBe("ids=NCT04822922&ids=NCT05948982&ids=nct04822922&weightKg=72.5&scale=log");
    // The pairs of a query read the same as the URLSearchParams.
    expect({ ...fromSearchParams([...q]) }).toEqual({ ...sp });
    // A comma list stays one value, written with its commas.
    const list = fromSearchParams(new URLSearchParams("ids=NCT04822922%2CNCT05948982&tab=dose"));
    expect(list.ids).toBe("NCT04822922,NCT05948982");
    expect(toQuery(list)).toBe("ids=NCT04822922,NCT05948982&tab=dose");
    expect(toSearchParams(list, ["ids"]).toString()).toBe("tab=dose");
  });

  it("keeps __proto__ and constructor as plain unused keys", () => {
    const sp = fromSearchParams(new URLSearchParams("__proto__=x&constructor=1&weightKg=50"));
    expect(Object.getPrototypeOf(sp)).toBeNull();
    expect(sp.__proto__).toBe("x");
    expect(own(sp, "weightKg")).toBe("50");
    expect(own({ weightKg: "50" }, "toString")).toBeUndefined();
    expect(own({ weightKg: "50" }, "constructor")).toBeUndefined();
    expect(first(["60", "70"])).toBe("60");
    expect(first(undefined)).toBeUndefined();
  });
});
