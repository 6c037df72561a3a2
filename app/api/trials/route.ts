import { searchTrialRecords } from "@/lib/data";
import { parseSearchParams, searchParamsSchema } from "@/lib/search/params";

export const dynamic = "force-dynamic";

const KNOWN = new Set(Object.keys(searchParamsSchema.shape));

/**
 * GET /api/trials: the list's query parameters, paginated; `trials` are records in the
 * contract (shared/spec/trial-record.md). A bad or unknown parameter is a 400 naming it.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].find((k) => !KNOWN.has(k));
  if (unknown) {
    return Response.json({ error: `unknown parameter "${unknown}"`, parameter: unknown }, { status: 400 });
  }
  const parsed = parseSearchParams(params);
  if (!parsed.ok) return Response.json({ error: parsed.message, parameter: parsed.parameter }, { status: 400 });
  const { total, page, pageSize, trials } = await searchTrialRecords(parsed.query);
  return Response.json({ total, page, pageSize, pages: Math.ceil(total / pageSize), trials });
}
