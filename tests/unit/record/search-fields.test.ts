import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { importSource } from "@/lib/ingest/pipeline";
import { searchDocument, SNIPPET_FIELDS, tierTexts } from "@/lib/record/search-fields";

const record = importSource(fs.readFileSync("seeds/001_77e33fc44f0026eb.txt"), "001_77e33fc44f0026eb.txt").record;

describe("the searched fields, defined once", () => {
  it("the full-text document: titles, identifiers once each, the cell source by its label", () => {
    const doc = searchDocument(record);
    expect(doc.title).toBe("Safety of UC-MSC Transfusion for ACLF Patients\nSafety of Human Umbilical Cord-derived Mesenchymal Stem Cell (UC-MSC) Transfusion for Acute-on-chronic Liver Failure Patients");
    expect(doc.identifiers.split("\n")).toEqual(["NCT04822922", ...record.otherIds]);
    expect(doc.arms.split("\n")).toContain("Umbilical cord");
    expect(doc.criteria.split("\n")).toHaveLength(record.eligibility.inclusion.length + record.eligibility.exclusion.length);
  });

  it("relevance tiers: title and identifiers weigh 4, conditions, treatments and sponsor 2", () => {
    expect(tierTexts({ title: "A", identifiers: ["NCT1", null], conditions: ["C"], sponsor: "S" }, 4)).toEqual(["A", "NCT1"]);
    expect(tierTexts({ title: "A", conditions: ["C"], interventions: ["I"], armLabels: ["L"], sponsor: "S", cellSource: "BONE_MARROW" }, 2))
      .toEqual(["C", "I", "L", "S", "Bone marrow"]);
  });

  it("the list's snippet looks outside the title, heaviest fields first", () => {
    expect(SNIPPET_FIELDS).toEqual([
      "officialTitle", "acronym", "identifiers", "conditions", "interventions", "keywords", "armLabels", "sponsor", "cellSource",
      "armDescriptions", "criteria", "sites", "summary",
    ]);
  });
});
