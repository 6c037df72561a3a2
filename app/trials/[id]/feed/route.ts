import { trialFeedVersions } from "@/lib/data";
import { ATOM_TYPE, trialFeed } from "@/lib/feed/feeds";
import { siteUrl } from "@/lib/http/site-url";

export const dynamic = "force-dynamic";

/** GET /trials/{id}/feed: the Atom feed of one trial's versions, newest first, each with what it changed. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if ([...new URL(request.url).searchParams.keys()].length) {
    return new Response("Bad request: this feed takes no parameters\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const versions = await trialFeedVersions(id);
  if (!versions.length) return new Response(`No trial with id "${id.slice(0, 100)}"\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = trialFeed(id, versions, siteUrl()?.origin ?? "");
  return new Response(request.method === "HEAD" ? null : body, { headers: { "Content-Type": ATOM_TYPE, "Cache-Control": "no-cache" } });
}
