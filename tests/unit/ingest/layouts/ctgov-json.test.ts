import { describe, expect, it } from "vitest";
import { splitEligibility } from "@/lib/ingest/layouts/ctgov-json";

/** lib/ingest/layouts/ctgov-json.ts, the mapping both JSON layouts share: the eligibility splitter. */

describe("splitEligibility", () => {
  it("splits at the headings; classic lines without bullets are one criterion each", () => {
    expect(splitEligibility("Inclusion criteria:\n\nMELD score of at least 10\nAge more than 18\n\nExclusion criteria:\n\nHCC")).toEqual({
      inclusion: ["MELD score of at least 10", "Age more than 18"], exclusion: ["HCC"], warnings: [],
    });
  });
  it("parts a classic item that ran into the next (the number was the lost list's)", () => {
    expect(splitEligibility("Inclusion Criteria:\n\nACLF;\nHBsAg positive;\nMELD scores ranging from 17-30,; 4.18-65 years of age.").inclusion)
      .toEqual(["ACLF", "HBsAg positive", "MELD scores ranging from 17-30", "18-65 years of age."]);
  });
  it("reads numbered and bulleted lists, \"Key Inclusion Criteria\", and text with no heading", () => {
    expect(splitEligibility("Key Inclusion Criteria:\n\n1. Adults\n2. Chronic AD\n\nKey Exclusion Criteria:\n\n* Pregnancy").inclusion)
      .toEqual(["Adults", "Chronic AD"]);
    expect(splitEligibility("Key Inclusion Criteria:\n\n1. Adults\n\nKey Exclusion Criteria:\n\n* Pregnancy").exclusion).toEqual(["Pregnancy"]);
    expect(splitEligibility("Adults with cirrhosis")).toEqual({
      inclusion: ["Adults with cirrhosis"], exclusion: [],
      warnings: ["the eligibility criteria have no \"Inclusion Criteria\" or \"Exclusion Criteria\" heading: read as inclusion criteria"],
    });
  });
});
