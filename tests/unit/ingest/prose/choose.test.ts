import { describe, expect, it } from "vitest";
import { attachText } from "@/lib/ingest/prose/attach";
import { armTable } from "@/lib/ingest/prose/arm-table";
import { assignText } from "@/lib/ingest/prose/assign";
import { chooseForArm } from "@/lib/ingest/prose/choose";
import { emptyLevels, type ArmLevels, type Level } from "@/lib/ingest/prose/levels";

const ARM = { label: "MSC", type: "EXPERIMENTAL" as const, description: null };
const table = armTable([ARM], false);

/** One arm's levels from the texts given for each. */
function levels(texts: Partial<Record<Level, string>>): ArmLevels {
  const out = emptyLevels();
  for (const [level, text] of Object.entries(texts) as [Level, string][]) {
    out[level] = assignText(table, attachText(text, ["MSC"]), level, [0], level !== "trial").facts.get(0)!;
  }
  return out;
}
const ctx = { derived: false, control: false, unreadable: null, others: [] };

describe("the choice between an arm's own text, its interventions and the trial text", () => {
  it("keeps the arm's own amount and schedule over its intervention's, with a warning naming both", () => {
    const warnings: string[] = [];
    const c = chooseForArm(ARM, levels({ own: "MSCs 1×10^6 cells/kg on days 1 and 8", linked: "MSCs 2×10^6 cells/kg once" }), ctx, warnings);
    expect(c.msc).toBe(true);
    expect(c.amounts.map((a) => a.m.value)).toEqual([1e6]);
    expect(c.schedule).toMatchObject({ infusions: 2, dayOffsets: [0, 7] });
    expect(c.scheduleWords).toBe("on days 1 and 8");
    expect(warnings).toEqual([
      'arm "MSC": its description states "1×10^6 cells/kg" but a linked intervention states "2×10^6 cells/kg"; the arm\'s own is kept',
      'arm "MSC": its description gives the schedule "on days 1 and 8" but a linked intervention gives "once"; the arm\'s own is kept',
    ]);
  });

  it("takes the intervention's amount and the trial's schedule when the arm's own words state neither", () => {
    const c = chooseForArm(ARM, levels({ own: "MSC infusion", linked: "MSCs 3×10^5 cells/kg", trial: "Infusions are given weekly for 4 weeks." }), ctx, []);
    expect(c.amounts.map((a) => a.m.value)).toEqual([3e5]);
    expect(c.schedule?.infusions).toBe(4);
  });

  it("gives no amount, not the intervention's, when the arm's own words hold a number that cannot be read", () => {
    const c = chooseForArm(ARM, levels({ own: "MSCs 4*10^ cells/kg", linked: "MSCs 5×10^5 cells/kg" }), { ...ctx, unreadable: "arm" }, []);
    expect(c.msc).toBe(true);
    expect(c.amounts).toEqual([]);
  });
});
