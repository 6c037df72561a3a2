import { searchFeedItems } from "@/lib/data";
import { ATOM_TYPE, searchFeed } from "@/lib/feed/feeds";
import { siteUrl } from "@/lib/http/site-url";
import { parseSearchParams, searchParamsSchema } from "@/lib/search/params";

export const dynamic = "force-dynamic";

const KNOWN = new Set(Object.keys(searchParamsSchema.shape));

/**
 * GET /trials/feed?…: the Atom feed of the list's search (the same parameters as /trials):
 * its trials that are new or changed, newest first. A bad or unknown parameter is a 400
 * naming it, as on GET /api/trials.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].find((k) => !KNOWN.has(k));
  const bad = (message: string) => new Response(`Bad request: ${message}\n`, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (unknown) return bad(`unknown parameter "${unknown.slice(0, 100)}"`);
  const parsed = parseSearchParams(params);
  if (!parsed.ok) return bad(parsed.message);
  const { items } = await searchFeedItems(parsed.query);
  const base = siteUrl()?.origin ?? "";
  const body = searchFeed(parsed.query, items, base, Date.now());
  return new Response(request.method === "HEAD" ? null : body, { headers: { "Content-Type": ATOM_TYPE, "Cache-Control": "no-cache" } });
}
