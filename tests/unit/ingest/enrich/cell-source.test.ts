import { describe, expect, it } from "vitest";
import { findCellSource, readTrialCellSource } from "@/lib/ingest/enrich/cell-source";
import { emptyParsedTrial } from "@/lib/ingest/parsed-record";

/** Cell amounts are read by lib/ingest/prose/amounts.ts (tests/unit/ingest/prose/amounts.test.ts). */
describe("cell source (the arm facts' tissue words, said of the MSCs)", () => {
  it("names the tissue of the MSCs, cord blood before cord", () => {
    expect(findCellSource(["umbilical cord blood mesenchymal stem cells"])).toEqual({ value: "CORD_BLOOD", text: "umbilical cord blood" });
    expect(findCellSource([null, "Human umbilical cord-derived MSCs"])).toEqual({ value: "UMBILICAL_CORD", text: "umbilical cord" });
    expect(findCellSource(["bone marrow-derived mesenchymal stromal cells"])?.value).toBe("BONE_MARROW");
    expect(findCellSource(["BM MSC 1×10^6/kg"])).toEqual({ value: "BONE_MARROW", text: "BM MSC" });
    expect(findCellSource(["Adipose derived stromal cells intravenously injected"])).toEqual({ value: "ADIPOSE", text: "Adipose" });
    expect(findCellSource(["stem cells"])).toBeNull();
  });

  it("reads no tissue said of another product: bone marrow aspiration, marrow mononuclear cells, a transplant", () => {
    expect(findCellSource(["Bone-marrow aspiration under local anaesthesia", "umbilical cord MSCs"])).toEqual({ value: "UMBILICAL_CORD", text: "umbilical cord" });
    expect(findCellSource(["Adipose mesenchymal cells with bone marrow mononuclear cells"])).toEqual({ value: "ADIPOSE", text: "Adipose" });
    expect(findCellSource(["Stromal therapy after allogeneic bone marrow transplantation"])).toBeNull();
  });

  it("two tissues of the MSCs in one text are OTHER, with both words", () => {
    expect(findCellSource(["Mesenchymal stem cell derived from human Bone Marrow & umbilical cord"])).toEqual({ value: "OTHER", text: "Bone Marrow … umbilical cord" });
  });
});

describe("readTrialCellSource (enricher)", () => {
  const rec = () => ({
    ...emptyParsedTrial("test", "t.json"),
    interventions: ["Biological: MSC"],
    title: "Stem cells in liver failure",
    briefSummary: "Earlier studies used bone marrow MSCs.",
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
