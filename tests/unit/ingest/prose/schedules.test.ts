import { describe, expect, it } from "vitest";
import { combineSchedules, findSchedules } from "@/lib/ingest/prose/schedules";

/** The contract's view of a schedule: infusions and day offsets from the first infusion. */
function offsets(text: string) {
  const s = combineSchedules(findSchedules(text));
  return s ? { infusions: s.infusions, dayOffsets: s.dayOffsets } : null;
}

describe("schedules: the contract's rules", () => {
  it('"days 1, 4, 7 and 10" → [0,3,6,9]', () => {
    expect(offsets("days 1, 4, 7 and 10")).toEqual({ infusions: 4, dayOffsets: [0, 3, 6, 9] });
    expect(offsets("injected intravenously on the 1, 4, 7 and 10 days after recruitment")).toEqual({ infusions: 4, dayOffsets: [0, 3, 6, 9] });
    expect(offsets("on days 1, 4, 7 and 10")).toEqual({ infusions: 4, dayOffsets: [0, 3, 6, 9] });
  });

  it('"weekly for 4 weeks" → [0,7,14,21]', () => {
    expect(offsets("weekly for 4 weeks")).toEqual({ infusions: 4, dayOffsets: [0, 7, 14, 21] });
  });

  it('"at week 0, 1 and 2" → [0,7,14]', () => {
    expect(offsets("at week 0, 1 and 2")).toEqual({ infusions: 3, dayOffsets: [0, 7, 14] });
    expect(offsets("at week0, week1 and week2")).toEqual({ infusions: 3, dayOffsets: [0, 7, 14] });
  });

  it('"every 4 weeks, three infusions" → [0,28,56]', () => {
    expect(offsets("every 4 weeks, three infusions")).toEqual({ infusions: 3, dayOffsets: [0, 28, 56] });
    expect(offsets("one infusion every 4 weeks, for a total of three infusions")).toEqual({ infusions: 3, dayOffsets: [0, 28, 56] });
  });

  it('"once a week for 8 weeks" → 8 infusions a week apart', () => {
    expect(offsets("once a week for 8 weeks")).toEqual({ infusions: 8, dayOffsets: [0, 7, 14, 21, 28, 35, 42, 49] });
  });

  it('"through the hepatic artery" is the route, not a time frame: the schedule after it is read', () => {
    expect(offsets("5×10^5 cells/kg through the hepatic artery, once a week for 4 weeks.")).toEqual({ infusions: 4, dayOffsets: [0, 7, 14, 21] });
    expect(offsets("1×10^6 cells/kg through a peripheral vein, weekly for 3 weeks")).toEqual({ infusions: 3, dayOffsets: [0, 7, 14] });
    // "through week 12" is still a time frame: no infusion schedule is made of it
    expect(offsets("patients are followed through week 12 for 4 weeks")).toBeNull();
  });

  it("a count with no timing gives the infusions and null days", () => {
    expect(offsets("received 4 infusions")).toEqual({ infusions: 4, dayOffsets: null });
    expect(offsets("3 times placebo")).toEqual({ infusions: 3, dayOffsets: null });
  });
});

describe("schedules: other wordings", () => {
  it.each([
    ["on days 1, 8 and 15", 3, [0, 7, 14]],
    ["on day 0, 7 and 14", 3, [0, 7, 14]],
    ["once a week for 3 weeks", 3, [0, 7, 14]],
    ["every 2 weeks, for a total of four infusions", 4, [0, 14, 28, 42]],
    ["every two weeks for a total of 4 infusions", 4, [0, 14, 28, 42]],
    ["at weeks 0, 2, 4 and 6", 4, [0, 14, 28, 42]],
    ["weekly x 4", 4, [0, 7, 14, 21]],
    ["once weekly for 4 times", 4, [0, 7, 14, 21]],
    // A serial comma must not cut the list short.
    ["on days 1, 8, and 15", 3, [0, 7, 14]],
    ["at weeks 0, 1, and 2", 3, [0, 7, 14]],
    ["days 0, 7, 14, and 21", 4, [0, 7, 14, 21]],
    ["on days 1, 8, & 15", 3, [0, 7, 14]],
    // The unit repeated before each number.
    ["on day 1, day 8 and day 15", 3, [0, 7, 14]],
    ["on Day 1 and Day 8", 2, [0, 7]],
    ["at week 0, week 4 and week 8", 3, [0, 28, 56]],
    // Intervals said other ways.
    ["4 infusions at 2-week intervals", 4, [0, 14, 28, 42]],
    ["three infusions 4 weeks apart", 3, [0, 28, 56]],
    ["every 4 weeks, 3 infusions in total", 3, [0, 28, 56]],
    ["a single infusion", 1, [0]],
  ])("%s → %d infusions %j", (text, infusions, dayOffsets) => {
    expect(offsets(text)).toEqual({ infusions, dayOffsets });
  });

  it("twice a week for 2 weeks: 4 infusions, days not stated", () => {
    expect(offsets("twice a week for 2 weeks")).toEqual({ infusions: 4, dayOffsets: null });
  });

  it("keeps the week numbers on the text's own timeline for a later stage", () => {
    expect(findSchedules("at week4 and week5")).toMatchObject([{ kind: "list", days: [28, 35] }]);
  });

  it("a number that names a phase or a group is not a count", () => {
    expect(offsets("Phase 1 Dose escalation: low, mid, high")).toBeNull();
    expect(offsets("Cohort 2 doses of MSC are escalated")).toBeNull();
  });

  it("returns null for text with no schedule", () => {
    expect(offsets("standard medical treatment, including bed rest")).toBeNull();
    expect(offsets("hospitalized for 3-7 days after each infusion")).toBeNull();
  });

  it("keeps the source words", () => {
    expect(combineSchedules(findSchedules("The cells were given on days 1, 4, 7 and 10 after recruitment."))!.text).toBe("on days 1, 4, 7 and 10");
  });
});
