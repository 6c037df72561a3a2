/** A telephone number as a tel: URI (RFC 3966: digits, a leading +, ";ext=" for an extension); null when it has too few digits to dial. */
export function telHref(phone: string): string | null {
  const [main, ext] = phone.split(/\s*(?:ext\.?|extension|x)\s*(?=\d)/i);
  const digits = (main ?? "").replace(/[^\d+]/g, "").replace(/(?!^)\+/g, "");
  if (digits.replace(/\D/g, "").length < 5) return null;
  const extension = ext?.replace(/\D/g, "");
  return `tel:${digits}${extension ? `;ext=${extension}` : ""}`;
}

/** mailto: with the trial's id in the subject, so the site knows which trial is meant. */
export function mailHref(email: string, trialId: string): string | null {
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email.trim())) return null;
  return `mailto:${email.trim()}?subject=${encodeURIComponent(`${trialId}: enquiry about the trial`)}`;
}

/** A phone and an e-mail address as links a clinician can act on (plain text where they cannot be links). */
export function ContactLinks({ phone, email, trialId }: { phone: string | null; email: string | null; trialId: string }) {
  const tel = phone ? telHref(phone) : null;
  const mail = email ? mailHref(email, trialId) : null;
  return (
    <>
      {phone && <> · {tel ? <a href={tel} className="underline">{phone}</a> : phone}</>}
      {email && <> · {mail ? <a href={mail} className="underline break-all">{email}</a> : email}</>}
    </>
  );
}
