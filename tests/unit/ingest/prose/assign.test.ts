import { describe, expect, it } from "vitest";
import { attachText } from "@/lib/ingest/prose/attach";
import { armTable } from "@/lib/ingest/prose/arm-table";
import { assignText } from "@/lib/ingest/prose/assign";

const ARMS = [
  { label: "Low dose", type: "EXPERIMENTAL" as const, description: null },
  { label: "High dose", type: "EXPERIMENTAL" as const, description: null },
  { label: "Placebo", type: "PLACEBO_COMPARATOR" as const, description: null },
];
const table = armTable(ARMS, false);
const labels = ARMS.map((a) => a.label);

describe("assignment of a text's mentions to arms", () => {
  it("gives each named group its amount, and the placebo to the placebo arm, as plain data", () => {
    const at = attachText("The low dose group receives 1×10^6 cells/kg and the high dose group 2×10^6 cells/kg; the placebo group receives saline.", labels);
    const got = assignText(table, at, "trial", [0, 1, 2], false);
    expect([...got.facts.keys()].sort()).toEqual([0, 1, 2]);
    expect(got.facts.get(0)!.amounts.map((a) => [a.m.value, a.named])).toEqual([[1e6, true]]);
    expect(got.facts.get(1)!.amounts.map((a) => [a.m.value, a.named])).toEqual([[2e6, true]]);
    expect(got.facts.get(2)!.amounts).toEqual([]);
    expect(got.facts.get(2)!.placebo).toBe(true);
    expect(got.facts.get(2)!.placeboWords).toEqual(["saline"]);
    expect(got.malformed).toEqual([]);
  });

  it("gives what an arm's own text names for no group to that arm", () => {
    const at = attachText("MSCs 5×10^5 cells/kg on days 1 and 8", labels);
    const got = assignText(table, at, "own", [1], true);
    expect([...got.facts.keys()]).toEqual([1]);
    const f = got.facts.get(1)!;
    expect(f.amounts.map((a) => [a.m.value, a.named, a.source])).toEqual([[5e5, false, "MSCs 5×10^5 cells/kg on days 1 and 8"]]);
    expect(f.schedules).toHaveLength(1);
    expect(f.msc).toBe(true);
  });

  it("names the arm a number that cannot be read falls to, at its level", () => {
    const at = attachText("MSCs 4*10^ cells/kg once", labels);
    expect(assignText(table, at, "linked", [0], true).malformed)
      .toEqual([{ arm: 0, label: "Low dose", level: "intervention", text: "4*10^", problem: "the power of ten has no exponent" }]);
    expect(assignText(table, at, "trial", [0, 1, 2], false).malformed.map((m) => m.arm)).toEqual([null]);
  });
});
