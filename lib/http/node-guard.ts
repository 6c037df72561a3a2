import http from "node:http";
// Next's own check of the header, so that what passes here also passes the renderer.
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { ALLOWED_METHODS, commonHeaders, RESOURCE_CSP } from "./security-headers";

/**
 * Two kinds of request Next answers with a 500, and that proxy.ts cannot catch, are
 * answered here, at the Node HTTP server, before Next sees them:
 *  - methods the Fetch API refuses to represent (`new Request(url, { method: "TRACE" })`
 *    throws), so Next cannot build the request it hands to proxy.ts or a route handler:
 *    405 with `Allow`. (CONNECT never reaches a "request" listener.)
 *  - a `Next-Router-State-Tree` header (the client router sends it with `RSC: 1`) that
 *    Next cannot parse: rendering a 404 with it throws. Next strips this header from the
 *    request proxy.ts sees. 400.
 * Both answers carry the usual security headers.
 *
 * Every other response starts with them too (with the CSP of a resource): Next answers
 * some requests itself before proxy.ts runs, such as its 308 redirects of a trailing
 * slash, a repeated slash or dot segments, and those would carry none. proxy.ts relies on
 * them and sets only a page's CSP (with its nonce, replacing the resource CSP): the
 * headers are set once per response.
 */
export const FETCH_FORBIDDEN_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** Why Next could not serve this request without a 500, or null. */
export function refusal(method: string | undefined, headers: http.IncomingHttpHeaders): { status: 400 | 405; message: string } | null {
  if (FETCH_FORBIDDEN_METHODS.has((method ?? "").toUpperCase())) {
    return { status: 405, message: `Method ${method} not allowed; this address answers ${ALLOWED_METHODS.join(" and ")}.\n` };
  }
  const tree = headers["next-router-state-tree"];
  if (tree !== undefined) {
    try {
      parseAndValidateFlightRouterState(tree);
    } catch {
      return { status: 400, message: "Bad request: malformed Next-Router-State-Tree header.\n" };
    }
  }
  return null;
}

// The two sets of headers a response can start with, built once (they do not change).
const DEFAULTS = {
  http: Object.freeze({ ...commonHeaders({ https: false }), "Content-Security-Policy": RESOURCE_CSP }),
  https: Object.freeze({ ...commonHeaders({ https: true }), "Content-Security-Policy": RESOURCE_CSP }),
};
const DEFAULT_ENTRIES = { http: Object.entries(DEFAULTS.http), https: Object.entries(DEFAULTS.https) };

function overHttps(headers: http.IncomingHttpHeaders, encrypted: boolean): boolean {
  const proto = headers["x-forwarded-proto"];
  return encrypted || (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase() === "https";
}

/** The headers a response starts with (the proxy may replace the CSP). */
export function defaultHeaders(headers: http.IncomingHttpHeaders, encrypted: boolean): Readonly<Record<string, string>> {
  return overHttps(headers, encrypted) ? DEFAULTS.https : DEFAULTS.http;
}

let installed = false;

export function installNodeGuard(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardedEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const refused = refusal(req.method, req.headers);
      if (refused) {
        res.writeHead(refused.status, {
          ...commonHeaders({ https: false }),
          "Content-Security-Policy": RESOURCE_CSP,
          ...(refused.status === 405 ? { Allow: ALLOWED_METHODS.join(", ") } : {}),
          "Content-Type": "text/plain; charset=utf-8",
          "Cache-Control": "no-store",
        });
        res.end(req.method === "HEAD" ? undefined : refused.message);
        req.resume();
        return true;
      }
      for (const [k, v] of DEFAULT_ENTRIES[overHttps(req.headers, "encrypted" in req.socket && req.socket.encrypted === true) ? "https" : "http"]) res.setHeader(k, v);
    }
    return (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
