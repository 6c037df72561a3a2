import { NextResponse, type NextRequest } from "next/server";
import {
  ALLOWED_METHODS, commonHeaders, isAllowedMethod, isDecodablePath, isHttps, makeNonce, pageCsp, RESOURCE_CSP,
} from "@/lib/http/security-headers";

/**
 * In front of every route (pages, API, static files, 404s):
 *  - a page's CSP with a per-request nonce, handed to Next through the request's CSP
 *    header (the other security headers, lib/http/security-headers.ts, and a resource's
 *    CSP are on every response already: lib/http/node-guard.ts sets them first);
 *  - methods other than GET and HEAD are a 405 with `Allow` (the app has no forms that
 *    post and no server actions), before any route handler sees them;
 *  - a path whose percent-encoding does not decode is a 400, before routing tries to.
 * What Next fails on before proxy.ts runs (TRACE, bad router-state headers) is refused
 * earlier, at the Node server: lib/http/node-guard.ts, installed by instrumentation.ts.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const https = isHttps(url, request.headers.get("x-forwarded-proto"));
  const isDocumentRoute = !url.pathname.startsWith("/api/") && url.pathname !== "/api" && !url.pathname.startsWith("/_next/static/");

  const plain = (status: number, body: string, extra: Record<string, string> = {}) =>
    new NextResponse(request.method === "HEAD" ? null : body, {
      status,
      headers: { ...commonHeaders({ https }), "Content-Security-Policy": RESOURCE_CSP, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra },
    });

  if (!isAllowedMethod(request.method)) {
    return plain(405, `Method ${request.method.slice(0, 20)} not allowed; this address answers ${ALLOWED_METHODS.join(" and ")}.\n`, { Allow: ALLOWED_METHODS.join(", ") });
  }
  if (!isDecodablePath(url.pathname)) return plain(400, "Bad request: the address has malformed percent-encoding.\n");

  // The headers every response carries (and a resource's CSP) are already on it: the node
  // guard (lib/http/node-guard.ts) set them when the request came in. A page only replaces
  // the CSP with one of its own nonce, which Next reads from the request's CSP header.
  if (!isDocumentRoute) return NextResponse.next();
  const csp = pageCsp(makeNonce(), { https, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}
