import type { Extension } from "fhir/r4";
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
 *  - `text` (string, 1..1): the source words the dose was read from.
 */
export function toDoseExtension(dose: Dose): Extension {
  const parts: Extension[] = [{ url: "product", valueCode: dose.product }];
  const notReported: (typeof NOT_REPORTED_PARTS)[number][] = [];
  if (dose.cellsPerKg !== null) {
    parts.push({ url: "cells", valueDecimal: dose.cellsPerKg }, { url: "basis", valueCode: "per-kg" });
  } else if (dose.cellsPerInfusion !== null) {
    parts.push({ url: "cells", valueDecimal: dose.cellsPerInfusion }, { url: "basis", valueCode: "flat" });
  } else if (dose.product === "MSC") {
    notReported.push("cells");
  }
  if (dose.infusions !== null) parts.push({ url: "infusions", valuePositiveInt: dose.infusions });
  else notReported.push("infusions");
  if (dose.dayOffsets !== null) parts.push(...dose.dayOffsets.map((d) => ({ url: "dayOffset", valueUnsignedInt: d })));
  else notReported.push("schedule");
  parts.push(...notReported.map((p) => ({ url: "notReported", valueCode: p })));
  parts.push({ url: "text", valueString: dose.text });
  return { url: ARM_DOSE_EXTENSION, extension: parts };
}
