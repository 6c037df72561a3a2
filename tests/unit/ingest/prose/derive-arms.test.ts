import { describe, expect, it } from "vitest";
import { deriveArms, labelOfKey } from "@/lib/ingest/prose/derive-arms";

describe("arms from prose", () => {
  it("makes one arm per group the prose names, in order of first mention", () => {
    const arms = deriveArms("Patients are divided into the low dose group, the high dose group and the control group.", []);
    expect(arms.map((a) => a.label)).toEqual(["Low dose", "High dose", "Control group"]);
    expect(arms.every((a) => a.type === null && a.description === null)).toBe(true);
  });

  it("makes one MSC arm when the prose names no group but gives MSCs, and none otherwise", () => {
    expect(deriveArms("Patients receive umbilical cord MSCs.", []).map((a) => a.label)).toEqual(["MSC"]);
    expect(deriveArms("An observational study of liver failure.", [])).toEqual([]);
  });

  it("labels a group from its words, or from its key", () => {
    expect(labelOfKey("id:b", null)).toBe("Group B");
    expect(labelOfKey("level:high", null)).toBe("High dose");
    expect(labelOfKey("level:low", "low")).toBe("Low dose");
    expect(labelOfKey("control", "the control group")).toBe("Control group");
  });
});
