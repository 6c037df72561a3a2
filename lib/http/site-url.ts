/**
 * The site's public address, for absolute URLs (canonical link, og:url): `SITE_URL`,
 * or in development the address `next dev` is bound to. Never the request's Host or
 * X-Forwarded-Host: those are the client's to choose, and a page cached with an
 * attacker's host in its canonical link would point every reader there.
 * In production without SITE_URL there is no absolute address: undefined.
 */
export function siteUrl(env: Record<string, string | undefined> = process.env): URL | undefined {
  const configured = env.SITE_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "http:" || url.protocol === "https:") return url;
    } catch {
      // An unusable SITE_URL is reported by absence, not by a crashing page.
    }
    return undefined;
  }
  if (env.NODE_ENV === "development") return new URL(`http://localhost:${env.PORT || "3000"}`);
  return undefined;
}
