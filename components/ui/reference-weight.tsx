import Form from "next/form";
import Link from "next/link";
import { MAX_WEIGHT_KG, MIN_WEIGHT_KG, REVIEW_WEIGHT_KG } from "@/lib/url/weight";
import { formatCells } from "@/lib/format";
import { DEFAULT_REFERENCE_WEIGHT_KG } from "@/lib/record/summary";
import { BUTTON, BUTTON_CURRENT, BUTTON_PRIMARY } from "./buttons";

/**
 * The reference weight as a GET form (works without JavaScript), with one-click presets;
 * the comparison and the landscape both use it. `before` and `after` are the page's other
 * parameters, in the order its canonical address has them around `weightKg`. The presets are
 * the same page at another weight: not prefetched (see Segmented).
 */
export function ReferenceWeightControl({ action, weightKg, before = [], after = [], presetHref }: {
  action: string;
  weightKg: number;
  before?: [string, string][];
  after?: [string, string][];
  presetHref: (weightKg: number) => string;
}) {
  return (
    <Form action={action} key={weightKg} className="flex flex-wrap items-end gap-2" data-testid="weight-form">
      {before.map(([name, value], i) => <input key={`b${i}`} type="hidden" name={name} value={value} />)}
      <label className="flex flex-col text-sm font-medium" htmlFor="weightKg">
        Reference weight (kg)
        <input
          id="weightKg" name="weightKg" type="number" inputMode="decimal" required step="any"
          min={MIN_WEIGHT_KG} max={MAX_WEIGHT_KG} defaultValue={weightKg}
          aria-describedby="weight-why"
          className="mt-1 w-28 rounded border border-slate-400 bg-white px-2 py-1.5 font-normal"
        />
      </label>
      {after.map(([name, value], i) => <input key={`a${i}`} type="hidden" name={name} value={value} />)}
      <button type="submit" className={BUTTON_PRIMARY}>Apply</button>
      {[REVIEW_WEIGHT_KG, DEFAULT_REFERENCE_WEIGHT_KG].map((w) => (
        <Link
          key={w} href={presetHref(w)} prefetch={false} className={`${BUTTON} ${weightKg === w ? BUTTON_CURRENT : ""}`}
          aria-current={weightKg === w ? "true" : undefined} data-testid={`weight-${w}`}
        >
          {w} kg{w === REVIEW_WEIGHT_KG ? " (review tables)" : " (default)"}
        </Link>
      ))}
    </Form>
  );
}

/**
 * Why a reference weight, with a worked example from the trials shown when one states a
 * flat dose (`example`: its id and its estimated per-kg dose at `weightKg`).
 */
export function ReferenceWeightExplainer({ weightKg: w, example, what = "these trials" }: {
  weightKg: number;
  example: { id: string; perKg: number } | null;
  what?: string;
}) {
  return (
    <p id="weight-why" className="max-w-3xl text-sm text-slate-700">
      Some trials state a flat dose per infusion (all cells, whatever the patient weighs) rather than a dose per kg. To put them
      on the same axis, the flat dose is divided by a <strong>reference weight</strong>, now <strong>{w} kg</strong>, and marked{" "}
      <span className="font-medium text-estimated">estimated</span>. {DEFAULT_REFERENCE_WEIGHT_KG} kg is the adult reference of
      dose-conversion guidance; {REVIEW_WEIGHT_KG} kg is the convention of the dose tables in published MSC-liver reviews. The same
      flat dose reads 20% higher at {REVIEW_WEIGHT_KG} kg than at {DEFAULT_REFERENCE_WEIGHT_KG} kg
      {example
        ? ` (${example.id}: ${formatCells(example.perKg * w)} cells per infusion is ${formatCells(example.perKg * w / REVIEW_WEIGHT_KG)}/kg at ${REVIEW_WEIGHT_KG} kg, ${formatCells(example.perKg * w / DEFAULT_REFERENCE_WEIGHT_KG)}/kg at ${DEFAULT_REFERENCE_WEIGHT_KG} kg)`
        : ""}
      . Doses stated per kg do not change.{example === null && ` None of ${what} states a flat dose, so the weight changes nothing here.`}
    </p>
  );
}
