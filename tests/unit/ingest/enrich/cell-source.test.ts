import { describe, expect, it } from "vitest";
import { findCellSource, readTrialCellSource } from "@/lib/ingest/enrich/cell-source";
import { emptyParsedTrial } from "@/lib/ingest/parsed-record";

/** Cell amounts are read by lib/ingest/prose/amounts.ts (tests/unit/prose-amounts.test.ts). */
describe("cell source", () => {
  it("names the tissue, cord blood before cord", () => {
    expect(findCellSource(["umbilical cord blood mesenchymal stem cells"])).toEqual({ value: "CORD_BLOOD", text: "umbilical cord blood" });
    expect(findCellSource([null, "Human umbilical cord-derived MSCs"])).toEqual({ value: "UMBILICAL_CORD", text: "umbilical cord" });
    expect(findCellSource(["bone marrow-derived"])?.value).toBe("BONE_MARROW");
    expect(findCellSource(["stem cells"])).toBeNull();
  });
});

describe("readTrialCellSource (enricher)", () => {
  const rec = () => ({
    ...emptyParsedTrial("test", "t.json"),
    interventions: ["Biological: MSC"],
    title: "Stem cells in liver failure",
    briefSummary: "Earlier studies used bone marrow cells.",
    arms: [{ label: "MSC", type: "EXPERIMENTAL" as const, description: "Umbilical cord MSCs 1×10^6/kg", doses: [] }],
  });

  it("reads the names, titles and arms' words first, marked derived with its words", () => {
    const out = readTrialCellSource(rec(), { kind: "study" });
    expect(out.cellSource).toBe("UMBILICAL_CORD");
    expect(out.evidence.cellSource).toEqual({ origin: "derived", text: "Umbilical cord" });
  });

  it("reads a page's summary, never a study's (it cites earlier studies)", () => {
    const noArm = { ...rec(), arms: [] };
    expect(readTrialCellSource(noArm, { kind: "study" }).cellSource).toBeNull();
    expect(readTrialCellSource(noArm, { kind: "page" })).toMatchObject({ cellSource: "BONE_MARROW", evidence: { cellSource: { origin: "derived", text: "bone marrow" } } });
  });
});
