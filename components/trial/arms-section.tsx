import type { TrialRecord } from "@/lib/record/schema";
import { NotReported } from "@/components/ui/badges";
import { ArmsTable } from "@/components/trial/arms-table";
import { SectionFrame } from "./section-frame";

export function ArmsSection({ t }: { t: TrialRecord }) {
  return (
    <SectionFrame trialId={t.id} id="arms" title="Arms and doses">
      {t.arms.length ? <ArmsTable trial={t} /> : <NotReported>No arms reported</NotReported>}
    </SectionFrame>
  );
}
