import { label } from "@/lib/format";
import type { Arm } from "@/lib/record/schema";
import { Mark, NotReported } from "@/components/ui/badges";

const FACTS = [
  ["route", "Route"],
  ["cellSource", "Cells from"],
  ["cellOrigin", "Donor"],
] as const;

/**
 * An MSC arm's route, cell source and autologous/allogeneic, each marked derived with the
 * words it was read from; "not reported" where the record does not say.
 */
export function ArmFacts({ arm }: { arm: Arm }) {
  if (!arm.doses.some((d) => d.product === "MSC")) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-xs text-slate-700" data-testid="arm-facts">
      {FACTS.map(([key, name]) => {
        const fact = arm[key];
        return (
          <div key={key} className="flex flex-wrap items-baseline gap-x-1" data-fact={key}>
            <dt className="text-slate-600">{name}:</dt>
            <dd>
              {fact ? (
                <>
                  {label(fact.value)}
                  <Mark kind="derived" title={`Read from the record's words: “${fact.text}”`} />
                </>
              ) : <NotReported />}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
