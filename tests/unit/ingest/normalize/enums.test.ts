import { describe, expect, it } from "vitest";
import {
  normalizeAllocation, normalizeArmType, normalizeHealthyVolunteers, normalizeInterventionModel, normalizeMasking,
  normalizePhases, normalizeSex, normalizeStatus, normalizeStudyType,
} from "@/lib/ingest/normalize/enums";

describe("normalizeStatus", () => {
  it.each([
    ["Not yet recruiting", "NOT_YET_RECRUITING"],
    ["Not yet enrolling", "NOT_YET_RECRUITING"], // Veeva's wording
    ["Recruiting", "RECRUITING"],
    ["Enrolling by invitation", "ENROLLING_BY_INVITATION"],
    ["Active, not recruiting", "ACTIVE_NOT_RECRUITING"],
    ["Completed", "COMPLETED"],
    ["Terminated", "TERMINATED"],
    ["Withdrawn", "WITHDRAWN"],
    ["Unknown", "UNKNOWN"],
    ["Unknown status", "UNKNOWN"],
    ["No longer available", "NO_LONGER_AVAILABLE"],
  ])("%s → %s", (text, value) => {
    expect(normalizeStatus(text)).toBe(value);
  });

  it("returns null for words it does not know, never a guess", () => {
    expect(normalizeStatus("Paused for review")).toBeNull();
    expect(normalizeStatus("")).toBeNull();
  });
});

describe("normalizePhases", () => {
  it.each([
    ["Phase 1/Phase 2", ["PHASE1", "PHASE2"]],
    ["Phase IIb/III", ["PHASE2", "PHASE3"]],
    ["Phase 3 / Phase 2", ["PHASE2", "PHASE3"]], // Veeva lists the later phase first
    ["Phase 2", ["PHASE2"]],
    ["Phase 1", ["PHASE1"]],
    ["Phase I/II", ["PHASE1", "PHASE2"]],
    ["Phase II", ["PHASE2"]],
    ["Phase 4", ["PHASE4"]],
    ["Early Phase 1", ["EARLY_PHASE1"]],
    ["Not Applicable", ["NA"]],
  ])("%s → %j", (text, value) => {
    expect(normalizePhases(text)).toEqual(value);
  });

  it("gives [] for text naming no phase", () => {
    expect(normalizePhases("Pilot")).toEqual([]);
  });
});

describe("design enums", () => {
  it("masking", () => {
    expect(normalizeMasking("None (Open Label)")).toBe("NONE");
    expect(normalizeMasking("None (Open label)")).toBe("NONE");
    expect(normalizeMasking("Open Label")).toBe("NONE");
    expect(normalizeMasking("Quadruple Blind")).toBe("QUADRUPLE");
    expect(normalizeMasking("Quadruple (Participant, Care Provider, Investigator, Outcomes Assessor)")).toBe("QUADRUPLE");
    expect(normalizeMasking("Triple Blind")).toBe("TRIPLE");
    expect(normalizeMasking("Double (Participant, Investigator)")).toBe("DOUBLE");
    expect(normalizeMasking("Single")).toBe("SINGLE");
    expect(normalizeMasking("Blinded somehow")).toBeNull();
  });

  it("allocation", () => {
    expect(normalizeAllocation("Randomized")).toBe("RANDOMIZED");
    expect(normalizeAllocation("Non-Randomized")).toBe("NON_RANDOMIZED");
    expect(normalizeAllocation("N/A")).toBe("NA");
    expect(normalizeAllocation("Stratified")).toBeNull();
  });

  it("intervention model", () => {
    expect(normalizeInterventionModel("Parallel Assignment")).toBe("PARALLEL");
    expect(normalizeInterventionModel("Single Group Assignment")).toBe("SINGLE_GROUP");
    expect(normalizeInterventionModel("Sequential Assignment")).toBe("SEQUENTIAL");
    expect(normalizeInterventionModel("Crossover Assignment")).toBe("CROSSOVER");
    expect(normalizeInterventionModel("Factorial Assignment")).toBe("FACTORIAL");
    expect(normalizeInterventionModel("Adaptive")).toBeNull();
  });

  it("study type", () => {
    expect(normalizeStudyType("Interventional (Clinical Trial)")).toBe("INTERVENTIONAL");
    expect(normalizeStudyType("Observational")).toBe("OBSERVATIONAL");
    expect(normalizeStudyType("Expanded Access")).toBe("EXPANDED_ACCESS");
    expect(normalizeStudyType("Registry")).toBeNull();
  });
});

describe("eligibility and arm enums", () => {
  it("sex", () => {
    expect(normalizeSex("All")).toBe("ALL");
    expect(normalizeSex("Female")).toBe("FEMALE");
    expect(normalizeSex("Male")).toBe("MALE");
    expect(normalizeSex("Any")).toBeNull();
  });

  it("healthy volunteers", () => {
    expect(normalizeHealthyVolunteers("No Healthy Volunteers")).toBe(false);
    expect(normalizeHealthyVolunteers("No")).toBe(false);
    expect(normalizeHealthyVolunteers("Accepts Healthy Volunteers")).toBe(true);
    expect(normalizeHealthyVolunteers("Yes")).toBe(true);
    expect(normalizeHealthyVolunteers("Maybe")).toBeNull();
  });

  it("arm types, with or without Veeva's trailing 'group'", () => {
    expect(normalizeArmType("Experimental")).toBe("EXPERIMENTAL");
    expect(normalizeArmType("Experimental group")).toBe("EXPERIMENTAL");
    expect(normalizeArmType("Placebo Comparator group")).toBe("PLACEBO_COMPARATOR");
    expect(normalizeArmType("No Intervention group")).toBe("NO_INTERVENTION");
    expect(normalizeArmType("Active Comparator")).toBe("ACTIVE_COMPARATOR");
    expect(normalizeArmType("Sham Comparator")).toBe("SHAM_COMPARATOR");
    expect(normalizeArmType("Other")).toBe("OTHER");
    expect(normalizeArmType("Observation")).toBeNull();
  });
});
