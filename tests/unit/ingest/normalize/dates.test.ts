import { describe, expect, it } from "vitest";
import { normalizeDate } from "@/lib/ingest/normalize/dates";
import { normalizeAgeRange } from "@/lib/ingest/normalize/ages";

describe("normalizeDate", () => {
  it.each([
    ["September 30, 2021", "2021-09-30"],
    ["July 31, 2022", "2022-07-31"],
    ["July 31 2022", "2022-07-31"],
    ["Sept 30, 2021", "2021-09-30"],
    ["30 September 2021", "2021-09-30"],
    ["July 2021", "2021-07"],
    ["December 2026", "2026-12"],
    ["2023-09-30", "2023-09-30"],
    ["2023-09", "2023-09"],
    ["February 29, 2020", "2020-02-29"],
  ])("%s → %s", (text, iso) => {
    expect(normalizeDate(text)).toBe(iso);
  });

  it.each(["February 30, 2021", "February 29, 2021", "2021-02-29", "2021-13-01", "2021-00", "Smarch 3, 2021", "soon", "Q3 2021"])(
    "impossible or unreadable %s → null",
    (text) => {
      expect(normalizeDate(text)).toBeNull();
    },
  );
});

describe("normalizeAgeRange", () => {
  it.each([
    ["18 to 70 years old", 18, 70],
    ["18 Years to 70 Years (Adult, Older Adult)", 18, 70],
    ["18-65 years", 18, 65],
    ["18 Years and older (Adult, Older Adult)", 18, null],
    ["up to 75 years", null, 75],
    ["6 Months to 17 Years", 0.5, 17],
  ])("%s → %s–%s", (text, min, max) => {
    expect(normalizeAgeRange(text)).toEqual({ minAgeYears: min, maxAgeYears: max });
  });

  it("returns null when no age is stated", () => {
    expect(normalizeAgeRange("Adults")).toBeNull();
  });
});
