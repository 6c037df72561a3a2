import { describe, expect, it } from "vitest";
import { findAmounts } from "@/lib/ingest/prose/amounts";
import { attachText } from "@/lib/ingest/prose/attach";
import { armTable } from "@/lib/ingest/prose/arm-table";
import { assignText } from "@/lib/ingest/prose/assign";
import { emptyLevels } from "@/lib/ingest/prose/levels";
import { combineSchedules } from "@/lib/ingest/prose/schedules";
import { amountKey, scheduleOfAmount, sourceWords } from "@/lib/ingest/prose/words";

describe("the words of a dose", () => {
  const ARM = { label: "MSC", type: "EXPERIMENTAL" as const, description: null };
  const TEXT = "MSCs 1×10^6 cells/kg intravenously on days 1 and 8. Then 5×10^5 cells/kg into the hepatic artery once.";
  const levels = emptyLevels();
  levels.own = assignText(armTable([ARM], false), attachText(TEXT), "own", [0], true).facts.get(0)!;

  it("keys amounts by value and per-kg", () => {
    expect(amountKey(findAmounts("1×10^6 cells/kg")[0]!)).toBe("kg:1000000");
    expect(amountKey(findAmounts("1×10^6 cells")[0]!)).toBe("flat:1000000");
  });

  it("finds the schedule stated with each amount in its smallest scope", () => {
    const [a, b] = findAmounts(TEXT);
    expect(scheduleOfAmount(a!, levels)).toMatchObject({ infusions: 2, dayOffsets: [0, 7] });
    expect(scheduleOfAmount(b!, levels)).toMatchObject({ infusions: 1 });
  });

  it("quotes a schedule's words from the sentence that states it", () => {
    const s = combineSchedules(levels.own.schedules.slice(0, 1))!;
    expect(sourceWords(s, levels)).toBe("on days 1 and 8");
  });
});
