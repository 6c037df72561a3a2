import { describe, expect, it } from "vitest";
import { readAllocation } from "@/lib/ingest/prose/design";

/** Issue 17: a negated design word is no randomisation (a bare "non randomized" read as randomized). */
describe("allocation from prose", () => {
  it.each([
    ["This is a non randomized study of 20 patients.", "non randomized"],
    ["An open-label, non-randomised, single-centre trial.", "non-randomised"],
    ["A nonrandomized pilot.", "nonrandomized"],
    ["Patients are not randomised: all receive the cells.", "are not randomised"],
    ["An open label, not randomised, single centre study.", "not randomised"],
    ["The study is not randomized.", "is not randomized"],
    ["Participants will not be randomized to the two groups.", "will not be randomized"],
    ["Allocation is without randomisation, by the patient's choice.", "without randomisation"],
    ["There is no randomization in this phase I study.", "no randomization"],
  ])("%s → NON_RANDOMIZED", (text, words) => {
    expect(readAllocation(text)).toEqual({ value: "NON_RANDOMIZED", text: words });
  });
  it.each([
    ["Patients will be randomized 1:1 to MSC or standard care.", "randomized"],
    ["Sixty patients were randomly assigned to two groups.", "randomly assigned"],
    ["Patients will be randomized 1:1; patients who are not randomized are followed in a registry.", "randomized"],
  ])("%s → RANDOMIZED", (text, words) => {
    expect(readAllocation(text)).toEqual({ value: "RANDOMIZED", text: words });
  });
});
