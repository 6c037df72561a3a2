import { screenInSlices, screenTrialsByIds } from "@/lib/data";
import { streamedJsonResponse } from "@/lib/http/json-stream";
import { parseScreenRequest, screenAnswerOf } from "@/lib/screen/api";

export const dynamic = "force-dynamic";

// The patient's values are in the query only: answered, never stored, never logged; and
// no cache along the way may keep them.
const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/screen: would this patient qualify? (shared/spec/screening.md) */
export async function GET(request: Request) {
  const req = parseScreenRequest(new URL(request.url).searchParams);
  if (!req.ok) return Response.json({ error: req.message, parameter: req.parameter }, { status: 400, headers: NO_STORE });
  const { trials, missing } = await screenTrialsByIds(req.ids);
  if (missing.length) return Response.json({ error: `ids: no trial "${missing[0]}"`, parameter: "ids" }, { status: 400, headers: NO_STORE });
  return streamedJsonResponse(screenAnswerOf(await screenInSlices(trials, req.patient), req.patient), { headers: NO_STORE });
}
