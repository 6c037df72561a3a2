import type { Extension } from "fhir/r4";
import { unstatedReasons } from "../format";
import type { Dose } from "../record/schema";
import { ARM_DOSE_EXTENSION } from "./urls";

/** What a dose can leave unstated; each is listed in a `notReported` sub-extension, never sent as 0. */
export const NOT_REPORTED_PARTS = ["cells", "infusions", "schedule"] as const;

/**
 * One dose of an arm as the project's `arm-dose` extension (R4 has no element for a
 * cell dose; docs/fhir.md documents it). Sub-extensions:
 *  - `product` (code, 1..1): MSC | PLACEBO, the record's own values;
 *  - `cells` (decimal, 0..1) with `basis` (code, 0..1): per-kg | flat — cells per infusion,
 *    per kg of body weight or for the whole body, exactly as the source states it;
 *  - `infusions` (positiveInt, 0..1);
 *  - `dayOffset` (unsignedInt, 0..*): days from the arm's first infusion, one per infusion;
 *  - `notReported` (code, 0..*): cells | infusions | schedule — the parts the source does
 *    not state (a placebo has no cells, so it never lists `cells`);
 *  - `range` (Range, 0..1) with `basis`: a dose stated as a range, both ends (low, high) in
 *    cells per infusion (unit `{cells}/kg` or `{cells}`); then `cells` is absent and not listed
 *    in `notReported` (it is stated, as a range);
 *  - `unstated` (string, 0..*): why a value is not one number, in words ("stated as a range: …",
 *    "schedule changes frequency: 9 infusions, days not stated");
 *  - `phase` (string, 0..*): the words of each phase of a schedule that changes frequency, in order;
 *  - `text` (string, 1..1): the source words the dose was read from.
 */
export function toDoseExtension(dose: Dose): Extension {
  const parts: Extension[] = [{ url: "product", valueCode: dose.product }];
  const notReported: (typeof NOT_REPORTED_PARTS)[number][] = [];
  if (dose.cellsPerKg !== null) {
    parts.push({ url: "cells", valueDecimal: dose.cellsPerKg }, { url: "basis", valueCode: "per-kg" });
  } else if (dose.cellsPerInfusion !== null) {
    parts.push({ url: "cells", valueDecimal: dose.cellsPerInfusion }, { url: "basis", valueCode: "flat" });
  } else if (dose.range) {
    const unit = dose.range.unit === "cells/kg" ? "{cells}/kg" : "{cells}";
    const q = (value: number) => ({ value, unit, system: "http://unitsofmeasure.org", code: unit });
    parts.push({ url: "range", valueRange: { low: q(dose.range.min), high: q(dose.range.max) } },
      { url: "basis", valueCode: dose.range.unit === "cells/kg" ? "per-kg" : "flat" });
  } else if (dose.product === "MSC") {
    notReported.push("cells");
  }
  if (dose.infusions !== null) parts.push({ url: "infusions", valuePositiveInt: dose.infusions });
  else notReported.push("infusions");
  if (dose.dayOffsets !== null) parts.push(...dose.dayOffsets.map((d) => ({ url: "dayOffset", valueUnsignedInt: d })));
  else notReported.push("schedule");
  parts.push(...notReported.map((p) => ({ url: "notReported", valueCode: p })));
  parts.push(...unstatedReasons(dose).map((r) => ({ url: "unstated", valueString: r })));
  parts.push(...(dose.schedulePhases ?? []).map((ph) => ({ url: "phase", valueString: ph.text })));
  parts.push({ url: "text", valueString: dose.text });
  return { url: ARM_DOSE_EXTENSION, extension: parts };
}
