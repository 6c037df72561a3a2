import { describe, expect, it } from "vitest";
import { findCellSource } from "@/lib/ingest/enrich/cell-source";

/** Cell amounts are read by lib/ingest/prose/amounts.ts (tests/unit/prose-amounts.test.ts). */
describe("cell source", () => {
  it("names the tissue, cord blood before cord", () => {
    expect(findCellSource(["umbilical cord blood mesenchymal stem cells"])).toEqual({ value: "CORD_BLOOD", text: "umbilical cord blood" });
    expect(findCellSource([null, "Human umbilical cord-derived MSCs"])).toEqual({ value: "UMBILICAL_CORD", text: "umbilical cord" });
    expect(findCellSource(["bone marrow-derived"])?.value).toBe("BONE_MARROW");
    expect(findCellSource(["stem cells"])).toBeNull();
  });
});
