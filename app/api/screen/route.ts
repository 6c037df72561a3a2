import { answerView } from "@/lib/data/view-pool";

export const dynamic = "force-dynamic";

/**
 * GET /api/screen: would this patient qualify? (shared/spec/screening.md) Answered on a
 * view worker (lib/data/view-jobs.ts, which also says why nothing here is stored or logged).
 */
export async function GET(request: Request) {
  return answerView({ kind: "screen-api", query: [...new URL(request.url).searchParams] });
}
