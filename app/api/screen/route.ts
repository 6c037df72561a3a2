import { getAllTrials, getTrials } from "@/lib/data";
import { parseScreenRequest, screenAnswer } from "@/lib/screen/api";

export const dynamic = "force-dynamic";

// The patient's values are in the query only: answered, never stored, never logged; and
// no cache along the way may keep them.
const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/screen: would this patient qualify? (shared/spec/screening.md) */
export async function GET(request: Request) {
  const req = parseScreenRequest(new URL(request.url).searchParams);
  if (!req.ok) return Response.json({ error: req.message, parameter: req.parameter }, { status: 400, headers: NO_STORE });
  const records = req.ids ? await getTrials(req.ids) : await getAllTrials();
  if (req.ids) {
    const missing = req.ids.find((id) => !records.some((r) => r.id === id));
    if (missing) return Response.json({ error: `ids: no trial "${missing}"`, parameter: "ids" }, { status: 400, headers: NO_STORE });
  }
  return Response.json(screenAnswer(records, req.patient), { headers: NO_STORE });
}
