import { describe, expect, it } from "vitest";
import { parseSearchParams, toQueryString } from "@/lib/search/params";

describe("parseSearchParams", () => {
  it("reads lists repeated or comma-joined, upper-casing enum values", () => {
    const r = parseSearchParams(new URLSearchParams("q=hbv&phase=phase2,PHASE3&phase=PHASE2&status=RECRUITING"));
    expect(r.ok).toBe(true);
    expect(r.query.q).toBe("hbv");
    expect(r.query.phase).toEqual(["PHASE2", "PHASE3"]);
    expect(r.query.status).toEqual(["RECRUITING"]);
  });

  it("reads numbers, sort and page with defaults", () => {
    const r = parseSearchParams({ doseMin: "1e6", doseMax: "4000000", age: "72", infusions: ["3", "4"], sort: "dose", page: "2" });
    expect(r.query).toMatchObject({ doseMin: 1e6, doseMax: 4e6, age: 72, infusions: [3, 4], sort: "dose", page: 2, pageSize: 20 });
    expect(parseSearchParams({}).query).toMatchObject({ q: "", phase: [], sort: "relevance", page: 1 });
  });

  it("keeps a condition with a comma whole", () => {
    expect(parseSearchParams({ condition: "Liver Failure, Acute" }).query.condition).toEqual(["Liver Failure, Acute"]);
  });

  it.each([
    ["phase=PHASE9", "phase"],
    ["age=abc", "age"],
    ["age=200", "age"],
    ["doseMin=-1", "doseMin"],
    ["sort=worst", "sort"],
    ["page=0", "page"],
    ["pageSize=101", "pageSize"],
    ["infusions=2.5", "infusions"],
  ])("names the bad parameter in %s and keeps the rest", (qs, parameter) => {
    const r = parseSearchParams(new URLSearchParams(`${qs}&q=liver`));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.parameter).toBe(parameter);
    expect(r.message).toMatch(new RegExp(`^${parameter}: `));
    expect(r.query.q).toBe("liver");
  });

  it("accepts 5,000 characters of query and refuses more", () => {
    expect(parseSearchParams({ q: "a".repeat(5000) }).ok).toBe(true);
    const r = parseSearchParams({ q: "a".repeat(5001) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.parameter).toBe("q");
  });

  it("round-trips through toQueryString, leaving defaults out", () => {
    const q = parseSearchParams(new URLSearchParams("q=hepatitis B&phase=PHASE3&age=40&sort=start")).query;
    const qs = toQueryString(q);
    expect(qs).toBe("q=hepatitis+B&phase=PHASE3&age=40&sort=start");
    expect(parseSearchParams(new URLSearchParams(qs)).query).toEqual(q);
    expect(toQueryString(q, { page: 3 })).toContain("page=3");
  });
});

describe("parseSearchParams with prototype-named parameters", () => {
  it.each(["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf", "propertyIsEnumerable"])(
    "ignores ?%s=1 like any unknown parameter",
    (name) => {
      const viaUrl = parseSearchParams(new URLSearchParams(`${name}=1&q=hbv`));
      expect(viaUrl).toMatchObject({ ok: true, query: { q: "hbv", page: 1 } });
      const viaObject = parseSearchParams(JSON.parse(`{"${name}": "1", "q": "hbv"}`));
      expect(viaObject).toMatchObject({ ok: true, query: { q: "hbv", page: 1 } });
    },
  );
});
