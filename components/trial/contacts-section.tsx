import type { TrialRecord } from "@/lib/record/schema";
import { NotReported } from "@/components/ui/badges";
import { formatEnumWords } from "@/lib/format";
import { SectionFrame } from "./section-frame";
import { LocationsList } from "./locations-list";

export function ContactsSection({ t }: { t: TrialRecord }) {
  return (
    <SectionFrame trialId={t.id} id="contacts" title="Contacts and locations">
      {t.contacts.length ? (
        <ul className="space-y-1 text-sm wrap-break-word">
          {t.contacts.map((c, i) => (
            <li key={i}>
              <span className="font-medium">{c.name}</span> <span className="text-slate-600">({formatEnumWords(c.role)})</span>
              {c.affiliation && <>, {c.affiliation}</>}
              {c.phone && <> · {c.phone}</>}
              {c.email && <> · <a href={`mailto:${c.email}`} className="underline">{c.email}</a></>}
            </li>
          ))}
        </ul>
      ) : <p className="text-sm"><NotReported>No contact reported</NotReported></p>}
      <LocationsList locations={t.locations} />
    </SectionFrame>
  );
}
