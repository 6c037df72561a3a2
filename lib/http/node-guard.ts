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
    }
    return (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
