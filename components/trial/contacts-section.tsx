import type { TrialRecord } from "@/lib/record/schema";
import { NotReported } from "@/components/ui/badges";
import { formatEnumWords } from "@/lib/format";
import { SectionFrame } from "./section-frame";
import { ContactLinks } from "./contact-links";
import { LocationsList } from "./locations-list";
import { SiteMap } from "./site-map";
import { NearestContact, type NearContext } from "./nearest-contact";

export function ContactsSection({ t, near }: { t: TrialRecord; near?: NearContext }) {
  // A site's own contacts are shown with the site when the record ties them to it.
  const sitesHaveContacts = t.locations.some((l) => l.contacts?.length);
  const contacts = sitesHaveContacts ? t.contacts.filter((c) => c.role !== "SITE") : t.contacts;
  const trialId = t.nctId ?? t.id;
  return (
    <SectionFrame trialId={t.id} id="contacts" title="Contacts and locations">
      {near && <NearestContact t={t} near={near} />}
      {contacts.length ? (
        <ul className="space-y-1 text-sm wrap-break-word">
          {contacts.map((c, i) => (
            <li key={i}>
              <span className="font-medium">{c.name}</span> <span className="text-slate-600">({formatEnumWords(c.role)})</span>
              {c.affiliation && <>, {c.affiliation}</>}
              <ContactLinks phone={c.phone} email={c.email} trialId={trialId} />
            </li>
          ))}
        </ul>
      ) : !sitesHaveContacts && <p className="text-sm"><NotReported>No contact reported</NotReported></p>}
      <SiteMap t={t} origin={near && { ...near.point, label: near.label }} />
      <LocationsList t={t} />
    </SectionFrame>
  );
}
