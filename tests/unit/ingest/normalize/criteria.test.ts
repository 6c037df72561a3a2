import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { splitCriteria } from "@/lib/ingest/normalize/criteria";

const seedLines = (file: string, from: number, to: number) =>
  fs.readFileSync(`seeds/${file}`, "utf8").split("\n").slice(from - 1, to);

describe("splitCriteria", () => {
  it("drops the lead-in line that introduces the list (record 001 exclusions)", () => {
    const { items, leadIns } = splitCriteria(seedLines("001_77e33fc44f0026eb.txt", 60, 68));
    expect(leadIns).toEqual(["Those who meet any of the following conditions will not be included:"]);
    expect(items).toHaveLength(7);
    expect(items[0]).toBe("Those who intend to undergo artificial liver treatment");
    expect(items[6]).toMatch(/^Those who do not have the ability/);
  });

  it('removes "- ." bullets and trailing semicolons (record 001 inclusions)', () => {
    const { items } = splitCriteria(seedLines("001_77e33fc44f0026eb.txt", 56, 58));
    expect(items).toEqual([
      "Age 18-70 years old",
      expect.stringMatching(/^A history of chronic liver disease, .*CLIF-OF\)$/),
      "The patient or adult family members agree to participate in this study and sign an informed consent form",
    ]);
  });

  it('splits an item that ran into the next one ("17-30,; 4.18-65 years of age", record 002)', () => {
    const { items } = splitCriteria(seedLines("002_aca47ec262779fdb.txt", 62, 64));
    expect(items).toHaveLength(4);
    expect(items[2]).toBe("End-stage liver disease scores ranging from 17-30");
    expect(items[3]).toBe("18-65 years of age.");
  });

  it("keeps <1> … <6> sub-items inside their parent (record 000 exclusion 3)", () => {
    const { items } = splitCriteria(seedLines("000_423415c0e2b20a3c.txt", 72, 83));
    expect(items).toHaveLength(12);
    expect(items[2]).toMatch(/^Presence of any of the following complications: <1> Active gastrointestinal bleeding/);
    expect(items[2]).toContain("<6> Respiratory insufficiency");
    expect(items[3]).toMatch(/^Severe underlying diseases, including: <1>Septic shock/);
  });

  it("joins continuation lines to their item and strips numbering", () => {
    expect(splitCriteria(["1. First item", "   continued here", "2) Second item;", "3. Third"]).items)
      .toEqual(["First item continued here", "Second item", "Third"]);
  });

  it("reads a plain bulleted list and an empty one", () => {
    expect(splitCriteria(["- a", "* b", "• c"]).items).toEqual(["a", "b", "c"]);
    expect(splitCriteria([]).items).toEqual([]);
  });
});
