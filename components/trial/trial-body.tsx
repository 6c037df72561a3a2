import type { EvidenceMap } from "@/lib/record/schema";
import type { TrialRecord } from "@/lib/record/schema";
import type { TrialScreen } from "@/lib/screen";
import { ArmsSection } from "@/components/trial/arms-section";
import { ContactsSection } from "@/components/trial/contacts-section";
import { DesignSection } from "@/components/trial/design-section";
import { EligibilitySection } from "@/components/trial/eligibility-section";
import { OutcomesSection } from "@/components/trial/outcomes-section";
import { OverviewSection } from "@/components/trial/overview-section";
import { PublicationsSection } from "@/components/trial/publications-section";
import { RecordWarnings } from "@/components/trial/record-warnings";
import { SourceSection } from "@/components/trial/source-section";
import type { NearContext } from "@/components/trial/nearest-contact";

/** The sections of a trial page, below its header: the current trial's or one version's. */
export function TrialBody({ t, evidence, screen, screenNote, near }: {
  t: TrialRecord; evidence: EvidenceMap; screen?: TrialScreen; screenNote?: React.ReactNode;
  /** The list's near place: the nearest recruiting site's contact first. */
  near?: NearContext;
}) {
  return (
    <>
      <RecordWarnings warnings={t.warnings} />
      <OverviewSection t={t} evidence={evidence} />
      <DesignSection t={t} evidence={evidence} />
      <ArmsSection t={t} />
      {screenNote}
      <EligibilitySection t={t} evidence={evidence} screen={screen} />
      <OutcomesSection t={t} />
      <ContactsSection t={t} near={near} />
      <PublicationsSection t={t} />
      <SourceSection t={t} evidence={evidence} />
    </>
  );
}
