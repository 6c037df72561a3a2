import { describe, expect, it } from "vitest";
import { armKeys, armTable, matchArms } from "@/lib/ingest/prose/arm-table";

describe("the arm table", () => {
  it("gives each arm the keys a text can name it by", () => {
    expect([...armKeys({ label: "Group A: low dose MSC", type: "EXPERIMENTAL", description: null }, 2)]).toEqual(["level:low", "id:a", "msc"]);
    expect([...armKeys({ label: "Placebo", type: "PLACEBO_COMPARATOR", description: null }, 1)]).toEqual(["placebo", "control"]);
    // The only experimental arm is "the experimental group" and "the MSC group" of the prose.
    expect([...armKeys({ label: "Treatment", type: "EXPERIMENTAL", description: null }, 1)]).toEqual(["experimental", "msc"]);
  });

  it("marks comparators and matches group keys to arms", () => {
    const table = armTable([
      { label: "MSC", type: "EXPERIMENTAL", description: null },
      { label: "Placebo", type: "PLACEBO_COMPARATOR", description: "saline" },
      { label: "Standard care", type: "NO_INTERVENTION", description: null },
    ], false);
    expect(table.controlLike).toEqual([false, true, true]);
    expect(table.hardControl).toEqual([false, true, true]);
    expect(table.placeboLike).toEqual([false, true, false]);
    expect(matchArms(table, ["control"])).toEqual([1, 2]);
    expect(matchArms(table, ["msc"])).toEqual([0]);
    expect(matchArms(table, ["placebo"])).toEqual([1]);
  });
});
