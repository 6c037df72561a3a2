import type { ParsedTrial } from "../parsed-record";
import { deriveDesign, readEnrollmentFromProse } from "../prose/design";
import { trialTextOf, type SourceTrial } from "../source-record";

/**
 * A record whose facts are only in its prose (`armsFrom: "prose"`): the design fields the
 * page left empty ("randomized", "double-blind"), and the enrollment when the page gives
 * none ("A total of 150 ACLF patients"), each marked derived with its words.
 */
export function readDesignFromProse(src: SourceTrial): SourceTrial {
  if (src.armsFrom !== "prose") return src;
  const prose = trialTextOf(src);
  const view: ParsedTrial = { ...src, design: { ...src.design }, evidence: { ...src.evidence }, arms: [], cellSource: null, stages: [] };
  deriveDesign(view, prose);
  let { enrollment } = src;
  const found = enrollment ? null : readEnrollmentFromProse(prose);
  if (found) {
    enrollment = { count: found.value, type: null };
    view.evidence.enrollment = { origin: "derived", text: found.text };
  }
  return { ...src, design: view.design, evidence: view.evidence, enrollment };
}
