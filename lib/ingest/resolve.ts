import { type Evidence, type ParsedTrial } from "./parsed-record";
import { trialRecordSchema, type TrialRecord } from "../record/schema";
import { DEFAULT_REFERENCE_WEIGHT_KG, summarizeArm } from "../record/summary";
import { ImportError } from "./errors";
import { readArmFacts } from "./arm-facts";
import { readThresholds } from "./thresholds";

/** A stable id for a record with no NCT id: its source file name, slugged. */
export function slugForFile(file: string): string {
  return file.replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "trial";
}

/** Parsed (and curated) record → the public record, checked against the contract. */
export function toTrialRecord(rec: ParsedTrial, referenceWeightKg = DEFAULT_REFERENCE_WEIGHT_KG): TrialRecord {
  const provenance: Record<string, "curated" | "derived"> = {};
  for (const [path, ev] of Object.entries(rec.evidence) as [string, Evidence][]) {
    if (ev.origin !== "source") provenance[path] = ev.origin;
  }
  const { layout, file, evidence: _evidence, arms, registryId, ...fields } = rec;
  const record: TrialRecord = {
    ...fields,
    id: rec.nctId ?? registryId ?? slugForFile(file),
    // Every source layout's criteria get their numeric limits read here, in one place.
    eligibility: { ...fields.eligibility, thresholds: readThresholds(fields.eligibility) },
    source: { file, format: layout },
    arms: arms.map(({ interventionTexts, ...arm }, i) => {
      const facts = readArmFacts({
        msc: arm.doses.some((d) => d.product === "MSC"), label: arm.label, description: arm.description, interventionTexts: interventionTexts ?? [],
        trialTexts: [rec.title, rec.officialTitle, ...rec.interventions],
      });
      for (const [k, v] of Object.entries(facts)) if (v) provenance[`arms[${i}].${k}`] = "derived";
      return { ...arm, summary: summarizeArm(arm.doses, referenceWeightKg), ...facts };
    }),
    referenceWeightKg,
    provenance,
  };
  const checked = trialRecordSchema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new ImportError(`the normalized record is invalid: ${issue.message}`, { file: rec.file, field: issue.path.join(".") });
  }
  return checked.data;
}
