import { describe, expect, it } from "vitest";
import { checkArmCount } from "@/lib/ingest/enrich/arm-count";
import { emptyParsedTrial, type ParsedArm } from "@/lib/ingest/parsed-record";

const arm = (label: string): ParsedArm => ({ label, type: null, description: null, doses: [] });

describe("checkArmCount (enricher)", () => {
  it("warns when the page announces another number of groups than the arms read", () => {
    const rec = { ...emptyParsedTrial("veeva", "p.txt"), arms: [arm("A"), arm("B")] };
    expect(checkArmCount(rec, { announcedGroups: 3, armsFrom: "listed", noArmsWarning: null }).warnings)
      .toEqual(["the page announces 3 patient groups but 2 arm blocks were read"]);
    expect(checkArmCount(rec, { announcedGroups: 3, armsFrom: "prose", noArmsWarning: null }).warnings)
      .toEqual(["the page announces 3 patient groups but 2 arms were read from the prose"]);
    expect(checkArmCount(rec, { announcedGroups: 2, armsFrom: "listed", noArmsWarning: null })).toBe(rec);
  });

  it("gives the layout's warning when its prose gives no arm", () => {
    const rec = emptyParsedTrial("trial-summary", "s.txt");
    expect(checkArmCount(rec, { announcedGroups: null, armsFrom: "prose", noArmsWarning: "no dose groups could be read from the description" }).warnings)
      .toEqual(["no dose groups could be read from the description"]);
  });
});
