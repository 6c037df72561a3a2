import { describe, expect, it } from "vitest";
import { findAmounts } from "@/lib/ingest/prose/amounts";
import { attachText } from "@/lib/ingest/prose/attach";
import type { ArmChoice } from "@/lib/ingest/prose/choose";
import { armDoses, buildDose, mscDose, placeboDose } from "@/lib/ingest/prose/dose";
import { combineSchedules, findSchedules } from "@/lib/ingest/prose/schedules";
import { amountUnstated } from "@/lib/ingest/prose/unstated";

const amount = (t: string) => ({ m: findAmounts(t)[0]!, source: t, named: false, at: attachText(t) });
const schedule = (t: string) => combineSchedules(findSchedules(t));

describe("the dose assembly", () => {
  it("builds a per-kg and a flat dose from an amount mention", () => {
    expect(buildDose("MSC", findAmounts("1×10^6 cells/kg")[0]!, 2, [0, 7], "w")).toEqual({ product: "MSC", cellsPerKg: 1e6, cellsPerInfusion: null, infusions: 2, dayOffsets: [0, 7], text: "w" });
    expect(buildDose("MSC", findAmounts("1×10^8 cells")[0]!, null, null, "w")).toMatchObject({ cellsPerKg: null, cellsPerInfusion: 1e8 });
  });

  it("joins the amount's and the schedule's words; the product's words when neither is stated", () => {
    expect(mscDose(amount("4×10^5 cells/kg"), schedule("on days 1 and 8"), "on days 1 and 8", "MSC")).toEqual({
      product: "MSC", cellsPerKg: 4e5, cellsPerInfusion: null, infusions: 2, dayOffsets: [0, 7], text: "4×10^5 cells/kg … on days 1 and 8",
    });
    expect(mscDose(null, null, null, "hUC-MSCs").text).toBe("hUC-MSCs");
    expect(placeboDose("saline", schedule("once"), "once")).toEqual({ product: "PLACEBO", cellsPerKg: null, cellsPerInfusion: null, infusions: 1, dayOffsets: [0], text: "saline … once" });
  });

  it("gives an arm one dose per amount, each with its own schedule when it has one", () => {
    const base: ArmChoice = {
      msc: true, placebo: false, amounts: [amount("1×10^6 cells/kg"), amount("2×10^6 cells/kg")], schedule: schedule("once"), scheduleWords: "once",
      perAmount: null, mscWords: ["MSC"], placeboWords: [], evidence: [], type: "EXPERIMENTAL", description: null, unstatedAmount: null,
    };
    expect(armDoses(base, "A").map((d) => [d.cellsPerKg, d.infusions, d.text])).toEqual([[1e6, 1, "1×10^6 cells/kg … once"], [2e6, 1, "2×10^6 cells/kg … once"]]);
    const each = { ...base, perAmount: [{ schedule: schedule("once")!, words: "once" }, { schedule: schedule("on days 1 and 8")!, words: "on days 1 and 8" }] };
    expect(armDoses(each, "A").map((d) => d.infusions)).toEqual([1, 2]);
    expect(armDoses({ ...base, msc: false, placebo: false }, "A")).toEqual([]);
  });

  it("keeps a range's ends and says why no one amount is given, never one of its ends", () => {
    const why = amountUnstated(findAmounts("2,5-5,0 10E6 cells/kg"));
    const dose = mscDose(null, schedule("once a week for 4 weeks"), "once a week for 4 weeks", "MSC", why);
    expect(dose).toMatchObject({ cellsPerKg: null, cellsPerInfusion: null, range: { min: 2.5e6, max: 5e6, unit: "cells/kg" }, infusions: 4, dayOffsets: [0, 7, 14, 21] });
    expect(dose.unstated?.amount).toMatch(/^stated as a range: 2\.5–5 × 10\^6 cells\/kg/);
    expect(dose.text).toBe("2,5-5,0 10E6 cells/kg … once a week for 4 weeks");
  });

  it("keeps a changing schedule's phases and its stated total, with no days", () => {
    const s = schedule("weekly for the first month, then monthly for five months (9 doses in all)");
    const dose = mscDose(amount("1×10^6 cells/kg"), s, "w", "MSC");
    expect(dose).toMatchObject({ cellsPerKg: 1e6, infusions: 9, dayOffsets: null });
    expect(dose.schedulePhases?.length).toBe(2);
    expect(dose.unstated?.dayOffsets).toMatch(/schedule changes frequency/);
  });
});

