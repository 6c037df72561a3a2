/**
 * The security headers every response carries (set by proxy.ts). Pure, so the policy
 * can be read and tested here.
 *
 * Pages get a CSP with a fresh nonce per request: Next.js inlines the RSC payload as
 * `<script>self.__next_f.push(…)</script>` chunks that differ on every page, so no fixed
 * list of hashes can allow them, and `'unsafe-inline'` scripts would make the policy
 * pointless against XSS. Every page here is rendered per request anyway (they read the
 * database), so the nonce costs no static rendering. Next reads the nonce from the
 * request's CSP header and puts it on its own <script> tags.
 *
 * Styles: `'self' 'unsafe-inline'`. The charts (Recharts) write `style="…"` attributes,
 * and client code inserts a <style> element at run time that carries no nonce (seen as
 * a violation on the list and comparison pages with a nonce in style-src); a nonce in
 * style-src would also switch 'unsafe-inline' off. Inline CSS cannot run script, and
 * React escapes every text it renders, so this keeps the script policy strict.
 *
 * API responses and files are not documents: they get `default-src 'none'`.
 */

export const PERMISSIONS_POLICY = [
  "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
  "gyroscope", "magnetometer", "microphone", "midi", "payment", "picture-in-picture", "publickey-credentials-get",
  "screen-wake-lock", "usb", "xr-spatial-tracking", "browsing-topics",
].map((feature) => `${feature}=()`).join(", ");

export const HSTS = "max-age=63072000; includeSubDomains";

export interface PolicyOptions {
  /** The request came over HTTPS (directly or as told by the proxy in front). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids. */
  development: boolean;
}

/** A nonce: 128 random bits, base64. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The CSP of an HTML page rendered with `nonce`. */
export function pageCsp(nonce: string, { https, development }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The CSP of anything that is not a page: JSON, CSV, scripts, styles, images. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The headers besides the CSP, the same on every response. */
export function commonHeaders({ https }: Pick<PolicyOptions, "https">): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * Whether the request came over HTTPS: the URL Next saw, or the first hop's
 * `X-Forwarded-Proto`. Trusting the header here is harmless: on plain HTTP browsers
 * ignore Strict-Transport-Security, so a forged header can only add an ignored one.
 */
export function isHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** A request path that decodes (`/trials/%FF` does not: it is no UTF-8). */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The methods every route answers; anything else is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD"] as const;
export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method.toUpperCase());
}
